import DuizhaoCompare
import DuizhaoCore
import Foundation

/// Text widths of the two panes; 0 means the pane is not shown.
struct PaneWidths: Sendable, Hashable {
    var national: Int
    var provincial: Int

    func width(_ side: DocumentSide) -> Int { side == .national ? national : provincial }
}

/// One screen row of one side of a block: a slice of a display paragraph, or a filler.
struct LineRef: Sendable, Equatable {
    static let fillerParagraph: Int32 = -1
    static let placeholderParagraph: Int32 = -2
    static let filler = LineRef(paragraph: fillerParagraph, start: 0, end: 0, indent: 0)
    static let placeholder = LineRef(paragraph: placeholderParagraph, start: 0, end: 0, indent: 0)

    /// Index into the side's display paragraphs, or a negative marker.
    var paragraph: Int32
    /// Scalar range of the paragraph shown on this row.
    var start: Int32
    var end: Int32
    /// Cells of indentation before the text.
    var indent: UInt8

    var isText: Bool { paragraph >= 0 }
}

/// The rows of one block at given pane widths: both sides have the same number of rows (the shorter
/// side padded), or only the shown side's rows in single-pane mode.
struct BlockRows: Sendable {
    var national: [LineRef]
    var provincial: [LineRef]
    var count: Int

    func lines(_ side: DocumentSide) -> [LineRef] { side == .national ? national : provincial }
}

/// Immutable alignment of a document pair plus caches of styled blocks and of wrapped rows per width.
/// Shared between copies of a `ReaderModel` (caches are keyed by everything they depend on).
final class ReaderLayout: @unchecked Sendable {
    let national: PiecedDocument
    let provincial: PiecedDocument?
    let comparisonIndex: ComparisonIndex?
    let blocks: [AlignmentBlock]
    /// Block index of every piece, per side.
    let blockOfNationalPiece: [Int]
    let blockOfProvincialPiece: [Int]
    /// Cumulative piece weight before each block (for the position percentage); one extra entry: the total.
    let weightPrefix: [Int]
    let alignSentences: Bool

    private let lock = NSLock()
    private var contents: [Int: BlockContent] = [:]
    private var rowsWidths: PaneWidths?
    private var rows: [Int: BlockRows] = [:]
    private var diffs: [SentenceRef: [DiffSegment]] = [:]
    private static let cacheLimit = 4096

    init(national: PiecedDocument, provincial: PiecedDocument?, comparison: Comparison?, alignSentences: Bool) {
        self.national = national
        self.provincial = provincial
        self.alignSentences = alignSentences
        comparisonIndex = comparison.map(ComparisonIndex.init)
        let blocks = AlignmentBuilder.blocks(national: national, provincial: provincial, comparison: comparison)
        self.blocks = blocks
        var nationalBlock = Array(repeating: 0, count: national.pieces.count)
        var provincialBlock = Array(repeating: 0, count: provincial?.pieces.count ?? 0)
        var prefix: [Int] = [0]
        prefix.reserveCapacity(blocks.count + 1)
        for (index, block) in blocks.enumerated() {
            var weight = 1
            for piece in block.national {
                nationalBlock[piece] = index
                weight += national.pieces[piece].weight
            }
            for piece in block.provincial {
                provincialBlock[piece] = index
                weight += provincial?.pieces[piece].weight ?? 0
            }
            prefix.append(prefix[prefix.count - 1] + weight)
        }
        blockOfNationalPiece = nationalBlock
        blockOfProvincialPiece = provincialBlock
        weightPrefix = prefix
    }

    var blockCount: Int { blocks.count }

    func document(_ side: DocumentSide) -> PiecedDocument? { side == .national ? national : provincial }

    /// Block holding a division of one side.
    func block(ofDivision id: String, side: DocumentSide) -> Int? {
        guard let piece = document(side)?.pieceOfDivision[id] else { return nil }
        return side == .national ? blockOfNationalPiece[piece] : blockOfProvincialPiece[piece]
    }

    /// The styled text of a block (built on first use).
    func content(_ block: Int) -> BlockContent {
        lock.lock()
        if let cached = contents[block] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let builder = BlockContentBuilder(
            national: national, provincial: provincial, index: comparisonIndex, alignSentences: alignSentences,
            diff: { [unowned self] ref, sources, sentence in self.diff(ref, sources: sources, sentence: sentence) })
        let built = builder.build(blocks[block])
        lock.lock()
        if contents.count >= Self.cacheLimit { contents.removeAll(keepingCapacity: true) }
        contents[block] = built
        lock.unlock()
        return built
    }

    private func diff(_ ref: SentenceRef, sources: String, sentence: String) -> [DiffSegment] {
        lock.lock()
        if let cached = diffs[ref] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let segments = CharacterDiff.diff(national: sources, provincial: sentence)
        lock.lock()
        if diffs.count >= Self.cacheLimit * 8 { diffs.removeAll(keepingCapacity: true) }
        diffs[ref] = segments
        lock.unlock()
        return segments
    }

    /// The rows of a block at the given widths (wrapped on first use, cached per width).
    func rows(_ block: Int, widths: PaneWidths) -> BlockRows {
        lock.lock()
        if rowsWidths != widths {
            rows.removeAll(keepingCapacity: true)
            rowsWidths = widths
        }
        if let cached = rows[block] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let laidOut = layOut(block, widths: widths)
        lock.lock()
        if rowsWidths == widths {
            if rows.count >= Self.cacheLimit { rows.removeAll(keepingCapacity: true) }
            rows[block] = laidOut
        }
        lock.unlock()
        return laidOut
    }

    /// How many blocks are wrapped at the current widths (the layout is lazy: only blocks looked at).
    var laidOutBlockCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return rows.count
    }

    /// Number of rows of a block at the given widths.
    func height(_ block: Int, widths: PaneWidths) -> Int { rows(block, widths: widths).count }

    private func layOut(_ blockIndex: Int, widths: PaneWidths) -> BlockRows {
        let block = blocks[blockIndex]
        let showNational = widths.national > 0
        let showProvincial = widths.provincial > 0 && provincial != nil
        let hasNational = !block.national.isEmpty, hasProvincial = !block.provincial.isEmpty
        // A block with nothing to show on the visible side(s) takes no rows.
        if !(showNational && hasNational) && !(showProvincial && hasProvincial) {
            return BlockRows(national: [], provincial: [], count: 0)
        }
        let content = content(blockIndex)
        if showNational != showProvincial {
            let side: DocumentSide = showNational ? .national : .provincial
            var lines = Self.wrap(content.paragraphs(side), width: widths.width(side)).flatMap { $0 }
            if !lines.isEmpty { lines.append(.filler) }
            let empty: [LineRef] = []
            return side == .national
                ? BlockRows(national: lines, provincial: empty, count: lines.count)
                : BlockRows(national: empty, provincial: lines, count: lines.count)
        }
        let left = Self.wrap(content.national, width: widths.national)
        let right = Self.wrap(content.provincial, width: widths.provincial)
        var nationalLines: [LineRef] = [], provincialLines: [LineRef] = []
        // Segments start at sentence sync anchors (numbered alike on both sides); each pair of segments
        // starts on the same row, the shorter padded.
        // Only anchors present on both sides sync (a sentence that could not be located has none).
        let shared = Set(content.national.compactMap(\.anchor)).intersection(content.provincial.compactMap(\.anchor))
        let leftSegments = Self.segments(content.national, at: shared)
        let rightSegments = Self.segments(content.provincial, at: shared)
        for segment in 0..<max(leftSegments.count, rightSegments.count) {
            if segment < leftSegments.count {
                for lines in left[leftSegments[segment]] { nationalLines += lines }
            }
            if segment < rightSegments.count {
                for lines in right[rightSegments[segment]] { provincialLines += lines }
            }
            let level = max(nationalLines.count, provincialLines.count)
            nationalLines += Array(repeating: .filler, count: level - nationalLines.count)
            provincialLines += Array(repeating: .filler, count: level - provincialLines.count)
        }
        if block.kind == .unmatched {
            if !hasNational, !provincialLines.isEmpty {
                nationalLines = [.placeholder] + Array(repeating: .filler, count: provincialLines.count - 1)
            }
            if !hasProvincial, !nationalLines.isEmpty {
                provincialLines = [.placeholder] + Array(repeating: .filler, count: nationalLines.count - 1)
            }
        }
        let count = max(nationalLines.count, provincialLines.count) + 1
        nationalLines += Array(repeating: .filler, count: count - nationalLines.count)
        provincialLines += Array(repeating: .filler, count: count - provincialLines.count)
        return BlockRows(national: nationalLines, provincial: provincialLines, count: count)
    }

    /// Paragraph ranges: the text before the first of the `anchors` (possibly empty), then one range from
    /// each anchored paragraph to the next; both sides of a block get `anchors.count + 1` ranges.
    static func segments(_ paragraphs: [DisplayParagraph], at anchors: Set<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, paragraph) in paragraphs.enumerated() {
            guard let anchor = paragraph.anchor, anchors.contains(anchor) else { continue }
            result.append(start..<index)
            start = index
        }
        result.append(start..<paragraphs.count)
        return result
    }

    /// Wraps each paragraph into lines of at most `width` cells (first lines indented by two ideographic spaces
    /// when the pane is wide enough).
    static func wrap(_ paragraphs: [DisplayParagraph], width: Int) -> [[LineRef]] {
        paragraphs.enumerated().map { index, paragraph in
            wrap(paragraph, index: Int32(index), width: width)
        }
    }

    static let indentPrefix = "\u{3000}\u{3000}"

    static func wrap(_ paragraph: DisplayParagraph, index: Int32, width: Int) -> [LineRef] {
        let indent = paragraph.indented && width >= 16
        let text = indent ? indentPrefix + paragraph.text : paragraph.text
        let shift = indent ? 2 : 0
        return LineBreaker.wrapLines(text, width: max(1, width)).enumerated().map { lineIndex, line in
            let start = max(0, line.start - shift)
            let end = line.start + line.text.unicodeScalars.count - shift
            return LineRef(
                paragraph: index, start: Int32(start), end: Int32(max(start, end)),
                indent: lineIndex == 0 && indent ? 4 : 0)
        }
    }
}
