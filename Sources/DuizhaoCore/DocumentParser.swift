/// Recovers the structure of a document from its cleaned lines (see `PolicyImporter`).
struct DocumentParser {
    var lines: [SourceLine]
    let source: String
    var warnings: [ImportWarning] = []
    var outOfSequence = 0

    init(lines: [SourceLine], source: String) {
        self.lines = lines
        self.source = source
    }

    mutating func parse() -> PolicyDocument {
        let table = MetadataTable.extract(from: &lines)
        let split = attachmentSplit()
        lines = split.main
        var document = parseStructure()
        for (offset, attachment) in split.attachments.enumerated() {
            let (division, attachmentWarnings) = Self.attachmentDivision(
                label: attachment.label, title: attachment.title, lines: attachment.lines, ordinal: offset + 1,
                source: source)
            document.divisions.append(division)
            document.warnings += attachmentWarnings.map { .inAttachment(attachment.label, $0) }
        }
        if !table.isEmpty { MetadataTable.apply(table, to: &document) }
        return document
    }

    /// The structure of one instrument (the main text, or one attachment).
    mutating func parseStructure() -> PolicyDocument {
        lines = joinWrappedLines(lines)
        if let lawStart = lawBodyStart() { return parseLaw(bodyStart: lawStart) }
        let chain = mainChain()
        let bodyStart = chain?.start ?? lines.count
        var document = PolicyDocument(source: source)
        let front = analyseFrontMatter(upTo: bodyStart, into: &document)
        if let chain {
            var bodyEnd = endOfBody(from: bodyStart)
            bodyEnd = trimTrailingNoise(from: bodyStart, to: bodyEnd, into: &document)
            document.divisions = buildTree(lines[bodyStart..<bodyEnd], topKind: chain.kind)
        } else {
            var bodyEnd = endOfBody(from: front.preambleStart)
            bodyEnd = trimTrailingNoise(from: front.preambleStart, to: bodyEnd, into: &document)
            let paragraphs = lines[front.preambleStart..<bodyEnd].filter { !isMetadataLine($0.text) }.map(\.text)
            document.preamble = []
            document.divisions = [
                Division(id: "1", kind: .body, label: "", number: 1, title: "正文", paragraphs: paragraphs)
            ]
            warnings.append(.noNumbering)
        }
        return finished(document)
    }

    /// The document with a fallback title when none was found, and the warnings collected on the way.
    mutating func finished(_ document: PolicyDocument) -> PolicyDocument {
        var document = document
        if document.title.isEmpty {
            document.title = fallbackTitle()
            warnings.append(.noTitle(fallback: document.title))
        }
        if outOfSequence > 20 { warnings.append(.moreOutOfSequence(count: outOfSequence - 20)) }
        document.warnings = warnings
        return document
    }

    // MARK: Hard-wrapped lines

    /// Joins lines that a PDF hard-wrapped at a fixed width back into paragraphs.
    private mutating func joinWrappedLines(_ input: [SourceLine]) -> [SourceLine] {
        guard input.count >= 4 else { return input }
        // A line is "full" when it reaches the typical wrap width, in cells or in characters (a PDF may wrap at a
        // fixed number of characters whatever their width).
        guard let fullWidth = Self.fullThreshold(input.map(\.printedWidth)),
            let fullLength = Self.fullThreshold(input.map(\.printedLength))
        else { return input }
        // A centred line (a title or heading set in from both sides) is never a wrapped one.
        func isFull(_ line: SourceLine) -> Bool {
            line.indentWidth < 8 && (line.printedWidth >= fullWidth || line.printedLength >= fullLength)
        }
        var fullUnfinished = 0
        for line in input where isFull(line) && !LineClassifier.endsSentence(line.text) { fullUnfinished += 1 }
        guard fullUnfinished >= 2, fullUnfinished * 100 >= input.count * 15 else { return input }
        // Indentation marks paragraph starts when most likely starts (headings, lines after a finished sentence)
        // are indented while the text as a whole is not uniformly indented.
        var headings = 0
        var indentedHeadings = 0
        var starts = 0
        var indentedStarts = 0
        var plain = 0
        var indentedPlain = 0
        for (index, line) in input.enumerated() {
            if line.heading != nil {
                headings += 1
                if line.indented { indentedHeadings += 1 }
                continue
            }
            plain += 1
            if line.indented { indentedPlain += 1 }
            if index > 0, input[index - 1].heading != nil || LineClassifier.endsSentence(input[index - 1].text) {
                starts += 1
                if line.indented { indentedStarts += 1 }
            }
        }
        let startsAreIndented =
            (headings > 0 && indentedHeadings * 2 >= headings) || (starts > 0 && indentedStarts * 2 >= starts)
        let indentationMarksParagraphs = startsAreIndented && indentedPlain * 10 <= plain * 9
        var output: [SourceLine] = []
        output.reserveCapacity(input.count)
        var joins = 0
        for line in input {
            if let previous = output.last, line.heading == nil, !line.blankBefore, isFull(previous),
                !LineClassifier.isEndMarker(line.text),
                indentationMarksParagraphs ? !line.indented : !LineClassifier.endsSentence(previous.text)
            {
                var merged = previous
                merged.text = joinText(previous.text, line.text)
                merged.heading = previous.heading == nil ? nil : LineClassifier.heading(merged.text)
                // The joined line's last piece decides whether the next one continues it.
                merged.width = line.width
                merged.indentWidth = line.indentWidth
                merged.printedLength = line.printedLength
                output[output.count - 1] = merged
                joins += 1
            } else {
                output.append(line)
            }
        }
        if joins > 0 { warnings.append(.joinedWrappedLines(count: joins)) }
        return output
    }

    /// The size a wrapped line reaches: the 90th percentile of the longer lines, less some slack for kinsoku and
    /// half-width characters; nil when lines are too short to tell.
    private static func fullThreshold(_ sizes: [Int]) -> Int? {
        var sizes = sizes.filter { $0 >= 8 }
        guard sizes.count >= 4 else { return nil }
        sizes.sort()
        let typical = sizes[min(sizes.count - 1, sizes.count * 9 / 10)]
        guard typical >= 10 else { return nil }
        return typical - max(2, typical / 10)
    }

    /// Joins a wrapped line to its continuation: without a space in Chinese text (also inside a Latin word embedded
    /// in Chinese, `WI` + `FI`), with one between words of Latin text.
    private func joinText(_ left: String, _ right: String) -> String {
        let scalars = left.unicodeScalars
        guard let last = scalars.last, let first = right.unicodeScalars.first,
            last.isASCII, first.isASCII, last.properties.isAlphabetic, first.properties.isAlphabetic
        else { return left + right }
        let beforeWord = scalars.reversed().first { !($0.isASCII && $0.properties.isAlphabetic) }
        return beforeWord == nil || beforeWord == " " ? left + " " + right : left + right
    }

    // MARK: Where the body starts

    private struct Chain {
        var kind: DivisionKind
        var start: Int
        var length: Int
    }

    /// The longest run 1, 2, 3… of headings of the highest kind present. A run ends where numbering starts again
    /// at 1, so a clause or section quoted before the document (web pages do that) makes a short run of its own;
    /// of equally long runs the first wins (the document, then any attachment numbered afresh).
    private func mainChain() -> Chain? {
        for kind in [DivisionKind.section, .item, .clause] {
            let candidates = lines.indices.filter { lines[$0].heading?.kind == kind }
            guard !candidates.isEmpty else { continue }
            var best: Chain?
            for (position, index) in candidates.enumerated() where lines[index].heading!.number == 1 {
                var expected = 2
                var length = 1
                for later in candidates[(position + 1)...] {
                    let number = lines[later].heading!.number
                    if number == 1 { break }
                    if number == expected {
                        expected += 1
                        length += 1
                    }
                }
                if best == nil || length > best!.length { best = Chain(kind: kind, start: index, length: length) }
            }
            if let best, best.length >= 2 || kind == .section { return best }
        }
        return nil
    }

    // MARK: Front matter

    private struct FrontMatter {
        var preambleStart: Int
    }

    func isMetadataLine(_ text: String) -> Bool {
        LineClassifier.standaloneDate(text) != nil || LineClassifier.isReleaseLine(text)
            || LineClassifier.isIssuerLine(text)
            || LineClassifier.isNoise(text) || LineClassifier.noticeTitle(text) != nil
            || (text.utf8.count <= 120 && LineClassifier.documentNumber(in: text) != nil)
    }

    /// Finds the title, notice, metadata and preamble before the body; drops web noise before the document.
    private mutating func analyseFrontMatter(upTo bodyStart: Int, into document: inout PolicyDocument) -> FrontMatter {
        let front = 0..<bodyStart
        let start =
            front.first { index in
                let text = lines[index].text
                return LineClassifier.title(text) != nil || LineClassifier.isReleaseLine(text)
                    || LineClassifier.noticeTitle(text) != nil || LineClassifier.standaloneDate(text) != nil
            } ?? 0
        if start > 0 {
            warnings.append(
                .ignoredBeforeStart(count: start, firstLine: lines[0].number, lastLine: lines[start - 1].number))
        }
        let titleIndex = front.last { $0 >= start && LineClassifier.title(lines[$0].text) != nil }
        var titleLines: ClosedRange<Int>?
        var preambleStart = titleIndex.map { $0 + 1 } ?? start
        // Metadata directly under the title (issuers, date, number) is not preamble.
        while preambleStart < bodyStart,
            isMetadataLine(lines[preambleStart].text) || LineClassifier.title(lines[preambleStart].text) != nil
        {
            preambleStart += 1
        }
        if let titleIndex {
            document.title = LineClassifier.title(lines[titleIndex].text)!
            // A title printed on two or three lines: `国务院关于进一步做好` + `为农民工服务工作的意见`.
            var first = titleIndex
            while first > 0, first > titleIndex - 2, !lines[first].blankBefore, isTitleFragment(lines[first - 1].text) {
                first -= 1
            }
            if first < titleIndex {
                document.title = lines[first..<titleIndex].map(\.text).joined() + document.title
                if first < start {
                    warnings.removeAll { if case .ignoredBeforeStart = $0 { return true } else { return false } }
                    if first > 0 {
                        warnings.append(
                            .ignoredBeforeStart(
                                count: first, firstLine: lines[0].number, lastLine: lines[first - 1].number))
                    }
                }
            }
            titleLines = first...titleIndex
        }

        var noticeTitleIssuers: String?
        for index in start..<preambleStart where !(titleLines?.contains(index) ?? false) {
            let text = lines[index].text
            if LineClassifier.isNoise(text) { continue }
            if LineClassifier.title(text) != nil && document.title == LineClassifier.title(text) { continue }
            document.notice.append(text)
            if let notice = LineClassifier.noticeTitle(text) {
                if document.title.isEmpty { document.title = notice.title }
                if !notice.issuers.isEmpty { noticeTitleIssuers = notice.issuers }
            }
        }
        for index in start..<bodyStart {
            let text = lines[index].text
            if document.date == nil, let date = LineClassifier.standaloneDate(text) {
                document.date = date
                if document.issuers.isEmpty, index > start, LineClassifier.isIssuerLine(lines[index - 1].text) {
                    document.issuers = LineClassifier.splitIssuers(lines[index - 1].text)
                }
            }
            if document.documentNumber == nil, text.utf8.count <= 180,
                let number = LineClassifier.documentNumber(in: text)
            {
                document.documentNumber = number
            }
        }
        if document.issuers.isEmpty, let noticeTitleIssuers {
            document.issuers = LineClassifier.splitIssuers(noticeTitleIssuers)
        }
        if document.issuers.isEmpty,
            let issuerLine = (start..<bodyStart).first(where: {
                LineClassifier.isIssuerLine(lines[$0].text) && !isSourceValue(at: $0)
            })
        {
            document.issuers = LineClassifier.splitIssuers(lines[issuerLine].text)
        }
        if let release = (start..<bodyStart).first(where: { LineClassifier.isReleaseLine(lines[$0].text) }) {
            let text = lines[release].text
            if document.issuers.isEmpty, let issuers = issuersInRelease(text) { document.issuers = issuers }
            if document.date == nil { document.date = LineClassifier.firstDate(in: text) }
            if document.date == nil, let (month, day) = LineClassifier.releaseMonthDay(text),
                let year = lines.lazy.compactMap({ LineClassifier.firstDate(in: $0.text) }).first?.prefix(4)
            {
                document.date = "\(year)-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))"
                warnings.append(.releaseYearGuessed(year: String(year)))
            }
        }
        document.preamble = (preambleStart..<bodyStart)
            .filter { !isMetadataLine(lines[$0].text) && !isSourceValue(at: $0) && !isSourceValue(at: $0 + 1) }
            .map { lines[$0].text }
        // Page furniture inside the front matter (share buttons, timestamps, navigation) is dropped, and counted.
        let furniture = lines[start..<bodyStart].filter {
            LineClassifier.isNoise($0.text) && LineClassifier.standaloneDate($0.text) == nil
        }
        if let first = furniture.first, let last = furniture.last {
            warnings.append(
                .droppedPageFurniture(count: furniture.count, firstLine: first.number, lastLine: last.number))
        }
        return FrontMatter(preambleStart: preambleStart)
    }

    /// Whether the line at `index` is the value under a bare `来源：` label (a repost's source, not its issuer).
    private func isSourceValue(at index: Int) -> Bool {
        guard index > 0, index < lines.count else { return false }
        let previous = String(lines[index - 1].text.unicodeScalars.filter { !$0.isLayoutSpace })
        return ["来源：", "来源:", "信息来源：", "信息来源:", "稿源：", "稿源:", "转自：", "转自:"].contains(previous)
    }

    /// The first part of a title broken over lines: short, unpunctuated, not a title, date, number or heading itself.
    private func isTitleFragment(_ text: String) -> Bool {
        text.unicodeScalars.count <= 30 && !text.unicodeScalars.contains { "，。；：,;:".unicodeScalars.contains($0) }
            && LineClassifier.title(text) == nil && LineClassifier.heading(text) == nil && !isMetadataLine(text)
            && LineClassifier.firstDate(in: text) == nil && !LineClassifier.isBreadcrumb(text) && !text.contains("_")
    }

    /// `…近日，中共中央办公厅、国务院办公厅印发了《…》` → the bodies before 印发.
    private func issuersInRelease(_ text: String) -> [String]? {
        guard let verb = text.firstRange(of: "印发") ?? text.firstRange(of: "发布") else { return nil }
        var head = text[..<verb.lowerBound]
        if let comma = head.lastIndex(where: { $0 == "，" || $0 == "," || $0 == " " }) {
            head = head[head.index(after: comma)...]
        }
        let issuers = LineClassifier.splitIssuers(String(head))
        return issuers.isEmpty || issuers.contains(where: { $0.count > 20 }) ? nil : issuers
    }

    func fallbackTitle() -> String {
        if let first = lines.first(where: { !LineClassifier.isNoise($0.text) && $0.heading == nil }),
            DisplayWidth.of(first.text) <= 60,
            !LineClassifier.endsSentence(first.text)
        {
            return first.text
        }
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
    }

    // MARK: Where the body ends

    mutating func endOfBody(from start: Int) -> Int {
        guard
            let marker = lines[start...].firstIndex(where: {
                LineClassifier.isEndMarker($0.text) || LineClassifier.isSiteFooter($0.text)
            })
        else { return lines.count }
        warnings.append(
            .ignoredFromEndMarker(
                count: lines.count - marker, line: lines[marker].number, marker: String(lines[marker].text.prefix(12))))
        return marker
    }

    /// Drops trailing headlines and noise; a signature (issuers, date) at the end becomes metadata.
    mutating func trimTrailingNoise(from start: Int, to end: Int, into document: inout PolicyDocument) -> Int {
        var end = end
        var dropped = 0
        // The signature's issuer lines: joint issuers are printed one per line (中共X省委办公厅 / X省人民政府办公厅).
        var signatureTop: Int?
        while end > start + 1 {
            let line = lines[end - 1]
            if let date = LineClassifier.standaloneDate(line.text) {
                if document.date == nil { document.date = date }
            } else if LineClassifier.isDistributionNote(line.text) {
                document.notice.append(line.text)
            } else if LineClassifier.isIssuerLine(line.text), !isSourceValue(at: end - 1) {
                if document.issuers.isEmpty {
                    document.issuers = LineClassifier.splitIssuers(line.text)
                    signatureTop = end - 1
                } else if signatureTop == end {
                    document.issuers = LineClassifier.splitIssuers(line.text) + document.issuers
                    signatureTop = end - 1
                }
            } else if LineClassifier.isNoise(line.text)
                || (line.heading == nil && line.width <= 60 && !LineClassifier.endsSentence(line.text))
            {
                dropped += 1
            } else {
                break
            }
            end -= 1
        }
        if dropped > 0 { warnings.append(.ignoredTrailing(count: dropped)) }
        return end
    }

    // MARK: The tree

    private mutating func buildTree(_ body: ArraySlice<SourceLine>, topKind: DivisionKind) -> [Division] {
        var roots: [DivisionNode] = []
        var stack: [DivisionNode] = []
        var lastNumber: [DivisionKind: Int] = [:]
        var boxes = 0
        for line in body {
            if let box = LineClassifier.boxHeading(line.text) {
                // A 专栏 belongs to the section it is printed in, beside its items, and holds the lines up to the
                // next numbered heading.
                boxes += 1
                while let top = stack.last, top.kind.rank > topKind.rank { stack.removeLast() }
                let node = DivisionNode(kind: .box, number: box.number ?? boxes, label: box.label, title: box.title)
                node.idStep = "B\(node.number)"
                if let parent = stack.last { parent.children.append(node) } else { roots.append(node) }
                stack.append(node)
                continue
            }
            if let heading = line.heading, !heading.kind.isLawLevel, heading.kind.rank >= topKind.rank,
                closesBox(heading, stack: stack, roots: roots),
                accepts(heading, stack: stack, roots: roots, lastNumber: lastNumber)
            {
                while let top = stack.last, top.kind.rank >= heading.kind.rank { stack.removeLast() }
                // A responsibility tail may close the heading line itself (`（三）加强统筹（责任单位：…）`).
                var rest = heading.rest(in: line.text)
                let tail = LineClassifier.responsibilityTail(rest)
                if let tail { rest = tail.text }
                let (title, firstParagraph) = LineClassifier.splitTitle(rest, kind: heading.kind)
                let node = DivisionNode(
                    kind: heading.kind, number: heading.number, label: heading.label(in: line.text), title: title)
                if let firstParagraph { node.paragraphs.append(firstParagraph) }
                if let tail { node.add(tail) }
                if let parent = stack.last { parent.children.append(node) } else { roots.append(node) }
                stack.append(node)
                lastNumber[heading.kind] = heading.number
            } else {
                if let heading = line.heading, !heading.kind.isLawLevel, heading.kind.rank >= topKind.rank,
                    stack.last?.kind != .box
                {
                    outOfSequence += 1
                    if outOfSequence <= 20 {
                        warnings.append(.outOfSequence(line: line.number, label: heading.label(in: line.text)))
                    }
                }
                stack.last?.appendText(line.text)
            }
        }
        var usedIDs = Set<String>()
        return roots.map { $0.division(parentID: nil, usedIDs: &usedIDs) }
    }

    /// Inside a 专栏 only a heading of the levels around it (the next item or section) ends it; its own numbered
    /// lines (`1. 某某工程`) are its text.
    private func closesBox(_ heading: HeadingMatch, stack: [DivisionNode], roots: [DivisionNode]) -> Bool {
        guard stack.last?.kind == .box else { return true }
        let parent = stack.dropLast().last
        if heading.kind.rank <= (parent?.kind.rank ?? 0) { return true }
        return (parent?.children ?? roots).contains { $0.kind == heading.kind }
    }

    /// A heading continues the numbering of its kind (1 → 2), starts it under a new parent, or is text.
    private func accepts(
        _ heading: HeadingMatch, stack: [DivisionNode], roots: [DivisionNode], lastNumber: [DivisionKind: Int]
    ) -> Bool {
        let parent = stack.last { $0.kind.rank < heading.kind.rank }
        if let last = (parent?.children ?? roots).last(where: { $0.kind == heading.kind }) {
            // At the top level, numbering may start again after a complete run (an attachment, a second part).
            return heading.number == last.number + 1 || (parent == nil && heading.number == 1 && last.number >= 2)
        }
        // First of its kind under this parent: numbering restarts (1) or continues across parents.
        return heading.number == 1 || heading.number == (lastNumber[heading.kind] ?? 0) + 1
    }
}

/// A division under construction (the parsers build a tree of these, then freeze it into `Division`s).
final class DivisionNode {
    let kind: DivisionKind
    let number: Int
    let label: String
    let title: String
    var paragraphs: [String] = []
    var children: [DivisionNode] = []
    var responsibleUnits: [String] = []
    var responsibility: [String] = []
    /// This node's step in an id path; the printed number unless set (a box is `B1`, apart from the numbering).
    var idStep: String?

    init(kind: DivisionKind, number: Int, label: String, title: String) {
        self.kind = kind
        self.number = number
        self.label = label
        self.title = title
    }

    /// Adds a paragraph of text, keeping a `（责任单位：…）` tail as the node's responsibility instead.
    func appendText(_ text: String) {
        guard let tail = LineClassifier.responsibilityTail(text) else {
            paragraphs.append(text)
            return
        }
        if !tail.text.isEmpty { paragraphs.append(tail.text) }
        add(tail)
    }

    func add(_ tail: LineClassifier.ResponsibilityTail) {
        responsibility.append(tail.printed)
        responsibleUnits += tail.units
    }

    /// Converts to a `Division` whose id is the path of printed numbers; a path already taken (numbering
    /// that starts again, e.g. in an attachment) gets a `-2`, `-3` suffix so every id stays unique.
    func division(parentID: String?, usedIDs: inout Set<String>) -> Division {
        let step = idStep ?? String(number)
        let base = parentID.map { "\($0).\(step)" } ?? step
        var id = base
        var suffix = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        var converted: [Division] = []
        converted.reserveCapacity(children.count)
        for child in children { converted.append(child.division(parentID: id, usedIDs: &usedIDs)) }
        var division = Division(
            id: id, kind: kind, label: label, number: number, title: title, paragraphs: paragraphs, children: converted)
        division.responsibleUnits = responsibleUnits
        division.responsibility = responsibility
        return division
    }
}
