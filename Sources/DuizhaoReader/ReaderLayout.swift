import DuizhaoCompare
import DuizhaoCore
import Synchronization

/// Text widths of the two panes; 0 means the pane is not shown.
typealias PaneWidths = Sides<Int>

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
    var lines: Sides<[LineRef]>
    var count: Int

    static let empty = BlockRows(lines: Sides(repeating: []), count: 0)
}

/// The aligned pair: both documents cut into pieces, the comparison (once it has arrived) and the list of
/// alignment blocks. An immutable value, built once per comparison; what is derived from it lazily (styled
/// text, wrapped rows) lives in a `LayoutCache`.
struct AlignedPair: Sendable {
    /// The national document is always there; the provincial one when a pair is read.
    let documents: Sides<PiecedDocument?>
    let comparisonIndex: ComparisonIndex?
    let blocks: [AlignmentBlock]
    /// Block index of every piece, per side.
    let blockOfPiece: Sides<[Int]>
    /// Cumulative piece weight before each block (for the position percentage); one extra entry: the total.
    let weightPrefix: [Int]
    /// The provincial document's level (省, 市 …) once compared: a localisation to another level is an actor.
    let localLevel: String?

    init(national: PiecedDocument, provincial: PiecedDocument?, comparison: Comparison?) {
        documents = Sides(national: national, provincial: provincial)
        comparisonIndex = comparison.map(ComparisonIndex.init)
        localLevel = comparison == nil ? nil : provincial.flatMap { Localization.dominantLevel(of: $0.document) }
        let blocks = AlignmentBuilder.blocks(national: national, provincial: provincial, comparison: comparison)
        self.blocks = blocks
        var blockOfPiece = Sides(
            national: Array(repeating: 0, count: national.pieces.count),
            provincial: Array(repeating: 0, count: provincial?.pieces.count ?? 0))
        var prefix: [Int] = [0]
        prefix.reserveCapacity(blocks.count + 1)
        for (index, block) in blocks.enumerated() {
            var weight = 1
            for side in DocumentSide.allCases {
                guard let document = documents[side] else { continue }
                for piece in block.pieces[side] {
                    blockOfPiece[side][piece] = index
                    weight += document.pieces[piece].weight
                }
            }
            prefix.append(prefix[prefix.count - 1] + weight)
        }
        self.blockOfPiece = blockOfPiece
        weightPrefix = prefix
    }

    var blockCount: Int { blocks.count }

    func document(_ side: DocumentSide) -> PiecedDocument? { documents[side] }

    /// Block holding a division of one side.
    func block(ofDivision id: String, side: DocumentSide) -> Int? {
        guard let piece = documents[side]?.pieceOfDivision[id] else { return nil }
        return blockOfPiece[side][piece]
    }
}

/// Where a substantive change starts: a block, a side, a display paragraph of that side and the scalar offset
/// in it (independent of the pane widths). `c`/`C` walk these in reading order.
struct ChangeStop: Sendable, Equatable {
    var block: Int
    var side: DocumentSide
    var paragraph: Int
    var offset: Int
    var kind: ChangeKind
}

/// The last stop of `c`/`C` and the reading row and widths it left: the next `c` goes on from the stop while
/// the view has not moved since.
struct ChangeCursor: Sendable, Equatable {
    var stop: ChangeStop
    var reading: RowPosition
    var widths: PaneWidths
}

/// What is derived lazily from an `AlignedPair`: the styled text of blocks (with character diffs) and their
/// rows wrapped at the current pane widths. A class shared by copies of a reading screen; every entry is a pure
/// function of the pair and its key, so sharing it never changes what a copy shows. Thread-safe (the adapter
/// may prefetch on another thread).
final class LayoutCache: @unchecked Sendable {
    let pair: AlignedPair

    /// Guards the dictionaries below (the class is shared across threads).
    private let lock = Mutex(())
    private var contents: [Int: BlockContent] = [:]
    private var rowsWidths: PaneWidths?
    private var rows: [Int: BlockRows] = [:]
    private var changes: [SentenceRef: [Change]] = [:]
    private var stops: [Int: [ChangeStop]] = [:]
    private static let cacheLimit = 4096

    init(_ pair: AlignedPair) {
        self.pair = pair
    }

    /// The styled text of a block (built on first use).
    func content(_ block: Int) -> BlockContent {
        if let cached = lock.withLock({ _ in contents[block] }) { return cached }
        let builder = BlockContentBuilder(
            documents: pair.documents, index: pair.comparisonIndex,
            changes: { [unowned self] ref, sources, sentence in self.changes(ref, sources: sources, sentence: sentence)
            })
        let built = builder.build(pair.blocks[block])
        lock.withLock { _ in
            if contents.count >= Self.cacheLimit { contents.removeAll(keepingCapacity: true) }
            contents[block] = built
        }
        return built
    }

    /// The classified changes of a provincial sentence against its sources (cached by sentence).
    private func changes(_ ref: SentenceRef, sources: String, sentence: String) -> [Change] {
        if let cached = lock.withLock({ _ in changes[ref] }) { return cached }
        let found = ChangeClassifier.changes(national: sources, provincial: sentence, localLevel: pair.localLevel)
        lock.withLock { _ in
            if changes.count >= Self.cacheLimit * 8 { changes.removeAll(keepingCapacity: true) }
            changes[ref] = found
        }
        return found
    }

    /// The rows of a block at the given widths (wrapped on first use, cached per width).
    func rows(_ block: Int, widths: PaneWidths) -> BlockRows {
        let cached = lock.withLock { _ -> BlockRows? in
            if rowsWidths != widths {
                rows.removeAll(keepingCapacity: true)
                rowsWidths = widths
            }
            return rows[block]
        }
        if let cached { return cached }
        let laidOut = RowLayout.layOut(
            pair.blocks[block], content: { self.content(block) }, widths: widths,
            hasProvincial: pair.documents.provincial != nil)
        lock.withLock { _ in
            guard rowsWidths == widths else { return }
            if rows.count >= Self.cacheLimit { rows.removeAll(keepingCapacity: true) }
            rows[block] = laidOut
        }
        return laidOut
    }

    /// Where each substantive change of a block starts, on both sides (width-independent; built on first use).
    func changeStops(_ block: Int) -> [ChangeStop] {
        if let cached = lock.withLock({ _ in stops[block] }) { return cached }
        var found: [ChangeStop] = []
        if DocumentSide.allCases.contains(where: { !pair.blocks[block].pieces[$0].isEmpty }) {
            let content = content(block)
            for side in DocumentSide.allCases {
                for (index, paragraph) in content.paragraphs[side].enumerated() {
                    let kinds = paragraph.kinds
                    for offset in kinds.indices {
                        guard let kind = kinds[offset], kind.isSubstantive,
                            offset == 0 || kinds[offset - 1] != kind
                        else { continue }
                        found.append(
                            ChangeStop(block: block, side: side, paragraph: index, offset: offset, kind: kind))
                    }
                }
            }
        }
        lock.withLock { _ in stops[block] = found }
        return found
    }

    /// How many change stops of the given sides lie in the blocks before `end` (every block's text is styled
    /// the first time: the count for `c`'s "change 7 of 112" needs them all).
    func changeStopCount(before end: Int, sides: [DocumentSide]) -> Int {
        var count = 0
        for block in 0..<min(end, pair.blockCount) {
            count += changeStops(block).reduce(0) { $0 + (sides.contains($1.side) ? 1 : 0) }
        }
        return count
    }

    /// How many blocks are wrapped at the current widths (the layout is lazy: only blocks looked at).
    var laidOutBlockCount: Int { lock.withLock { _ in rows.count } }

    /// Number of rows of a block at the given widths.
    func height(_ block: Int, widths: PaneWidths) -> Int { rows(block, widths: widths).count }

}

/// Wrapping of a block's paragraphs into screen rows, both sides kept level.
enum RowLayout {
    static func layOut(
        _ block: AlignmentBlock, content makeContent: () -> BlockContent, widths: PaneWidths, hasProvincial: Bool
    ) -> BlockRows {
        let shown = Sides(national: widths.national > 0, provincial: widths.provincial > 0 && hasProvincial)
        let has = block.pieces.map { !$0.isEmpty }
        // A block with nothing to show on the visible side(s) takes no rows.
        if !(shown.national && has.national) && !(shown.provincial && has.provincial) { return .empty }
        let content = makeContent()
        if shown.national != shown.provincial {
            let side: DocumentSide = shown.national ? .national : .provincial
            var lines = wrap(content.paragraphs[side], width: widths[side]).flatMap { $0 }
            if !lines.isEmpty { lines.append(.filler) }
            var sides = Sides<[LineRef]>(repeating: [])
            sides[side] = lines
            return BlockRows(lines: sides, count: lines.count)
        }
        let wrapped = Sides(each: { wrap(content.paragraphs[$0], width: widths[$0]) })
        var lines = Sides<[LineRef]>(repeating: [])
        // Segments start at sentence sync anchors (numbered alike on both sides); each pair of segments
        // starts on the same row, the shorter padded.
        // Only anchors present on both sides sync (a sentence that could not be located has none).
        let shared = Set(content.paragraphs.national.compactMap(\.anchor))
            .intersection(content.paragraphs.provincial.compactMap(\.anchor))
        let segments = content.paragraphs.map { Self.segments($0, at: shared) }
        for segment in 0..<max(segments.national.count, segments.provincial.count) {
            for side in DocumentSide.allCases where segment < segments[side].count {
                for paragraphLines in wrapped[side][segments[side][segment]] { lines[side] += paragraphLines }
            }
            let level = max(lines.national.count, lines.provincial.count)
            for side in DocumentSide.allCases {
                lines[side] += Array(repeating: .filler, count: level - lines[side].count)
            }
        }
        if block.kind == .unmatched {
            for side in DocumentSide.allCases where !has[side] && !lines[side.other].isEmpty {
                lines[side] = [.placeholder] + Array(repeating: .filler, count: lines[side.other].count - 1)
            }
        }
        let count = max(lines.national.count, lines.provincial.count) + 1
        for side in DocumentSide.allCases {
            lines[side] += Array(repeating: .filler, count: count - lines[side].count)
        }
        return BlockRows(lines: lines, count: count)
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
