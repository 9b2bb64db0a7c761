/// Builds large, well-formed synthetic documents from the bundled texts (for benchmarks and scaling tests).
public enum SyntheticDocument {
    /// A document of `clauseCount` clauses, 8 per section, numbered continuously, whose paragraphs cycle through
    /// the bundled clauses' paragraphs; `variant` shifts the cycle so two variants differ but overlap.
    public static func text(clauseCount: Int, variant: Int = 0) -> String {
        let national = BundledDocument.national.load().comparableUnits
        let provincial = BundledDocument.provincial.load().comparableUnits
        let pool = national + provincial
        var text = "关于第\(variant)号合成测试文档的意见\n2020年1月1日\n为测试导入和比较的性能，现提出如下意见。\n"
        text.reserveCapacity(clauseCount * 1200)
        for index in 0..<clauseCount {
            if index % 8 == 0 { text += "\(Numerals.chinese(index / 8 + 1))、第\(index / 8 + 1)部分\n" }
            let source = pool[(index * 7 + variant * 3) % pool.count]
            text += "\(index + 1).\(source.title)（\(index + 1)）。\(source.paragraphs.joined(separator: "\n"))\n"
        }
        return text
    }

    /// A law-shaped document in the corpus markdown: `# title`, a history line, `## 第X章` every 20 articles,
    /// `第X条` articles (at most 9999) of two 款 each, every third with two （一）（二） 项, text from the bundled clauses.
    public static func lawText(articleCount: Int, variant: Int = 0) -> String {
        let pool = BundledDocument.national.load().provisions + BundledDocument.provincial.load().provisions
        var text = "# 合成测试第\(variant)号条例\n\n2020年1月1日 某某省第一届人民代表大会常务委员会第一次会议通过\n\n<!-- INFO END -->\n"
        text.reserveCapacity(articleCount * 1500)
        for index in 0..<min(articleCount, 9999) {
            if index % 20 == 0 { text += "\n## 第\(Numerals.chinese(index / 20 + 1))章 第\(index / 20 + 1)部分\n" }
            let source = pool[(index * 7 + variant * 3) % pool.count]
            let other = pool[(index * 11 + variant * 5 + 1) % pool.count]
            text += "\n第\(Numerals.chinese(index + 1))条 \(source.paragraphs.joined())\n"
            if index % 3 == 0 {
                text += "\n有下列情形之一的，依照本条例处理：\n\n（一）\(source.title)；\n\n（二）\(other.title)。\n"
            }
            text += "\n\(other.paragraphs.joined())\n"
        }
        return text
    }

    /// A document of at least `bytes` UTF-8 bytes: 公文-shaped, or law-shaped (`lawText`) when `law` is set.
    public static func text(minimumBytes bytes: Int, law: Bool = false) -> String {
        var units = 64
        while true {
            let text = law ? lawText(articleCount: units) : text(clauseCount: units)
            if text.utf8.count >= bytes || (law && units >= 9999) { return text }
            units = units * bytes / max(1, text.utf8.count) + 8
        }
    }
}
