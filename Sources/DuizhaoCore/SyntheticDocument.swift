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

    /// A document of at least `bytes` UTF-8 bytes.
    public static func text(minimumBytes bytes: Int) -> String {
        var clauses = 64
        while true {
            let text = text(clauseCount: clauses)
            if text.utf8.count >= bytes { return text }
            clauses = clauses * bytes / max(1, text.utf8.count) + 8
        }
    }
}
