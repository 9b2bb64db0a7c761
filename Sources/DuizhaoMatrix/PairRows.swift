import DuizhaoCompare
import DuizhaoCore

/// The side-by-side rows of one national provision in one implementation, from the pair's sentence provenance.
public struct PairRow: Sendable, Equatable {
    /// National sentences this row shows (empty for new provincial text).
    public var national: [String]
    /// The provincial sentence (nil for a national sentence found nowhere in the linked provisions).
    public var provincial: String?
}

extension PairRow {
    /// One row per sentence of the provincial provisions linked with `nationalID` that derives from it or is new,
    /// with its national source sentences; national sentences no such row draws on come in national order after
    /// the last row drawing on an earlier sentence.
    public static func rows(
        nationalID: String, national: PolicyDocument, provincial: PolicyDocument, comparison: Comparison
    ) -> [PairRow] {
        guard let nationalUnit = national.division(id: nationalID) else { return [] }
        let provincialIDs = Set(comparison.provincialLinks(ofNational: nationalID).flatMap { link in
            (provincial.division(id: link.provincial)?.flattened ?? []).map(\.id)
        })
        var order: [SentenceRef: Int] = [:]
        var nationalText: [SentenceRef: String] = [:]
        for division in nationalUnit.flattened {
            for (index, sentence) in division.sentences.enumerated() {
                let ref = SentenceRef(division: division.id, index: index)
                order[ref] = order.count
                nationalText[ref] = sentence
            }
        }
        let provincialText = SentenceTexts(provincial)
        var rows: [(sources: [SentenceRef], row: PairRow)] = []
        var used = Set<SentenceRef>()
        for entry in comparison.provenance where provincialIDs.contains(entry.provincial.division) {
            let sources = entry.sources.filter { order[$0] != nil }
            // A sentence drawn from another national provision belongs to that provision's rows.
            if sources.isEmpty && !entry.sources.isEmpty { continue }
            used.formUnion(sources)
            rows.append((sources, PairRow(national: sources.map { nationalText[$0] ?? "" },
                                          provincial: provincialText.text(entry.provincial))))
        }
        for (ref, position) in order.sorted(by: { $0.value < $1.value }) where !used.contains(ref) {
            let after = rows.lastIndex { $0.sources.contains { (order[$0] ?? .max) < position } }
            rows.insert(([ref], PairRow(national: [nationalText[ref] ?? ""], provincial: nil)),
                        at: after.map { $0 + 1 } ?? 0)
        }
        return rows.map(\.row)
    }
}
