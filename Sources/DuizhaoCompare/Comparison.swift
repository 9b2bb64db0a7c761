import DuizhaoCore

/// Coverage of one national clause by the provincial text.
public struct NationalCoverage: Sendable, Equatable, Codable {
    public var id: String
    public var status: CoverageStatus
    /// Share of the clause's sentences carried over or rewritten (0…1).
    public var carriedShare: Double
}

/// Share of new text in one provincial clause.
public struct ProvincialCoverage: Sendable, Equatable, Codable {
    public var id: String
    /// Share of the clause's sentences with no national source (0…1).
    public var newShare: Double
}

/// The full comparison of a national document with its provincial implementation (`Codable`: the comparison
/// cache stores it as is; `nationalFates` encodes as a flat list of key and value).
public struct Comparison: Sendable, Equatable, Codable {
    public var links: [ClauseLink] = []
    /// National comparable units with no link (dropped by the province).
    public var nationalOnly: [String] = []
    /// Provincial comparable units with no link (added by the province).
    public var provincialOnly: [String] = []
    /// For every provincial sentence (of every comparable unit, in document order), its national source(s);
    /// sentences of unlinked clauses have none.
    public var provenance: [SentenceProvenance] = []
    /// For every national sentence: carried, rewritten or dropped (all sentences of unlinked clauses are dropped).
    public var nationalFates: [SentenceRef: SentenceFate] = [:]
    public var nationalCoverage: [NationalCoverage] = []
    public var provincialCoverage: [ProvincialCoverage] = []

    /// The links by which a provincial clause carries (part of) a national one (`match`, `partial`); `links`
    /// holds the `related` ones too.
    public var implementingLinks: [ClauseLink] { links.filter(\.kind.implements) }

    /// The provincial clauses that carry a national clause, best score first (`related` ones left out).
    public func provincialLinks(ofNational id: String) -> [ClauseLink] {
        links.filter { $0.national == id && $0.kind.implements }.sorted { $0.score > $1.score }
    }

    /// The national clauses a provincial clause carries, best score first (`related` ones left out).
    public func nationalLinks(ofProvincial id: String) -> [ClauseLink] {
        links.filter { $0.provincial == id && $0.kind.implements }.sorted { $0.score > $1.score }
    }
}
