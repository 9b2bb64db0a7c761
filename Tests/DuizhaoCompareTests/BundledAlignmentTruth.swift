import DuizhaoCompare

/// What the Heilongjiang implementation (provincial) does with the national 意见, established by reading both
/// texts side by side (Resources/national.txt, Resources/provincial.txt); the table is `Truth/bundled.tsv`. Ids
/// are the importer's: section.clause, with clauses numbered continuously through each document (national 1–24,
/// provincial 1–20).
struct BundledAlignmentTruth {
    typealias Link = TruthLink<String>

    var links: [Link]
    /// National clauses the province dropped.
    var nationalOnly: [String]
    /// Provincial clauses with no national source (none: every provincial clause implements a national one).
    var provincialOnly: [String]
    /// Sentences whose provenance is unambiguous: a fragment of the provincial sentence text, the national clause
    /// and a fragment of the national sentence it comes from.
    var sentenceSources:
        [(provincialClause: String, provincialFragment: String, nationalClause: String, nationalFragment: String)]
    /// Provincial sentences that are new in the provincial text (no national source).
    var newSentences: [(provincialClause: String, fragment: String)]
    /// National sentences the province dropped inside clauses it otherwise implements.
    var droppedSentences: [(nationalClause: String, fragment: String)]

    /// Reads `Truth/bundled.tsv`.
    static func load() throws -> BundledAlignmentTruth {
        let table = try TruthTable(
            named: "bundled",
            fieldCounts: [
                "link": 4, "national-only": 2, "provincial-only": 2, "sentence-source": 4, "new-sentence": 2,
                "dropped-sentence": 2,
            ])
        return BundledAlignmentTruth(
            links: try table.links { row, field in row.fields[field] },
            nationalOnly: table.rows("national-only").map { $0.fields[0] },
            provincialOnly: table.rows("provincial-only").map { $0.fields[0] },
            sentenceSources: table.rows("sentence-source").map {
                ($0.fields[0], $0.fields[1], $0.fields[2], $0.fields[3])
            },
            newSentences: table.rows("new-sentence").map { ($0.fields[0], $0.fields[1]) },
            droppedSentences: table.rows("dropped-sentence").map { ($0.fields[0], $0.fields[1]) })
    }
}
