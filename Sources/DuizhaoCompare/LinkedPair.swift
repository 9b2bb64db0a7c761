import DuizhaoCore

/// One row of a linked pair of clauses: a provincial sentence beside its national source sentence(s), a national
/// sentence the provincial clause dropped (no `provincial`), or a provincial sentence with no source (no
/// `national`). `changes` classifies every difference of the row.
public struct PairRow: Sendable, Equatable {
    public var national: [SentenceRef]
    public var provincial: SentenceRef?
    /// The national source sentences joined, and the provincial sentence ("" when absent).
    public var nationalText: String
    public var provincialText: String
    public var changes: [Change]
    /// For a national sentence this provincial clause does not carry but another one does (a provision moved or
    /// split): the provincial divisions that carry it, in document order. Such a row has no `deleted` change.
    public var movedTo: [String] = []
}

/// A linked pair of clauses laid out row by row, with every change classified.
public struct LinkedPair: Sendable {
    public var link: ClauseLink
    public var rows: [PairRow]
    /// National clauses other than the linked one that some provincial sentences of this clause derive from
    /// (those sentences are shown in that clause's pair, not here as new text), one entry per sentence.
    public var sourcesElsewhere: [String]

    /// Every change of the pair, in row order.
    public var changes: [Change] { rows.flatMap(\.changes) }

    /// Lays out `link`: one row per provincial sentence with its sources inside the linked national clause;
    /// national sentences carried nowhere in it go in after the last row drawing on an earlier sentence of the
    /// clause (at the top when there is none).
    /// `localLevel`: the provincial document's level (`Localization.dominantLevel(of:)`), so a localisation to
    /// another level is an `actor` change.
    public init(
        link: ClauseLink, comparison: Comparison, national: PolicyDocument, provincial: PolicyDocument,
        localLevel: String?
    ) {
        self.init(
            link: link, provenance: Self.provenanceByDivision(comparison),
            carriers: Self.carriersOfNationalSentences(comparison),
            nationalUnit: national.division(id: link.national),
            provincialUnit: provincial.division(id: link.provincial),
            localLevel: localLevel)
    }

    /// The provenance entries of each provincial division, in document order (built once for all links).
    static func provenanceByDivision(_ comparison: Comparison) -> [String: [SentenceProvenance]] {
        Dictionary(grouping: comparison.provenance, by: \.provincial.division)
    }

    /// For each national sentence with a provincial derivative, the provincial provisions holding its
    /// derivatives, in document order (built once for all links).
    static func carriersOfNationalSentences(_ comparison: Comparison) -> [SentenceRef: [String]] {
        // A sentence's division is its provision or lies inside it (`2.8.1.2` in `2.8`).
        let provisions = Set(comparison.provincialCoverage.map(\.id))
        var provisionOfDivision: [String: String] = [:]
        func provision(of division: String) -> String {
            if let known = provisionOfDivision[division] { return known }
            var id = Substring(division)
            while !provisions.contains(String(id)), let dot = id.lastIndex(of: ".") { id = id[..<dot] }
            let found = provisions.contains(String(id)) ? String(id) : division
            provisionOfDivision[division] = found
            return found
        }
        var carriers: [SentenceRef: [String]] = [:]
        for entry in comparison.provenance {
            let unit = provision(of: entry.provincial.division)
            for source in entry.sources where !(carriers[source]?.contains(unit) ?? false) {
                carriers[source, default: []].append(unit)
            }
        }
        return carriers
    }

    init(
        link: ClauseLink, provenance: [String: [SentenceProvenance]], carriers: [SentenceRef: [String]],
        nationalUnit: Division?, provincialUnit: Division?, localLevel: String?
    ) {
        self.link = link
        let nationalDivisions = nationalUnit?.flattened ?? []
        let provincialDivisions = provincialUnit?.flattened ?? []
        let nationalIDs = Set(nationalDivisions.map(\.id))
        // Sentences are split once per division (splitting is the costly part of looking one up).
        var nationalSentences: [String: [String]] = [:]
        var provincialSentences: [String: [String]] = [:]
        func text(_ ref: SentenceRef, in divisions: [Division], cache: inout [String: [String]]) -> String {
            let sentences: [String]
            if let known = cache[ref.division] {
                sentences = known
            } else {
                sentences = divisions.first { $0.id == ref.division }?.sentences ?? []
                cache[ref.division] = sentences
            }
            return sentences.indices.contains(ref.index) ? sentences[ref.index] : ""
        }
        var layout: [(national: [SentenceRef], provincial: SentenceRef?)] = []
        var used = Set<SentenceRef>()
        var elsewhere: [String] = []
        for entry in provincialDivisions.flatMap({ provenance[$0.id] ?? [] }) {
            let sources = entry.sources.filter { nationalIDs.contains($0.division) }
            if sources.isEmpty, let other = entry.sources.first {
                elsewhere.append(other.division)
                continue
            }
            layout.append((sources, entry.provincial))
            used.formUnion(sources)
        }
        var order: [SentenceRef: Int] = [:]
        for division in nationalDivisions {
            let sentences = division.sentences
            nationalSentences[division.id] = sentences
            for index in sentences.indices { order[SentenceRef(division: division.id, index: index)] = order.count }
        }
        for (ref, position) in order.sorted(by: { $0.value < $1.value }) where !used.contains(ref) {
            let after = layout.lastIndex { row in row.national.contains { (order[$0] ?? Int.max) < position } }
            layout.insert(([ref], nil), at: after.map { $0 + 1 } ?? 0)
        }
        // What the provincial clause says around its sentences (its heading, every sentence): a subject named
        // there (村民委员会的主要职责：办理…) is not dropped from a sentence that leaves it out.
        let provincialWhole = provincialDivisions.map { $0.title + $0.paragraphs.joined() }.joined()
        let provincialIDs = Set(provincialUnit.map { [$0.id] } ?? [])
        rows = layout.map { row in
            let nationalText = row.national.map { text($0, in: nationalDivisions, cache: &nationalSentences) }.joined()
            let provincialText =
                row.provincial.map { text($0, in: provincialDivisions, cache: &provincialSentences) } ?? ""
            let movedTo =
                row.provincial == nil
                ? row.national.flatMap { carriers[$0] ?? [] }.filter { !provincialIDs.contains($0) } : []
            var changes = ChangeClassifier.rowChanges(
                national: nationalText, provincial: provincialText,
                wholeSentence: row.national.isEmpty || row.provincial == nil, localLevel: localLevel)
            if !movedTo.isEmpty { changes.removeAll { $0.kind == .deleted } }
            changes.removeAll { change in
                change.kind == .actor && change.provincial.isEmpty && provincialWhole.contains(change.national)
            }
            var pairRow = PairRow(
                national: row.national, provincial: row.provincial, nationalText: nationalText,
                provincialText: provincialText, changes: changes)
            pairRow.movedTo = movedTo.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            return pairRow
        }
        sourcesElsewhere = elsewhere
    }
}

extension ChangeClassifier {
    /// The changes of one row: a whole sentence added or deleted, or the classified differences of a pair.
    static func rowChanges(national: String, provincial: String, wholeSentence: Bool, localLevel: String?) -> [Change] {
        guard wholeSentence else { return changes(national: national, provincial: provincial, localLevel: localLevel) }
        if national.isEmpty, !provincial.isEmpty {
            return [
                Change(
                    kind: .added, national: "", provincial: provincial, nationalRange: 0..<0,
                    provincialRange: 0..<provincial.count)
            ]
        }
        if provincial.isEmpty, !national.isEmpty {
            return [
                Change(
                    kind: .deleted, national: national, provincial: "", nationalRange: 0..<national.count,
                    provincialRange: 0..<0)
            ]
        }
        return []
    }
}

extension Localization {
    /// The level of a local document: the one its title, preamble and text name most often (read from the
    /// first 200 KB: enough to tell, and cheap on a very long document).
    public static func dominantLevel(of document: PolicyDocument) -> String? {
        var sample = ([document.title] + document.preamble).joined(separator: "\n")
        for paragraph in document.divisions.lazy.flatMap(\.allParagraphs) where sample.utf8.count < 200_000 {
            sample += "\n" + paragraph
        }
        return dominantLevel(of: sample)
    }
}

extension Comparison {
    /// Every implementing link (`match`, `partial`) laid out as a `LinkedPair`, in the order of `links`.
    public func linkedPairs(national: PolicyDocument, provincial: PolicyDocument) -> [LinkedPair] {
        let level = Localization.dominantLevel(of: provincial)
        let provenance = LinkedPair.provenanceByDivision(self)
        let carriers = LinkedPair.carriersOfNationalSentences(self)
        // Divisions looked up by id once: `PolicyDocument.division(id:)` walks the whole tree each time.
        let nationalDivisions = Dictionary(
            national.allDivisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let provincialDivisions = Dictionary(
            provincial.allDivisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return implementingLinks.map {
            LinkedPair(
                link: $0, provenance: provenance, carriers: carriers, nationalUnit: nationalDivisions[$0.national],
                provincialUnit: provincialDivisions[$0.provincial], localLevel: level)
        }
    }
}
