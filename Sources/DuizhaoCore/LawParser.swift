/// Laws and regulations: 编 / 章 / 节 / 条 headings, an article's paragraphs as 款, （一） as 项 and 1. as 目;
/// the legislative history and table of contents before the text.
extension DocumentParser {
    /// Where the text of a law starts: the first line of the leading run of headings (编 章 节, a bare chapter title,
    /// 一、 sections) before the first article of a run 第一条, 第二条…; nil when the text has no such run.
    func lawBodyStart() -> Int? {
        guard let firstArticle = firstArticleOfRun() else { return nil }
        var start = firstArticle
        var rankAbove = DivisionKind.article.rank
        while start > 0 {
            let previous = lines[start - 1]
            let rank: Int
            if let heading = previous.heading,
                heading.kind == .part || heading.kind == .chapter || heading.kind == .subchapter
                    || heading.kind == .section
            {
                rank = heading.kind.rank
            } else if isBareHeading(at: start - 1) {
                rank = DivisionKind.chapter.rank
            } else {
                break
            }
            // Going back, each heading must be of a higher level than the one after it (a table of contents repeats
            // chapters of the same level, and ends the run).
            guard rank < rankAbove else { break }
            rankAbove = rank
            start -= 1
        }
        // The text starts after a table of contents, whatever its last entry looks like.
        if let header = lines[..<firstArticle].lastIndex(where: { LineClassifier.isTableOfContentsHeader($0.text) }) {
            start = max(start, tableOfContentsEnd(after: header))
        }
        return start
    }

    /// The first article heading that starts a run of at least two articles numbered in sequence (three when
    /// every label runs into its text: `第一条主线…`, `第二条主线…` in a plan are no law).
    private func firstArticleOfRun() -> Int? {
        var candidates: [(index: Int, number: Int, runIn: Bool)] = []
        for (index, line) in lines.enumerated() where line.heading?.kind == .article {
            candidates.append((index, line.heading!.number, line.heading!.runIn))
        }
        for (position, candidate) in candidates.enumerated() where position + 1 < candidates.count {
            let next = candidates[position + 1]
            guard next.number == candidate.number + 1 else { continue }
            if !candidate.runIn || !next.runIn { return candidate.index }
            if candidates[(position + 2)...].contains(where: { $0.number == next.number + 1 }) {
                return candidate.index
            }
        }
        return nil
    }

    /// A short line without punctuation printed where a chapter heading belongs (`总则`, `农业技术推广体系`):
    /// right before an article, after a finished sentence or another heading.
    func isBareHeading(at index: Int) -> Bool {
        let line = lines[index]
        guard line.heading == nil, index + 1 < lines.count, lines[index + 1].heading?.kind == .article,
            line.text.utf8.count <= 80, line.text.unicodeScalars.count <= 20
        else { return false }
        for scalar in line.text.unicodeScalars
        where !(scalar.properties.isIdeographic || scalar == "、" || scalar.isLayoutSpace) {
            return false
        }
        guard index > 0 else { return true }
        let previous = lines[index - 1]
        return previous.heading != nil || LineClassifier.endsSentence(previous.text) || previous.isMarkdownTitle
            || LineClassifier.isLegislativeHistory(previous.text)
    }

    mutating func parseLaw(bodyStart: Int) -> PolicyDocument {
        var document = PolicyDocument(source: source)
        let preambleStart = analyseLawFrontMatter(upTo: bodyStart, into: &document)
        var bodyEnd = endOfBody(from: bodyStart)
        bodyEnd = trimTrailingNoise(from: bodyStart, to: bodyEnd, into: &document)
        document.preamble = lines[preambleStart..<bodyStart].map(\.text)
        document.divisions = buildLawTree(bodyStart..<bodyEnd, preamble: &document.preamble)
        return finished(document)
    }

    // MARK: Front matter

    /// Title (a markdown `# title` or the first title-like line), legislative history (dates, enacting body), a
    /// table of contents (skipped); returns where the preamble starts.
    private mutating func analyseLawFrontMatter(upTo bodyStart: Int, into document: inout PolicyDocument) -> Int {
        let front = 0..<bodyStart
        let titleIndex =
            front.first { lines[$0].isMarkdownTitle }
            ?? front.first {
                LineClassifier.title(lines[$0].text) != nil && !LineClassifier.isLegislativeHistory(lines[$0].text)
            }
        if let titleIndex {
            document.title = lines[titleIndex].text.trimmingWhitespace()
            if titleIndex > 0 {
                warnings.append(
                    .ignoredBeforeTitle(
                        count: titleIndex, firstLine: lines[0].number, lastLine: lines[titleIndex - 1].number))
            }
        }
        var index = titleIndex.map { $0 + 1 } ?? 0
        var preambleStart = index
        // History, metadata and the table of contents sit between the title and the preamble.
        while index < bodyStart {
            let text = lines[index].text
            if LineClassifier.isLegislativeHistory(text) {
                document.history += LineClassifier.legislativeEvents(in: text)
            } else if let last = document.history.last,
                !LineClassifier.legislativeActions.contains(where: { last.text.hasSuffix($0) }),
                text.unicodeScalars.count <= 60,
                LineClassifier.legislativeActions.contains(where: { text.hasSuffix($0) })
            {
                // A history line wrapped in two: `…《关于修改〈…〉` + `的决定》修正`.
                let joined = last.text + text
                document.history[document.history.count - 1] =
                    LineClassifier.legislativeEvents(in: joined).last
                    ?? LegislativeEvent(date: last.date, body: last.body, action: last.action, text: joined)
            } else if LineClassifier.isTableOfContentsHeader(text) {
                let end = min(tableOfContentsEnd(after: index), bodyStart)
                warnings.append(
                    .skippedTableOfContents(firstLine: lines[index].number, lastLine: lines[end - 1].number))
                index = end
                preambleStart = index
                continue
            } else if isMetadataLine(text) {
                if document.documentNumber == nil, let number = LineClassifier.documentNumber(in: text) {
                    document.documentNumber = number
                }
                if document.date == nil, let date = LineClassifier.standaloneDate(text) { document.date = date }
                if document.issuers.isEmpty, LineClassifier.isIssuerLine(text) {
                    document.issuers = LineClassifier.splitIssuers(text)
                }
            } else {
                break
            }
            index += 1
            preambleStart = index
        }
        if let latest = document.history.last(where: { $0.date != nil }), document.date == nil {
            document.date = latest.date
        }
        if document.issuers.isEmpty, let body = document.history.lazy.compactMap(\.body).first {
            document.issuers = [body]
        }
        if document.documentNumber == nil,
            let number = document.history.lazy.compactMap({ LineClassifier.orderNumber(in: $0.text) }).first
        {
            document.documentNumber = number
        }
        return preambleStart
    }

    /// The end of a table of contents that starts at `header`: its entries (part, chapter and section headings,
    /// short unpunctuated lines) up to the line where the first entry is printed again or a line that is no entry.
    func tableOfContentsEnd(after header: Int) -> Int {
        var index = header + 1
        var firstEntry: String?
        while index < lines.count {
            let line = lines[index]
            let isEntry: Bool
            if let heading = line.heading {
                isEntry =
                    heading.kind == .part || heading.kind == .chapter || heading.kind == .subchapter
                    || heading.kind == .section
            } else {
                isEntry = isShortUnpunctuated(line.text)
            }
            guard isEntry else { break }
            let key = String(line.text.unicodeScalars.filter { !$0.isLayoutSpace })
            if let firstEntry, key == firstEntry { break }
            if firstEntry == nil { firstEntry = key }
            index += 1
        }
        return index
    }

    private func isShortUnpunctuated(_ text: String) -> Bool {
        text.unicodeScalars.count <= 30 && !text.unicodeScalars.contains { "，。；：,;".unicodeScalars.contains($0) }
    }

    // MARK: The tree

    /// Builds 编 章 节 (and 一、 sections holding articles) → 条 → 款 → 项 → 目 from the body lines. Text before the
    /// first heading goes to `preamble`.
    private mutating func buildLawTree(_ body: Range<Int>, preamble: inout [String]) -> [Division] {
        var roots: [DivisionNode] = []
        var stack: [DivisionNode] = []
        var lastArticle = 0
        var lastNumber: [DivisionKind: Int] = [:]
        // 一、 headings hold articles when the first of them comes before the first article; otherwise they are the
        // items of an article, as in older laws.
        let firstSection = body.first { lines[$0].heading?.kind == .section }
        let firstArticle = body.first { lines[$0].heading?.kind == .article }
        let sectionsHoldArticles = firstSection != nil && firstArticle != nil && firstSection! < firstArticle!

        func attach(_ node: DivisionNode) {
            if let parent = stack.last { parent.children.append(node) } else { roots.append(node) }
            stack.append(node)
        }
        func close(atOrBelow rank: Int) {
            while let top = stack.last, top.kind.rank >= rank { stack.removeLast() }
        }
        var currentArticle: DivisionNode? { stack.last { $0.kind == .article } }
        /// A new 款 of the current article holding `text`.
        func addArticleParagraph(_ text: String) {
            guard let article = currentArticle else { return }
            close(atOrBelow: DivisionKind.articleParagraph.rank)
            let paragraph = DivisionNode(
                kind: .articleParagraph, number: article.children.count + 1, label: "", title: "")
            paragraph.paragraphs.append(text)
            attach(paragraph)
        }
        func addText(_ text: String) {
            if currentArticle != nil {
                addArticleParagraph(text)
            } else if let top = stack.last {
                top.paragraphs.append(text)
            } else {
                preamble.append(text)
            }
        }
        /// Adds an enumerated part of an article (项, or 目 inside a 项) when it continues its numbering.
        func addEnumerated(_ heading: HeadingMatch, line: SourceLine, kind: DivisionKind) -> Bool {
            guard let article = currentArticle else { return false }
            if kind == .articleSubitem, stack.last(where: { $0.kind == .articleItem }) == nil { return false }
            close(atOrBelow: kind.rank)
            if kind == .articleItem, stack.last?.kind != .articleParagraph {
                // Items right under the article label (`第五条 （一）…` is rare, but an empty 款 keeps the shape).
                let paragraph = DivisionNode(
                    kind: .articleParagraph, number: article.children.count + 1, label: "", title: "")
                attach(paragraph)
            }
            let previous = stack.last!.children.last { $0.kind == kind }
            guard heading.number == (previous?.number ?? 0) + 1 else { return false }
            let node = DivisionNode(kind: kind, number: heading.number, label: heading.label(in: line.text), title: "")
            let rest = heading.rest(in: line.text)
            if !rest.isEmpty { node.paragraphs.append(rest) }
            attach(node)
            return true
        }

        for index in body {
            let line = lines[index]
            if let heading = line.heading {
                switch heading.kind {
                case .part, .chapter, .subchapter:
                    close(atOrBelow: heading.kind.rank)
                    let siblings = stack.last?.children ?? roots
                    if let previous = siblings.last(where: { $0.kind == heading.kind }),
                        heading.number != previous.number + 1
                    {
                        warnings.append(
                            .headingOutOfOrder(
                                line: line.number, label: heading.label(in: line.text),
                                previous: previous.label.isEmpty ? previous.title : previous.label))
                    }
                    let node = DivisionNode(
                        kind: heading.kind, number: heading.number, label: heading.label(in: line.text),
                        title: LineClassifier.collapsingLetterSpacing(heading.rest(in: line.text)))
                    lastNumber[heading.kind] = heading.number
                    attach(node)
                    continue
                case .article:
                    let number = heading.number
                    // A label run into its text is a heading only where it continues the numbering; elsewhere it
                    // is a paragraph that starts with a reference (`第一条第二款规定…`).
                    if heading.runIn, lastArticle != 0, number != lastArticle + 1 { break }
                    if lastArticle == 0 || number == lastArticle + 1
                        || (number > lastArticle && number <= lastArticle + 5)
                    {
                        if lastArticle > 0, number != lastArticle + 1 {
                            warnings.append(
                                .articleNumbersSkipped(
                                    line: line.number, label: heading.label(in: line.text), previous: lastArticle))
                        }
                        close(atOrBelow: DivisionKind.article.rank)
                        var rest = heading.rest(in: line.text)
                        var title = ""
                        if let bracketed = LineClassifier.bracketedTitle(rest) { (title, rest) = bracketed }
                        let article = DivisionNode(
                            kind: .article, number: number, label: heading.label(in: line.text), title: title)
                        attach(article)
                        lastArticle = number
                        if !rest.isEmpty { addArticleParagraph(rest) }
                        continue
                    }
                    noteOutOfSequence(line, heading)
                case .section where sectionsHoldArticles && currentArticle == nil:
                    close(atOrBelow: DivisionKind.section.rank)
                    let (title, first) = LineClassifier.splitTitle(heading.rest(in: line.text), kind: .section)
                    let node = DivisionNode(
                        kind: .section, number: heading.number, label: heading.label(in: line.text), title: title)
                    if let first { node.paragraphs.append(first) }
                    attach(node)
                    continue
                case .section, .item:
                    if addEnumerated(heading, line: line, kind: .articleItem) { continue }
                    if currentArticle != nil { noteOutOfSequence(line, heading) }
                case .clause, .subItem:
                    if addEnumerated(heading, line: line, kind: .articleSubitem)
                        || (stack.last(where: { $0.kind == .articleItem }) == nil
                            && addEnumerated(heading, line: line, kind: .articleItem))
                    {
                        continue
                    }
                    if currentArticle != nil { noteOutOfSequence(line, heading) }
                default:
                    break
                }
            } else if isBareHeading(at: index) {
                close(atOrBelow: DivisionKind.chapter.rank)
                let number = (lastNumber[.chapter] ?? 0) + 1
                lastNumber[.chapter] = number
                attach(
                    DivisionNode(
                        kind: .chapter, number: number, label: "",
                        title: LineClassifier.collapsingLetterSpacing(line.text)))
                continue
            }
            addText(line.text)
        }
        var usedIDs = Set<String>()
        return roots.map { $0.division(parentID: nil, usedIDs: &usedIDs) }
    }

    private mutating func noteOutOfSequence(_ line: SourceLine, _ heading: HeadingMatch) {
        outOfSequence += 1
        if outOfSequence <= 20 {
            warnings.append(.outOfSequence(line: line.number, label: heading.label(in: line.text)))
        }
    }
}

extension LineClassifier {
    static let legislativeActions = ["通过", "修订", "修正", "公布", "施行", "批准", "发布", "通過", "修訂", "公佈", "發佈"]

    /// A line of a law's history: a date and an act (`1998年11月4日 第九届…会议通过`, `（2009年8月27日…修正）`,
    /// `2011年1月21日 中华人民共和国国务院令第590号公布`).
    static func isLegislativeHistory(_ text: String) -> Bool {
        guard text.utf8.count <= 1200, firstDate(in: text) != nil else { return false }
        var core = text.trimmingWhitespace()
        // `2020年7月31日 浙江省…会议《关于修改〈…〉` (wrapped): a date, then a session or an order.
        let head = core.drop { $0 == "（" || $0 == "(" }
        if let first = head.unicodeScalars.first,
            Numerals.digitValue(first) != nil || Numerals.chineseDigit(first) != nil,
            standaloneDate(
                String(
                    head.prefix {
                        $0 != " " && $0 != "　" && $0 != "第"
                            && !($0.unicodeScalars.first!.properties.isIdeographic && !"年月日".contains($0)
                                && Numerals.chineseDigit($0.unicodeScalars.first!) == nil && $0 != "十")
                    })) != nil,
            core.contains("会议") || core.contains("令")
        {
            return true
        }
        while let last = core.unicodeScalars.last, last == "）" || last == ")" || last == "。" {
            core.unicodeScalars.removeLast()
        }
        return legislativeActions.contains { core.hasSuffix($0) } && !core.contains("，")
            || (core.hasPrefix("（") || core.hasPrefix("(")) && legislativeActions.contains { core.contains($0) }
    }

    /// The events of a history line, one per date (a parenthesised history lists several).
    static func legislativeEvents(in text: String) -> [LegislativeEvent] {
        let scalars = Array(text.unicodeScalars)
        var starts: [(index: Int, date: String)] = []
        var index = 0
        while index < scalars.count {
            if Numerals.digitValue(scalars[index]) != nil || Numerals.chineseDigit(scalars[index]) != nil,
                index == 0
                    || (Numerals.digitValue(scalars[index - 1]) == nil
                        && Numerals.chineseDigit(scalars[index - 1]) == nil),
                let (date, end) = parseDate(scalars, from: index)
            {
                starts.append((index, date))
                index = end
            } else {
                index += 1
            }
        }
        var events: [LegislativeEvent] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : scalars.count
            var piece = String(String.UnicodeScalarView(scalars[start.index..<end])).trimmingWhitespace()
            while let last = piece.unicodeScalars.last,
                last == "）" || last == ")" || last == "　" || last == " " || last == "根"
            {
                piece.unicodeScalars.removeLast()
            }
            if piece.hasSuffix("根据") { piece.removeLast(2) }
            events.append(
                LegislativeEvent(
                    date: start.date, body: enactingBody(in: piece), action: action(in: piece), text: piece))
        }
        return events
    }

    /// The last act named outside 《》 quotes: 通过, 修订, 修正, 公布, …
    private static func action(in text: String) -> String? {
        var outside = ""
        var depth = 0
        for character in text {
            if character == "《" {
                depth += 1
            } else if character == "》" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                outside.append(character)
            }
        }
        var best: (String.Index, String)?
        for action in legislativeActions {
            if let range = outside.ranges(of: action).last, best == nil || range.lowerBound > best!.0 {
                best = (range.lowerBound, action)
            }
        }
        return best?.1
    }

    /// `2001年8月3日 北京市第十一届人民代表大会常务委员会第二十八次会议通过` → `北京市人民代表大会常务委员会`;
    /// `…中华人民共和国国务院令第590号公布` → `中华人民共和国国务院`.
    static func enactingBody(in event: String) -> String? {
        var scalars = Array(event.unicodeScalars)
        // Skip the date.
        guard let dayIndex = scalars.firstIndex(of: "日") else { return nil }
        scalars = Array(scalars[(dayIndex + 1)...].drop { $0.isLayoutSpace })
        var body = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "第" {
                var end = index + 1
                while end < scalars.count,
                    Numerals.isChineseNumeral(scalars[end]) || Numerals.digitValue(scalars[end]) != nil
                { end += 1 }
                if end > index + 1, end < scalars.count {
                    if scalars[end] == "届" {
                        index = end + 1
                        continue
                    }
                    if scalars[end] == "次" { break }  // 第五次会议: the session, not the body
                    if scalars[end] == "号" { break }
                }
            }
            if scalar == "令", !body.isEmpty { break }
            if scalar == "《" || scalar == "，" || scalar == "、" || scalar.isLayoutSpace { break }
            body.append(scalar)
            index += 1
        }
        let result = String(body)
        return result.isEmpty || result.count > 30 || !organizationSuffixes.contains(where: { result.hasSuffix($0) })
            ? nil : result
    }

    /// `中华人民共和国国务院令第590号` in a history line → `国务院令第590号`.
    static func orderNumber(in text: String) -> String? {
        guard let order = text.firstRange(of: "令第"), let end = text[order.upperBound...].firstIndex(of: "号") else {
            return nil
        }
        let digits = text[order.upperBound..<end]
        guard !digits.isEmpty,
            digits.unicodeScalars.allSatisfy({ Numerals.digitValue($0) != nil || Numerals.isChineseNumeral($0) })
        else { return nil }
        var start = order.lowerBound
        var taken = 0
        while start > text.startIndex, taken < 6 {
            let previous = text.index(before: start)
            guard text[previous].unicodeScalars.first!.properties.isIdeographic else { break }
            start = previous
            taken += 1
        }
        var name = String(text[start..<text.index(after: end)])
        if name.hasPrefix("共和国") { name.removeFirst(3) }
        return name
    }

    /// `目录`, `目 录`, `目　录`, `目錄` on a line of its own.
    static func isTableOfContentsHeader(_ text: String) -> Bool {
        let core = text.unicodeScalars.filter { !$0.isLayoutSpace }
        return core.count == 2 && core.first == "目" && (core.last == "录" || core.last == "錄")
    }
}
