/// One `label：value` pair of a government web page's metadata table (索引号, 发文机关, 标题, 发文字号, …).
public struct MetadataField: Sendable, Equatable, Codable {
    /// The label without the spaces that align it (`标　　题` → `标题`).
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
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

    /// Removes the table's lines from the top of `lines` (up to the first numbered heading) and returns its fields.
    static func extract(from lines: inout [SourceLine]) -> [MetadataField] {
        var fields: [MetadataField] = []
        var consumed: [Int] = []
        var index = 0
        while index < lines.count, index < 200, lines[index].heading == nil || consumed.isEmpty {
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
                   lines[index + 1].text.utf8.count <= 300 {
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
                    result.append((current.label, String(String.UnicodeScalarView(scalars[current.valueStart..<position]))))
                }
                current = (String(String.UnicodeScalarView(scalars[position..<(position + length)])), position + length + 1)
                position += length + 1
            } else {
                position += 1
            }
        }
        if let current { result.append((current.label, String(String.UnicodeScalarView(scalars[current.valueStart...])))) }
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
            document.documentNumber = LineClassifier.documentNumber(in: number) ?? LineClassifier.normalisedDocumentNumber(number)
        }
    }
}

extension LineClassifier {
    /// Lines that frame a government page after the text: site footer, print/close links, related documents.
    static func isSiteFooter(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        if siteFooterMarkers.occurs(in: text) { return true }
        return siteFooterPrefixes.contains { text.hasPrefix($0) }
    }

    private static let siteFooterPrefixes = ["主办：", "主办:", "主办单位", "承办：", "承办单位", "相关文件", "相关稿件", "相关解读", "相关链接"]

    /// Words that only a site's footer holds, wherever they stand in the line.
    private static let siteFooterMarkers = ByteMarkers(["版权所有", "网站标识码", "ICP备", "打印本页", "关闭窗口", "扫一扫在手机", "网站地图", "联系我们"])

    /// Site navigation before the text: `首页>政策>…`, `当前位置：首页>>…`, a line of brackets left by a button.
    static func isBreadcrumb(_ text: String) -> Bool {
        if text.utf8.count > 200 { return false }
        if text.hasPrefix("当前位置") || text.hasPrefix("您当前的位置") || text.hasPrefix("您现在的位置") { return true }
        if text.hasPrefix("首页"), text.contains(">") || text.contains("＞") || text.contains("»") { return true }
        if text.contains("E-mail推荐") || text.contains("【字体") { return true }
        return text.unicodeScalars.allSatisfy { "【】[]()（）|｜>＞".unicodeScalars.contains($0) || $0.isLayoutSpace }
    }

    /// `（此件公开发布）`, `（此件发至县级）`: the distribution note after a signature.
    static func isDistributionNote(_ text: String) -> Bool {
        (text.hasPrefix("（此件") || text.hasPrefix("(此件")) && (text.hasSuffix("）") || text.hasSuffix(")")) && text.count <= 30
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
        scalar.properties.isIdeographic || (0x3001...0x303F).contains(scalar.value) || (0xFF01...0xFF60).contains(scalar.value)
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

/// A fixed set of words searched for in a line's UTF-8 bytes: only positions whose byte can start a word are
/// compared, so the common line (no marker) costs one table lookup per byte instead of a Foundation string search
/// per word.
struct ByteMarkers: Sendable {
    private let markers: [[UInt8]]
    private let startsWord: [Bool]

    init(_ words: [String]) {
        markers = words.map { Array($0.utf8) }
        var table = [Bool](repeating: false, count: 256)
        for marker in markers { table[Int(marker[0])] = true }
        startsWord = table
    }

    /// Whether any of the words occurs in `text`.
    func occurs(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for start in bytes.indices where startsWord[Int(bytes[start])] {
                let rest = bytes[start...]
                if markers.contains(where: { rest.starts(with: $0) }) { return true }
            }
            return false
        }
    }
}
