/// Shapes of 意见, 方案 and 规划 beside their numbering: `（责任单位：…）` tails of items and `专栏` boxes.
extension LineClassifier {
    /// A responsibility tail split off a paragraph: the text before it, the tail as printed (without brackets) and
    /// the units it names.
    struct ResponsibilityTail: Equatable {
        var text: String
        var printed: String
        var units: [String]
    }

    /// `…加快推进。（责任单位：省发展改革委、省工业和信息化厅）` or a line that is only such a tail, also with several
    /// roles (`（牵头单位：省发展改革委；配合单位：省财政厅）`): the roles end in 单位, 部门 or 主体.
    static func responsibilityTail(_ paragraph: String) -> ResponsibilityTail? {
        // Cheap gate: most paragraphs end otherwise.
        guard let lastScalar = paragraph.unicodeScalars.last(where: { !$0.isLayoutSpace }),
            lastScalar == "）" || lastScalar == ")",
            paragraph.contains("：") || paragraph.contains(":")
        else { return nil }
        let scalars = Array(paragraph.unicodeScalars)
        guard var end = scalars.lastIndex(where: { !$0.isLayoutSpace }), scalars[end] == "）" || scalars[end] == ")"
        else { return nil }
        // The bracket that opens the tail, matching nested brackets inside it.
        var depth = 0
        var open: Int?
        var index = end
        while index >= 0 {
            let scalar = scalars[index]
            if scalar == "）" || scalar == ")" {
                depth += 1
            } else if scalar == "（" || scalar == "(" {
                depth -= 1
                if depth == 0 {
                    open = index
                    break
                }
            }
            index -= 1
        }
        guard let open, end - open >= 4 else { return nil }
        let inside = String(String.UnicodeScalarView(scalars[(open + 1)..<end])).trimmingWhitespace()
        var units: [String] = []
        for role in inside.split(whereSeparator: { $0 == "；" || $0 == ";" }) {
            guard let colon = role.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
            let name = String(role[..<colon]).trimmingWhitespace()
            guard name.count <= 6, name.hasSuffix("单位") || name.hasSuffix("部门") || name.hasSuffix("主体") else {
                return nil
            }
            units += role[role.index(after: colon)...]
                .split(whereSeparator: { $0 == "、" || $0 == "，" || $0 == "," })
                .map { String($0).trimmingWhitespace() }
                .filter { !$0.isEmpty }
        }
        guard !units.isEmpty else { return nil }
        end = open
        let text = String(String.UnicodeScalarView(scalars[..<end])).trimmingWhitespace()
        return ResponsibilityTail(text: text, printed: inside, units: units)
    }

    private static let boxPrefix = Array("专栏".utf8)

    /// `专栏1 重点工程`, `专栏 2：…`, `专栏三`: the heading of a box, with its printed number when it has one.
    static func boxHeading(_ text: String) -> (label: String, number: Int?, title: String)? {
        guard text.utf8.starts(with: boxPrefix) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 50 else { return nil }
        var index = 2
        while index < scalars.count, scalars[index].isLayoutSpace { index += 1 }
        let numberStart = index
        while index < scalars.count, index - numberStart < 4,
            Numerals.digitValue(scalars[index]) != nil || Numerals.isChineseNumeral(scalars[index])
        {
            index += 1
        }
        let number = index > numberStart ? Numerals.value(scalars[numberStart..<index]) : nil
        let labelEnd = index
        while index < scalars.count, scalars[index].isLayoutSpace || scalars[index] == "：" || scalars[index] == ":" {
            index += 1
        }
        // `专栏介绍如下：` is a sentence: a box's label is followed by a number, a separator or nothing.
        guard number != nil || index > labelEnd || index == scalars.count else { return nil }
        let title = String(String.UnicodeScalarView(scalars[index...])).trimmingWhitespace()
        guard !endsSentence(title) || title.isEmpty, !isSentenceNotTitle(title) else { return nil }
        let label = "专栏" + (number != nil ? String(String.UnicodeScalarView(scalars[numberStart..<labelEnd])) : "")
        return (label, number, title)
    }
}
