import DuizhaoCore

/// How a provincial clause relates to a national one.
public enum LinkKind: String, Sendable, Codable {
    /// The provincial clause implements this national clause.
    case match
    /// Only a part of the national clause is carried over (e.g. one sentence inside another clause).
    case partial
    /// Same subject, different norm: the provincial clause stands where the national one would be implemented but
    /// does not implement it. Shown side by side; not kept, not a change of the national clause, no sentence
    /// provenance: a national clause with only related links is dropped, a provincial one provincial-only.
    case related

    /// Whether the provincial clause carries (part of) the national one: `match` or `partial`.
    public var implements: Bool { self != .related }
}

/// What supports one link: the reasons a reader (or `compare --json`) can check.
public struct LinkEvidence: Sendable, Equatable, Codable {
    /// How many sentences of the provincial provision have a source in the national one.
    public var sharedSentences: Int
    /// Citations in the provincial provision that point to the national provision, as written
    /// (`《中华人民共和国村民委员会组织法》第十条`, or a whole-law citation a sentence defers to).
    public var citations: [String]
    /// Whether the two headings say the same thing (title similarity of at least one half).
    public var matchingHeading: Bool

    /// No shared sentence, citation or matching heading (a link made by hand, as in a test's fixture).
    public static let empty = LinkEvidence(sharedSentences: 0, citations: [], matchingHeading: false)
}

/// One link of the clause alignment (many-to-one and one-to-many links are separate `ClauseLink`s).
public struct ClauseLink: Sendable, Equatable, Codable {
    /// Division id in the national document.
    public var national: String
    /// Division id in the provincial document.
    public var provincial: String
    public var kind: LinkKind
    /// Similarity in 0…1.
    public var score: Double
    public var evidence: LinkEvidence
    /// The engine's link, or one made by hand (`AlignmentCorrection`).
    public var source: LinkSource

    public init(
        national: String, provincial: String, kind: LinkKind, score: Double,
        evidence: LinkEvidence = .empty, source: LinkSource = .auto
    ) {
        self.national = national
        self.provincial = provincial
        self.kind = kind
        self.score = score
        self.evidence = evidence
        self.source = source
    }
}

/// Position of a sentence: the division id and the sentence's index among `Division.sentences`.
public struct SentenceRef: Sendable, Hashable, Codable, Comparable {
    public var division: String
    public var index: Int

    public init(division: String, index: Int) {
        self.division = division
        self.index = index
    }

    public static func < (lhs: SentenceRef, rhs: SentenceRef) -> Bool {
        lhs.division == rhs.division ? lhs.index < rhs.index : lhs.division < rhs.division
    }
}

/// What became of a national sentence in the provincial text.
public enum SentenceFate: String, Sendable, Codable {
    /// Carried over (nearly) verbatim.
    case carried
    /// Carried over with changes.
    case rewritten
    /// Not found in the linked provincial clauses.
    case dropped
}

/// The national source(s) of one provincial sentence, in document order; empty `sources` means new in the
/// provincial text. `score` is the weighted share of the provincial sentence's bigrams found in its sources.
public struct SentenceProvenance: Sendable, Equatable, Codable {
    public var provincial: SentenceRef
    public var sources: [SentenceRef]
    public var score: Double

    public init(provincial: SentenceRef, sources: [SentenceRef], score: Double) {
        self.provincial = provincial
        self.sources = sources
        self.score = score
    }
}

/// One character-level edit operation.
public enum DiffOperation: String, Sendable, Codable {
    case equal, insert, delete
}

/// A run of characters that is equal in both texts, inserted in the provincial or deleted from the national.
public struct DiffSegment: Sendable, Equatable, Codable {
    public var operation: DiffOperation
    public var text: String

    public init(_ operation: DiffOperation, _ text: String) {
        self.operation = operation
        self.text = text
    }
}

/// Coverage status of a national clause.
public enum CoverageStatus: String, Sendable, Codable {
    case implemented, partial, dropped
}
