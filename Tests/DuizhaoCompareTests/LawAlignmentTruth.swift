import DuizhaoCompare

/// Hand-made readings of real law pairs from `Tests/Fixtures/corpus/`: which national article(s) each provincial
/// article of an 实施办法 implements, established by reading both texts side by side; one table a pair in
/// `Truth/` (cunweihui-zhejiang.tsv, cunweihui-henan.tsv, nongjituiguang-zhejiang.tsv). Articles are named by
/// their printed number (第N条 → N), not by importer ids, so the tables survive changes to the document model.
///
/// Conventions: `match` means the provincial article implements that national article (carries its rule,
/// usually most of its wording); `partial` means it takes part of it (one 款 or one sentence of a national
/// article whose main part is elsewhere, or a national article spread over several provincial ones). When a
/// national article is split, the provincial article with most of it is the `match`, the others `partial`.
/// A link needs shared substance, not a shared topic word: a provincial article that only borrows a stock phrase
/// is provincial-only, with the phrase noted.
enum LawAlignmentTruth {
    typealias Link = TruthLink<Int>

    struct Pair {
        var name: String
        /// Paths relative to `Tests/Fixtures/corpus/`.
        var nationalFile: String
        var provincialFile: String
        var links: [Link]
        /// National articles the province does not carry, with the reason.
        var nationalOnly: [(article: Int, reason: String)]
        /// Provincial articles with no national source, with what they add.
        var provincialOnly: [(article: Int, reason: String)]
    }

    static var pairs: [Pair] {
        get throws { [try zhejiang, try henan, try agriculturalExtension] }
    }

    /// 村民委员会组织法 and 浙江省实施办法 (2020).
    static var zhejiang: Pair { get throws { try pair("cunweihui-zhejiang") } }
    /// 村民委员会组织法 and 河南省实施办法 (2011).
    static var henan: Pair { get throws { try pair("cunweihui-henan") } }
    /// 农业技术推广法 and 浙江省实施办法 (amended 2020).
    static var agriculturalExtension: Pair { get throws { try pair("nongjituiguang-zhejiang") } }

    /// Reads `Truth/NAME.tsv`.
    static func pair(_ name: String) throws -> Pair {
        let table = try TruthTable(
            named: name,
            fieldCounts: [
                "name": 1, "national-file": 1, "provincial-file": 1, "link": 4, "national-only": 2,
                "provincial-only": 2,
            ])
        return Pair(
            name: try table.value("name"),
            nationalFile: try table.value("national-file"),
            provincialFile: try table.value("provincial-file"),
            links: try table.links { try $0.number($1) },
            nationalOnly: try table.rows("national-only").map { (try $0.number(0), $0.fields[1]) },
            provincialOnly: try table.rows("provincial-only").map { (try $0.number(0), $0.fields[1]) })
    }
}
