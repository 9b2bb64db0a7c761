import DuizhaoCore

/// Where a bookmark's clause is in a loaded document.
public enum AnchorResolution: Sendable, Equatable, Hashable {
    /// The same clause id with the same heading and text.
    case exact(clauseID: String)
    /// Found again under another id (the document was renumbered, reimported or edited).
    case relocated(clauseID: String, match: RelocationMatch)
    /// Not found: the bookmark is kept and shown as orphaned with its stored heading.
    case orphaned

    /// The clause id in the loaded document, nil when orphaned.
    public var clauseID: String? {
        switch self {
        case .exact(let id), .relocated(let id, _): return id
        case .orphaned: return nil
        }
    }

    public var isOrphaned: Bool { self == .orphaned }
}

/// How a relocated bookmark was found again.
public enum RelocationMatch: String, Sendable, Equatable, Hashable {
    /// A clause with the same (normalised) title.
    case title
    /// A clause whose text matches the stored snippet.
    case text
}

/// A bookmark together with where its clause is in a loaded document.
public struct ResolvedBookmark: Sendable, Equatable, Hashable {
    public var bookmark: Bookmark
    public var resolution: AnchorResolution

    /// The clause id to show: the resolved one, else the stored one.
    public var clauseID: String { resolution.clauseID ?? bookmark.anchor.clauseID }
    public var isOrphaned: Bool { resolution.isOrphaned }
}

/// Finds bookmarked clauses in one loaded document: by fingerprint and id first, then by clause title, then
/// by text similarity; otherwise the bookmark is reported orphaned (never dropped).
public struct BookmarkAnchorResolver: Sendable {
    public let document: PolicyDocument
    public let identity: DocumentIdentity
    public var fingerprint: String { identity.fingerprint }
    private let divisions: [Division]
    private let indexByID: [String: Int]
    private let titles: [String]
    private let snippets: [String]
    private let texts: [String]

    /// The least snippet similarity (bigram Dice, 0…1) accepted for a relocation by text.
    public static let minimumTextSimilarity = 0.6

    public init(document: PolicyDocument, identity: DocumentIdentity? = nil) {
        self.document = document
        self.identity = identity ?? DocumentIdentity(document)
        divisions = document.allDivisions
        var indexByID: [String: Int] = [:]
        for (index, division) in divisions.enumerated() where indexByID[division.id] == nil {
            indexByID[division.id] = index
        }
        self.indexByID = indexByID
        titles = divisions.map(\.normalizedTitle)
        texts = divisions.map(\.normalizedText)
        snippets = texts.map { String($0.unicodeScalars.prefix(48)) }
    }

    /// Whether the bookmark was made in this document or a version of it; `sketch` is the content sketch the
    /// store keeps for the bookmark's document (`BookmarkStore.documentSketches()`), nil when unknown.
    public func belongsToDocument(_ anchor: BookmarkAnchor, sketch: ContentSketch?) -> Bool {
        identity.isSameDocument(
            fingerprint: anchor.documentFingerprint, titleKey: anchor.documentTitleKey, source: anchor.documentSource,
            sketch: sketch)
    }

    public func resolve(_ anchor: BookmarkAnchor) -> AnchorResolution {
        // Fast path, the common case: the same document, the clause still there with the same heading.
        if anchor.documentFingerprint == fingerprint, let index = indexByID[anchor.clauseID],
            divisions[index].heading == anchor.clauseHeading
        {
            return .exact(clauseID: anchor.clauseID)
        }
        let headingKey = ComparableText.normalize(anchor.clauseHeading)
        if let index = indexByID[anchor.clauseID] {
            let sameTitle = titles[index] == headingKey
            if anchor.documentFingerprint == fingerprint, sameTitle || snippets[index] == anchor.snippet {
                return .exact(clauseID: anchor.clauseID)
            }
            if sameTitle, snippets[index] == anchor.snippet { return .exact(clauseID: anchor.clauseID) }
        }
        if !headingKey.isEmpty {
            let sameTitle = titles.indices.filter { titles[$0] == headingKey }
            if let best = sameTitle.max(by: { rank($0, for: anchor) < rank($1, for: anchor) }) {
                return divisions[best].id == anchor.clauseID && snippets[best] == anchor.snippet
                    ? .exact(clauseID: anchor.clauseID)
                    : .relocated(clauseID: divisions[best].id, match: .title)
            }
        }
        guard !anchor.snippet.isEmpty else { return .orphaned }
        // A long enough snippet contained in a division's text: the smallest such division.
        if anchor.snippet.unicodeScalars.count >= 8 {
            let containing = texts.indices.filter { texts[$0].contains(anchor.snippet) }
            if let smallest = containing.min(by: { texts[$0].unicodeScalars.count < texts[$1].unicodeScalars.count }) {
                return .relocated(clauseID: divisions[smallest].id, match: .text)
            }
        }
        var bestIndex: Int?
        var bestScore = 0.0
        for index in snippets.indices {
            let score = ComparableText.similarity(anchor.snippet, snippets[index])
            if score > bestScore {
                bestScore = score
                bestIndex = index
            }
        }
        if let bestIndex, bestScore >= Self.minimumTextSimilarity {
            return .relocated(clauseID: divisions[bestIndex].id, match: .text)
        }
        return .orphaned
    }

    /// Orders candidates with the same title: closer snippet first, then the same id.
    private func rank(_ index: Int, for anchor: BookmarkAnchor) -> Double {
        ComparableText.similarity(anchor.snippet, snippets[index])
            + (divisions[index].id == anchor.clauseID ? 0.001 : 0)
    }

    /// The division a resolution points at.
    public func division(for resolution: AnchorResolution) -> Division? {
        resolution.clauseID.flatMap { indexByID[$0] }.map { divisions[$0] }
    }

    /// Resolves the bookmarks of this document, in order.
    public func resolve(_ bookmarks: [Bookmark]) -> [ResolvedBookmark] {
        bookmarks.map { ResolvedBookmark(bookmark: $0, resolution: resolve($0.anchor)) }
    }
}
