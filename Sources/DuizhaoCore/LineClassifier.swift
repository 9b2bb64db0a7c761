/// A numbered heading recognised at the start of a line (the label's length only: the line keeps the text).
struct HeadingMatch: Equatable {
    var kind: DivisionKind
    var number: Int
    /// Length of the label in unicode scalars, e.g. 3 for `（三）`.
    var labelLength: Int
    /// An article label run into its text (`第一条为了…`): a heading only where it continues the numbering, since a
    /// paragraph may also start with a reference (`第一条第二款规定…`).
    var runIn = false

    /// The label as printed, e.g. `（三）`, `4.` or `第一章` (spaces inside a spaced-out label removed).
    func label(in text: String) -> String {
        var label = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(labelLength) where !scalar.isLayoutSpace { label.append(scalar) }
        return String(label)
    }

    /// The text after the label, leading spaces removed.
    func rest(in text: String) -> String { String(text.unicodeScalars.dropFirst(labelLength)).trimmingWhitespace() }
}

/// Recognisers for single lines of a policy document: headings, dates, titles, issuers, noise.
enum LineClassifier {
    static let sentenceEnders: Set<Unicode.Scalar> = [
        "。", "！", "？", "；", "：", "!", "?", ";", ":", "…", "”", "」", "』", "）", ")",
    ]
    static let documentTypes = [
        "实施意见", "指导意见", "意见", "通知", "决定", "办法", "规定", "方案", "规划", "纲要", "条例", "细则",
        "措施", "公告", "通告", "报告", "批复", "决议", "要点", "计划", "指南", "若干规定", "暂行规定", "行动计划",
        "法", "规则", "章程",
    ]

    // MARK: Headings

    /// The heading at the start of `text` (already stripped of indentation), if any.
    static func heading(_ text: String) -> HeadingMatch? {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return nil }
        if first == "第" { return lawHeading(scalars) }
        if first == "（" || first == "(" {
            var index = scalars.index(after: scalars.startIndex)
            let numberStart = index
            var chinese = false
            var digits = false
            while index < scalars.endIndex, scalars.distance(from: numberStart, to: index) < 5 {
                let scalar = scalars[index]
                if Numerals.isChineseNumeral(scalar) {
                    chinese = true
                } else if Numerals.digitValue(scalar) != nil {
                    digits = true
                } else {
                    break
                }
                index = scalars.index(after: index)
            }
            guard index > numberStart, chinese != digits, index < scalars.endIndex,
                scalars[index] == "）" || scalars[index] == ")"
            else { return nil }
            let numberScalars = scalars[numberStart..<index]
            let number = Numerals.value(numberScalars)
            guard let number, number >= 1, number <= 99 else { return nil }
            let labelEnd = scalars.index(after: index)
            return HeadingMatch(
                kind: chinese ? .item : .subItem, number: number,
                labelLength: scalars.distance(from: scalars.startIndex, to: labelEnd))
        }
        if Numerals.isChineseNumeral(first) {
            var index = scalars.startIndex
            while index < scalars.endIndex, Numerals.isChineseNumeral(scalars[index]) {
                index = scalars.index(after: index)
            }
            guard index < scalars.endIndex, scalars[index] == "、",
                scalars.distance(from: scalars.startIndex, to: index) <= 8,
                let number = Numerals.value(scalars[..<index]), number >= 1
            else { return nil }
            let labelEnd = scalars.index(after: index)
            return HeadingMatch(
                kind: .section, number: number, labelLength: scalars.distance(from: scalars.startIndex, to: labelEnd))
        }
        if Numerals.digitValue(first) != nil {
            var index = scalars.startIndex
            while index < scalars.endIndex, Numerals.digitValue(scalars[index]) != nil {
                index = scalars.index(after: index)
            }
            guard scalars.distance(from: scalars.startIndex, to: index) <= 5, index < scalars.endIndex else {
                return nil
            }
            let separator = scalars[index]
            guard separator == "." || separator == "．" || separator == "。" || separator == "、" else { return nil }
            let labelEnd = scalars.index(after: index)
            // 1.5倍, 23.11.2017: a digit right after the separator means a number, not a label.
            if labelEnd < scalars.endIndex, Numerals.digitValue(scalars[labelEnd]) != nil { return nil }
            guard let number = Numerals.value(scalars[..<index]), number >= 1 else { return nil }
            if !scalars[labelEnd...].contains(where: { !$0.isLayoutSpace }) { return nil }
            return HeadingMatch(
                kind: .clause, number: number, labelLength: scalars.distance(from: scalars.startIndex, to: labelEnd))
        }
        return nil
    }

    /// `第一章 总则`, `第 一 章  总 则`, `第十条　…`, `第3条`, `第一條`: a level of a law (编 章 节 条, also in traditional
    /// characters) with its number.
    /// An article label must be followed by a space or end the line (`第十条规定的…` is text); a part, chapter or
    /// section label may run into a short title (`第一章总则`).
    private static func lawHeading(_ scalars: String.UnicodeScalarView) -> HeadingMatch? {
        var index = scalars.index(after: scalars.startIndex)
        func skipSpaces() {
            while index < scalars.endIndex, scalars[index].isLayoutSpace { index = scalars.index(after: index) }
        }
        skipSpaces()
        var numeral: [Unicode.Scalar] = []
        while index < scalars.endIndex, numeral.count <= 8 {
            let scalar = scalars[index]
            if Numerals.isChineseNumeral(scalar) || Numerals.digitValue(scalar) != nil {
                numeral.append(scalar)
                index = scalars.index(after: index)
                skipSpaces()
            } else {
                break
            }
        }
        guard !numeral.isEmpty, index < scalars.endIndex,
            let number = Numerals.value(numeral), number >= 1, number <= 9999
        else { return nil }
        let kind: DivisionKind
        switch scalars[index] {
        case "编", "編": kind = .part
        case "章": kind = .chapter
        case "节", "節": kind = .subchapter
        case "条", "條": kind = .article
        default: return nil
        }
        let labelEnd = scalars.index(after: index)
        let labelLength = scalars.distance(from: scalars.startIndex, to: labelEnd)
        guard labelEnd < scalars.endIndex else {
            return HeadingMatch(kind: kind, number: number, labelLength: labelLength)
        }
        let next = scalars[labelEnd]
        if next.isLayoutSpace { return HeadingMatch(kind: kind, number: number, labelLength: labelLength) }
        if kind == .article {
            if next == "【" || next == "（" || next == "(" {
                // `第一条【立法目的】…`, `第一条（目的）…`: a bracketed title; `第一条（一）` is no heading.
                return bracketedTitle(String(String.UnicodeScalarView(scalars[labelEnd...]))) == nil
                    ? nil : HeadingMatch(kind: kind, number: number, labelLength: labelLength)
            }
            // `第一条为了…`: run into the text, unless the words after the label make it a reference
            // (`第一条规定的`, `第二条第二款`, `第三条、第四条`, `第五条至第七条`, `第六条所称`).
            let rest = scalars[labelEnd...]
            guard !runInReferenceStarts.contains(where: { rest.starts(with: $0.unicodeScalars) }) else { return nil }
            return HeadingMatch(kind: kind, number: number, labelLength: labelLength, runIn: true)
        }
        // A title run into the label: short, no sentence punctuation, not a reference (`第二章规定的`).
        let rest = scalars[labelEnd...]
        guard rest.count <= 24, !rest.contains(where: { "，。；：,;:".unicodeScalars.contains($0) }),
            !runInReferenceStarts.contains(where: { rest.starts(with: $0.unicodeScalars) })
        else { return nil }
        return HeadingMatch(kind: kind, number: number, labelLength: labelLength)
    }

    /// What follows an article label in a reference rather than a heading: `第一条规定的`, `第二条第二款`, …
    private static let runInReferenceStarts = [
        "第", "规定", "規定", "的", "、", "至", "到", "和", "与", "及", "或", "所称", "所列", "所指", "所述", "所规定",
        "中的", "中规定", "之", "款", "项", "，", "。", "；", "：", ",", ";", ":", "）", ")", "”", "》",
    ]

    /// `【立法目的】为了…` or `（目的和依据）…` at the start of an article's text → the title and the text after it; nil
    /// when the text does not start with such a title (a numbered item `（一）`, a sentence in brackets).
    static func bracketedTitle(_ rest: String) -> (title: String, body: String)? {
        let scalars = Array(rest.unicodeScalars)
        guard let open = scalars.first, open == "【" || open == "（" || open == "(" else { return nil }
        let close: Unicode.Scalar = open == "【" ? "】" : (open == "（" ? "）" : ")")
        guard
            let end = scalars.prefix(26).firstIndex(where: {
                $0 == close || ($0 == "）" && close == ")") || ($0 == ")" && close == "）")
            }),
            end >= 2
        else { return nil }
        let inside = scalars[1..<end]
        guard
            !inside.allSatisfy({ Numerals.isChineseNumeral($0) || Numerals.digitValue($0) != nil || $0.isLayoutSpace }),
            !inside.contains(where: { "，。；：,;:！？".unicodeScalars.contains($0) })
        else { return nil }
        let title = String(String.UnicodeScalarView(inside)).trimmingWhitespace()
        let body = String(String.UnicodeScalarView(scalars[(end + 1)...])).trimmingWhitespace()
        return (title, body)
    }

    /// Splits a heading's text into its title and the rest of its first paragraph: an inline title runs to the
    /// first 。 outside quotes and brackets; a heading without 。 stands alone.
    static func splitTitle(_ rest: String, kind: DivisionKind) -> (title: String, body: String?) {
        var depth = 0
        let scalars = rest.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if SentenceSplitter.isOpener(scalar) {
                depth += 1
            } else if SentenceSplitter.isCloser(scalar) {
                depth = max(0, depth - 1)
            } else if depth == 0, scalar == "。" {
                let title = String(scalars[..<index]).trimmingWhitespace()
                // A whole sentence (`一、市政府相关部门按照各自职责分工，…。`) is text, not a title.
                if isSentenceNotTitle(title) { return ("", rest) }
                let body = String(scalars[scalars.index(after: index)...]).trimmingWhitespace()
                return (title, body.isEmpty ? nil : body)
            }
            index = scalars.index(after: index)
        }
        var title = rest
        while let last = title.unicodeScalars.last, last == "：" || last == ":" { title.unicodeScalars.removeLast() }
        return (title, nil)
    }

    /// Text before a 。 that reads as a sentence: it has a comma or semicolon outside brackets, or is too long
    /// for a heading.
    static func isSentenceNotTitle(_ text: String) -> Bool {
        if text.unicodeScalars.count > 40 { return true }
        var depth = 0
        for scalar in text.unicodeScalars {
            if SentenceSplitter.isOpener(scalar) {
                depth += 1
            } else if SentenceSplitter.isCloser(scalar) {
                depth = max(0, depth - 1)
            } else if depth == 0, scalar == "，" || scalar == "；" || scalar == "," || scalar == ";" {
                return true
            }
        }
        return false
    }

    // MARK: Metadata lines

    /// `2017年11月8日`, `（2017年1月15日）`, `二〇一七年十一月八日` as a whole line → `2017-11-08`.
    static func standaloneDate(_ text: String) -> String? {
        if text.utf8.count > 60 { return nil }
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "（" || first == "(", let last = scalars.last, last == "）" || last == ")"
        {
            scalars = scalars.dropFirst().dropLast()
        }
        let trimmed = String(String.UnicodeScalarView(scalars)).trimmingWhitespace()
        guard let (date, end) = parseDate(Array(trimmed.unicodeScalars), from: 0) else { return nil }
        return end == trimmed.unicodeScalars.count ? date : nil
    }

    /// The first full date (year, month and day) anywhere in `text`.
    static func firstDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if Numerals.digitValue(scalars[index]) != nil || Numerals.chineseDigit(scalars[index]) != nil,
                let (date, _) = parseDate(scalars, from: index)
            {
                return date
            }
            index += 1
        }
        return nil
    }

    /// Parses `YYYY年M月D日` (any numeral style) at `start`; returns the ISO date and the end offset.
    static func parseDate(_ scalars: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        func number(at index: Int, maxLength: Int) -> (Int, Int)? {
            var end = index
            while end < scalars.count, end - index < maxLength,
                Numerals.digitValue(scalars[end]) != nil || Numerals.isChineseNumeral(scalars[end])
            {
                end += 1
            }
            guard end > index else { return nil }
            let slice = scalars[index..<end]
            return Numerals.value(slice).map { ($0, end) }
        }
        guard let (year, afterYear) = number(at: start, maxLength: 4), afterYear - start == 4,
            afterYear < scalars.count, scalars[afterYear] == "年",
            let (month, afterMonth) = number(at: afterYear + 1, maxLength: 3), afterMonth < scalars.count,
            scalars[afterMonth] == "月",
            let (day, afterDay) = number(at: afterMonth + 1, maxLength: 3), afterDay < scalars.count,
            scalars[afterDay] == "日",
            (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let iso = zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2)
        return (iso, afterDay + 1)
    }

    /// A news-agency release line: `新华社北京1月15日电 …`.
    static func isReleaseLine(_ text: String) -> Bool {
        let head = Array(text.unicodeScalars.prefix(30))
        guard head.count > 3 else { return false }
        for index in 1..<(head.count - 1) where head[index] == "日" && head[index + 1] == "电" {
            return head[..<index].contains("月")
        }
        return false
    }

    /// Month and day of a release line without a year: `新华社北京1月15日电` → (1, 15).
    static func releaseMonthDay(_ text: String) -> (Int, Int)? {
        let head = Array(text.unicodeScalars.prefix(30))
        guard let dayEnd = head.indices.dropLast().first(where: { head[$0] == "日" && head[$0 + 1] == "电" }),
            let monthEnd = head[..<dayEnd].lastIndex(of: "月")
        else { return nil }
        var monthStart = monthEnd
        while monthStart > 0, Numerals.digitValue(head[monthStart - 1]) != nil { monthStart -= 1 }
        guard let month = Numerals.decimalValue(head[monthStart..<monthEnd]),
            let day = Numerals.decimalValue(head[(monthEnd + 1)..<dayEnd]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (month, day)
    }

    /// The title a line announces: `关于…的意见`, `《…》全文如下。`; nil for other lines.
    static func title(_ text: String) -> String? {
        if text.utf8.count > 400 { return nil }  // titles are short; body paragraphs are not
        var line = text.trimmingWhitespace()
        if line.hasPrefix("《"), let close = line.firstIndex(of: "》") {
            let inner = String(line[line.index(after: line.startIndex)..<close])
            let after = line[line.index(after: close)...]
            if after.isEmpty || after.hasPrefix("全文") || after.hasPrefix("（全文）") { return inner.isEmpty ? nil : inner }
            return nil
        }
        while let last = line.unicodeScalars.last, last == "：" || last == ":" || last == "。" {
            line.unicodeScalars.removeLast()
        }
        guard !line.isEmpty, DisplayWidth.of(line) <= 120, heading(line) == nil, !isReleaseLine(line) else {
            return nil
        }
        if line.contains("印发《") || line.contains("转发《") { return nil }
        guard documentTypes.contains(where: { line.hasSuffix($0) }) else { return nil }
        var depth = 0
        for scalar in line.unicodeScalars {
            if scalar == "《" {
                depth += 1
            } else if scalar == "》" {
                depth -= 1
            } else if depth == 0, scalar == "，" || scalar == "," || scalar == "。" || scalar == "；" || scalar == "！" {
                return nil
            }
        }
        return line
    }

    /// The title inside a notice that issues a document: `…印发《X》的通知` → X.
    static func noticeTitle(_ text: String) -> (issuers: String, title: String)? {
        guard text.utf8.count <= 400, text.hasSuffix("通知") || text.hasSuffix("通知》") else { return nil }
        for verb in ["印发《", "转发《", "发布《"] {
            guard let verbRange = text.firstRange(of: verb), text.hasSuffix("通知") || text.hasSuffix("通知》"),
                let close = text[verbRange.upperBound...].firstIndex(of: "》")
            else { continue }
            let inner = String(text[verbRange.upperBound..<close])
            var issuers = String(text[..<verbRange.lowerBound])
            if issuers.hasPrefix("关于") { issuers = "" }
            return (issuers, inner)
        }
        return nil
    }

    static let organizationSuffixes = [
        "办公厅", "办公室", "人民政府", "委员会", "政府", "党委", "省委", "市委", "县委", "区委", "部", "局", "厅", "院", "署", "委", "会", "中心", "小组",
        "行署",
    ]

    /// A signature line: one or more issuing bodies and nothing else.
    static func isIssuerLine(_ text: String) -> Bool {
        if text.utf8.count > 300 { return false }
        let line = collapsingLetterSpacing(text.trimmingWhitespace())
        guard !line.isEmpty, DisplayWidth.of(line) <= 100 else { return false }
        for scalar in line.unicodeScalars
        where
            !(scalar.properties.isIdeographic || scalar == "、" || scalar == " "
            || scalar == "\u{3000}" || scalar == "（" || scalar == "）" || scalar == "(" || scalar == ")")
        {
            return false
        }
        return organizationSuffixes.contains { line.hasSuffix($0) }
            && (line.contains("办公厅") || line.contains("国务院") || line.contains("办公室") || line.contains("政府")
                || line.contains("委员会")
                || line.contains("部") || line.contains("局") || line.contains("厅"))
    }

    /// Splits `中共黑龙江省委办公厅黑龙江省人民政府办公厅` or `A、B` into issuing bodies.
    static func splitIssuers(_ text: String) -> [String] {
        let separators: Set<Character> = ["、", " ", "\u{3000}", "，", ",", "和"]
        var pieces: [String] = []
        var current = ""
        for character in collapsingLetterSpacing(text) {
            if separators.contains(character) {
                if !current.isEmpty {
                    pieces.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        // Glued names: split after 办公厅/办公室 (the usual issuer of a joint notice) when more follows.
        return pieces.flatMap { piece -> [String] in
            var result: [String] = []
            var rest = Substring(piece)
            while let range = rest.firstRange(of: "办公厅") ?? rest.firstRange(of: "办公室"), range.upperBound < rest.endIndex
            {
                result.append(String(rest[..<range.upperBound]))
                rest = rest[range.upperBound...]
            }
            if !rest.isEmpty { result.append(String(rest)) }
            return result
        }
    }

    /// `甘办发〔2017〕52号` anywhere in the line.
    static func documentNumber(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let openers: Set<Unicode.Scalar> = ["〔", "[", "［", "【", "(", "（"]
        let closers: Set<Unicode.Scalar> = ["〕", "]", "］", "】", ")", "）"]
        var index = 0
        while index < scalars.count {
            if openers.contains(scalars[index]), index + 6 < scalars.count,
                (1...4).allSatisfy({ Numerals.digitValue(scalars[index + $0]) != nil }),
                closers.contains(scalars[index + 5])
            {
                var end = index + 6
                while end < scalars.count, Numerals.digitValue(scalars[end]) != nil { end += 1 }
                var start = index
                while start > 0, scalars[start - 1].properties.isIdeographic, index - start < 8 { start -= 1 }
                if end > index + 6, end < scalars.count, scalars[end] == "号", start < index {
                    return normalisedDocumentNumber(String(String.UnicodeScalarView(scalars[start...end])))
                }
            }
            index += 1
        }
        return nil
    }

    // MARK: Noise

    /// Lines that frame web pages and PDFs: timestamps, page footers, share/print links, URLs.
    static func isNoise(_ text: String) -> Bool {
        // Page furniture is short; a long paragraph that mentions a URL is text.
        if text.utf8.count > 240 { return false }
        if isPageFooter(text) { return true }
        if containsAny(text, noiseMarkers) || isBreadcrumb(text) { return true }
        return isTimestamp(text) || isSourceLine(text)
    }

    /// `来源：江北日报`: where a repost came from (short; not an issuer, not text).
    static func isSourceLine(_ text: String) -> Bool {
        text.utf8.count <= 90 && startsWithAny(text, sourcePrefixes)
    }

    private static let sourcePrefixes = UTF8Markers([
        "来源：", "来源:", "稿源：", "稿源:", "信息来源：", "信息来源:", "转自：", "转自:", "文章来源：", "文章来源:",
    ])

    private static let noiseMarkers = UTF8Markers(
        ["阅读数", "浏览次数", "点击数", "http://", "https://", "www.", "分享到", "打印本页", "关闭窗口", "【字体", "字号：", "扫一扫"])

    /// `23.11.2017  18:33`, `2017-01-16 06:13:10`: a date and time with little else.
    static func isTimestamp(_ text: String) -> Bool {
        var digits = 0
        var separators = 0
        var other = 0
        var colon = false
        for scalar in text.unicodeScalars {
            if Numerals.digitValue(scalar) != nil {
                digits += 1
            } else if scalar == ":" || scalar == "：" {
                colon = true
                separators += 1
            } else if scalar == "." || scalar == "-" || scalar == "/" || scalar == " " || scalar == "年" || scalar == "月"
                || scalar == "日"
            {
                separators += 1
            } else {
                other += 1
            }
        }
        return digits >= 6 && other <= 2 && (colon || separators >= 2) && digits + separators >= 8
    }

    /// `— 3 —`, `- 3 -`, `第3页`, `第 3 页 共 12 页`, or a bare page number.
    static func isPageFooter(_ text: String) -> Bool {
        if text.utf8.count > 48 { return false }
        let dashes: Set<Unicode.Scalar> = ["—", "-", "－", "–", "─", "~", "～"]
        var core = text.unicodeScalars.filter { !$0.isLayoutSpace }
        var hadDash = false
        while let first = core.first, dashes.contains(first) {
            core.removeFirst()
            hadDash = true
        }
        while let last = core.last, dashes.contains(last) {
            core.removeLast()
            hadDash = true
        }
        if core.isEmpty { return false }
        if core.allSatisfy({ Numerals.digitValue($0) != nil }) {
            return core.count <= 4 && (hadDash || core.count <= 3)
        }
        let string = String(String.UnicodeScalarView(core))
        if string.hasPrefix("第"), string.hasSuffix("页"), string.count <= 12 {
            return string.unicodeScalars.allSatisfy {
                Numerals.digitValue($0) != nil || "第页共,，/".unicodeScalars.contains($0)
            }
        }
        return false
    }

    /// Lines after which nothing belongs to the document (editor credits, related links).
    static func isEndMarker(_ text: String) -> Bool {
        guard let first = text.utf8.first, endMarkerFirstBytes.contains(first) else { return false }
        return endMarkers.contains { text.utf8.starts(with: $0) }
    }

    private static let endMarkers: [[UInt8]] = [
        "(责任编辑", "（责任编辑", "责任编辑：", "责任编辑:", "【责任编辑", "[责任编辑", "【纠错】", "【我要纠错】",
        "相关新闻", "相关阅读", "延伸阅读", "相关链接", "上一篇", "下一篇", "(编辑：", "（编辑：", "（来源：", "(来源:",
    ].map { Array($0.utf8) }
    private static let endMarkerFirstBytes = Set(endMarkers.map { $0[0] })

    /// Whether a line ends like a finished sentence.
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return sentenceEnders.contains(last)
    }
}

/// Zero-padded decimal, e.g. `zeroPadded(7, width: 2)` → `07`.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
