/// Marker strings as UTF-8 bytes, for byte searches on every line.
struct UTF8Markers: Sendable {
    let bytes: [[UInt8]]
    /// Indexed by byte: whether some marker starts with it.
    let startsMarker: [Bool]
    /// Indexed by a byte pair (first << 8 | second): whether some marker starts with it. Asked for every byte of a
    /// line, so a table, not a set; a pair because the first byte of a Chinese character is shared by thousands.
    let startsMarkerPair: [Bool]

    init(_ markers: [String]) {
        bytes = markers.map { Array($0.utf8) }
        precondition(bytes.allSatisfy { $0.count >= 2 }, "markers of two bytes or more")
        var table = [Bool](repeating: false, count: 256)
        var pairs = [Bool](repeating: false, count: 65536)
        for marker in bytes {
            table[Int(marker[0])] = true
            pairs[Int(marker[0]) << 8 | Int(marker[1])] = true
        }
        startsMarker = table
        startsMarkerPair = pairs
    }
}

/// One `label：value` pair of a government web page's metadata table (索引号, 发文机关, 标题, 发文字号, …).
public struct MetadataField: Sendable, Equatable, Codable {
    /// The label without the spaces that align it (`标　　题` → `标题`).
    public var label: String
    public var value: String
}

/// The metadata table printed above the text on government sites (gov.cn 政府信息公开 and provincial copies):
/// several `label：value` pairs on one line, or a label on one line and its value on the next.
enum MetadataTable {
    /// Labels a table uses; a line is part of the table only when it starts with one of them and a colon.
    static let labels = [
        "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词", "文号", "发布机构",
        "公文种类", "生效日期", "废止日期", "有效性", "名称", "组配分类", "体裁分类", "实施日期", "信息来源", "文件编号",
    ]
    private static let labelScalars = labels.map { Array($0.unicodeScalars) }
    private static let labelFirstScalars = Set(labels.compactMap(\.unicodeScalars.first))

    /// For a line that starts with a label and a colon, whether that label's value is empty (a label alone, its
    /// value on the next line); nil for any other line.
    static func labelLine(_ line: String) -> Bool? {
        let squeezed = Array(line.unicodeScalars.filter { !$0.isLayoutSpace })
        guard let first = squeezed.first, labelFirstScalars.contains(first), let pair = pairs(in: squeezed).last
        else { return nil }
        return pair.value.isEmpty
    }

    /// Removes the table's lines from the top of `lines` (up to the first numbered heading) and returns its fields.
    static func extract(from lines: inout [SourceLine]) -> [MetadataField] {
        var fields: [MetadataField] = []
        var consumed: [Int] = []
        var index = 0
        while index < lines.count, index < 200, lines[index].heading == nil || consumed.isEmpty {
            guard let first = lines[index].text.unicodeScalars.first, labelFirstScalars.contains(first) else {
                index += 1
                continue
            }
            let squeezed = lines[index].text.unicodeScalars.filter { !$0.isLayoutSpace }
            let pairs = self.pairs(in: Array(squeezed))
            if pairs.isEmpty {
                index += 1
                continue
            }
            consumed.append(index)
            for (position, pair) in pairs.enumerated() {
                var value = pair.value
                // `标　　题：` alone: the value is the next line.
                if value.isEmpty, position == pairs.count - 1, index + 1 < lines.count,
                    self.pairs(in: Array(lines[index + 1].text.unicodeScalars.filter { !$0.isLayoutSpace })).isEmpty,
                    lines[index + 1].text.utf8.count <= 300
                {
                    value = lines[index + 1].text
                    index += 1
                    consumed.append(index)
                }
                fields.append(MetadataField(label: pair.label, value: value))
            }
            index += 1
        }
        guard fields.count >= 2 else { return [] }  // one `标题：` line is not a table
        for offset in consumed.reversed() { lines.remove(at: offset) }
        return fields
    }

    /// The `label：value` pairs of a line with its spaces removed, when it starts with a label.
    private static func pairs(in scalars: [Unicode.Scalar]) -> [(label: String, value: String)] {
        func label(at position: Int) -> Int? {
            for candidate in labelScalars where position + candidate.count < scalars.count {
                let colon = scalars[position + candidate.count]
                guard colon == "：" || colon == ":" else { continue }
                if Array(scalars[position..<(position + candidate.count)]) == candidate { return candidate.count }
            }
            return nil
        }
        guard label(at: 0) != nil else { return [] }
        var result: [(String, String)] = []
        var position = 0
        var current: (label: String, valueStart: Int)?
        while position < scalars.count {
            if let length = label(at: position) {
                if let current {
                    result.append(
                        (current.label, String(String.UnicodeScalarView(scalars[current.valueStart..<position]))))
                }
                current = (
                    String(String.UnicodeScalarView(scalars[position..<(position + length)])), position + length + 1
                )
                position += length + 1
            } else {
                position += 1
            }
        }
        if let current {
            result.append((current.label, String(String.UnicodeScalarView(scalars[current.valueStart...]))))
        }
        return result
    }

    /// Title, issuers, date and document number from the fields, over what the text itself gave.
    static func apply(_ fields: [MetadataField], to document: inout PolicyDocument) {
        func value(_ labels: String...) -> String? {
            fields.first { labels.contains($0.label) && !$0.value.isEmpty }?.value
        }
        document.metadata = fields
        if let title = value("标题", "名称") { document.title = title }
        if let issuers = value("发文机关", "发布机构") { document.issuers = LineClassifier.splitIssuers(issuers) }
        if let date = value("成文日期", "发布日期").flatMap(LineClassifier.firstDate(in:)) { document.date = date }
        if let number = value("发文字号", "文号", "文件编号") {
            document.documentNumber =
                LineClassifier.documentNumber(in: number) ?? LineClassifier.normalisedDocumentNumber(number)
        }
    }
}

extension LineClassifier {
    /// Lines that frame a government page after the text: site footer, print/close links, related documents.
    static func isSiteFooter(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        return containsAny(text, siteFooterMarkers) || startsWithAny(text, siteFooterPrefixes) || isButtonRow(text)
    }

    /// A row of page buttons: two or more short bracketed words and nothing else (`【页面纠错】【打印】【关闭】`,
    /// `[打印] [关闭]`).
    static func isButtonRow(_ text: String) -> Bool {
        guard text.utf8.count <= 200 else { return false }
        var buttons = 0
        var inside: Int?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "【", "[", "［":
                guard inside == nil else { return false }
                inside = 0
            case "】", "]", "］":
                guard let length = inside, (1...6).contains(length) else { return false }
                buttons += 1
                inside = nil
            default:
                if let length = inside {
                    inside = length + 1
                } else if !scalar.isLayoutSpace {
                    return false
                }
            }
        }
        return inside == nil && buttons >= 2
    }

    private static let siteFooterMarkers = UTF8Markers([
        "版权所有", "网站标识码", "ICP备", "打印本页", "关闭窗口", "扫一扫在手机", "网站地图", "联系我们",
    ])
    private static let siteFooterPrefixes = UTF8Markers([
        "主办：", "主办:", "主办单位", "承办：", "承办单位", "相关文件", "相关稿件", "相关解读", "相关链接",
        // A portal's blocks under the text.
        "友情链接", "我的浏览记录", "浏览记录", "热点排行", "热点推荐", "热门文章", "点击排行", "猜你喜欢", "相关推荐",
    ])
    private static let breadcrumbPrefixes = UTF8Markers(["当前位置", "您当前的位置", "您现在的位置"])
    private static let breadcrumbMarkers = UTF8Markers(["E-mail推荐", "【字体"])
    private static let breadcrumbArrows = UTF8Markers(["＞", "»"])

    /// Whether `text` contains one of `markers` (a byte search: these checks run on every line).
    static func containsAny(_ text: String, _ markers: UTF8Markers) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 2 else { return false }
            for start in 0..<(bytes.count - 1)
            where markers.startsMarkerPair[Int(bytes[start]) << 8 | Int(bytes[start + 1])] {
                for marker in markers.bytes where marker.count <= bytes.count - start && marker[0] == bytes[start] {
                    var offset = 1
                    while offset < marker.count, bytes[start + offset] == marker[offset] { offset += 1 }
                    if offset == marker.count { return true }
                }
            }
            return false
        }
    }

    /// Whether `text` starts with one of `markers`.
    static func startsWithAny(_ text: String, _ markers: UTF8Markers) -> Bool {
        guard let first = text.utf8.first, markers.startsMarker[Int(first)] else { return false }
        return markers.bytes.contains { text.utf8.starts(with: $0) }
    }

    /// Site navigation before the text: `首页>政策>…`, `当前位置：首页>>…`, a line of brackets left by a button.
    static func isBreadcrumb(_ text: String) -> Bool {
        if text.utf8.count > 200 { return false }
        if startsWithAny(text, breadcrumbPrefixes) { return true }
        if text.hasPrefix("首页"), text.utf8.contains(UInt8(ascii: ">")) || containsAny(text, breadcrumbArrows) {
            return true
        }
        if containsAny(text, breadcrumbMarkers) { return true }
        return text.unicodeScalars.allSatisfy { "【】[]()（）|｜>＞".unicodeScalars.contains($0) || $0.isLayoutSpace }
    }

    /// `（此件公开发布）`, `（此件发至县级）`: the distribution note after a signature.
    static func isDistributionNote(_ text: String) -> Bool {
        (text.hasPrefix("（此件") || text.hasPrefix("(此件")) && (text.hasSuffix("）") || text.hasSuffix(")"))
            && text.count <= 30
    }

    /// `北 京 市 人 民 政 府` → `北京市人民政府`, `总 则` → `总则`: single spaces between CJK characters (letter-spaced
    /// signatures and headings) removed; wider gaps (between two issuers) and other spaces become one space.
    static func collapsingLetterSpacing(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.isLayoutSpace {
                var end = index
                while end < scalars.count, scalars[end].isLayoutSpace { end += 1 }
                let single = end - index == 1
                let between = index > 0 && end < scalars.count && isCJK(scalars[index - 1]) && isCJK(scalars[end])
                if !(single && between) { result.append(" ") }
                index = end
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    /// Ideographs and CJK punctuation (、。《》，：…), between which a single space is letter spacing.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isIdeographic || (0x3001...0x303F).contains(scalar.value)
            || (0xFF01...0xFF60).contains(scalar.value)
    }

    /// A document number with ASCII digits and 〔〕 brackets: `京政发［２０１１］２７号` → `京政发〔2011〕27号`.
    static func normalisedDocumentNumber(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.isLayoutSpace {
            if let digit = Numerals.digitValue(scalar) {
                result.append(Unicode.Scalar(UInt8(0x30 + digit)))
            } else if "[［【(（".unicodeScalars.contains(scalar) {
                result.append("〔")
            } else if "]］】)）".unicodeScalars.contains(scalar) {
                result.append("〕")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
