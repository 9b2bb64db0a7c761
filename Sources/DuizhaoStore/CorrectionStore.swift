import DuizhaoCompare
import DuizhaoCore
import FoundationEssentials

/// What a stored correction does: link the two provisions by hand with a kind, or reject the machine's link.
public enum CorrectionAction: String, Sendable, Equatable, Hashable, CaseIterable {
    case match
    case partial
    case related
    /// No link of any kind between the two (`duizhao align unlink`).
    case rejected

    /// The hand link's kind; nil for a rejection.
    public var linkKind: LinkKind? {
        switch self {
        case .match: return .match
        case .partial: return .partial
        case .related: return .related
        case .rejected: return nil
        }
    }

    public init(_ kind: LinkKind?) {
        switch kind {
        case .match: self = .match
        case .partial: self = .partial
        case .related: self = .related
        case nil: self = .rejected
        }
    }
}

/// A researcher's correction of the alignment as stored: both provisions anchored as bookmarks are (document
/// fingerprint, title and source; provision id, heading and a snippet of its text), so that it is found again
/// when either file is edited, re-saved in another encoding or shape, or moved.
public struct StoredCorrection: Sendable, Equatable, Hashable, Identifiable {
    /// Assigned by the store; never reused after a removal.
    public var id: Int64
    public var national: BookmarkAnchor
    public var provincial: BookmarkAnchor
    public var action: CorrectionAction
    public var note: String
    public var createdAt: Date
}

/// A stored correction together with where its provisions are in a loaded pair.
public struct ResolvedCorrection: Sendable, Equatable {
    public var stored: StoredCorrection
    public var national: AnchorResolution
    public var provincial: AnchorResolution

    /// Whether either provision is gone: such a correction is reported, never applied.
    public var isOrphaned: Bool { national.isOrphaned || provincial.isOrphaned }

    /// The correction for the engine, by the provisions' ids in the loaded pair; nil when orphaned.
    public var correction: AlignmentCorrection? {
        guard let nationalID = national.clauseID, let provincialID = provincial.clauseID else { return nil }
        return AlignmentCorrection(national: nationalID, provincial: provincialID, kind: stored.action.linkKind)
    }
}

/// The corrections that belong to one loaded pair: those to apply (by id in the pair) and those whose provision
/// is gone (to report).
public struct PairCorrections: Sendable, Equatable {
    public var resolved: [ResolvedCorrection]

    public init(resolved: [ResolvedCorrection] = []) { self.resolved = resolved }

    public static let none = PairCorrections()

    /// What the engine applies, oldest first (a later correction of the same two provisions wins).
    public var corrections: [AlignmentCorrection] { resolved.compactMap(\.correction) }
    /// The corrections not applied because a provision is gone.
    public var orphaned: [ResolvedCorrection] { resolved.filter(\.isOrphaned) }

    /// One line for a reader's notice or a command's warning when a correction could not be applied; nil if none.
    public var notice: String? {
        let count = orphaned.count
        guard count > 0 else { return nil }
        let numbers = orphaned.prefix(5).map { "#\($0.stored.id)" }.joined(separator: ", ")
        return "\(count) hand correction\(count == 1 ? "" : "s") not applied (provision gone: \(numbers)"
            + (count > 5 ? ", …" : "") + "; see duizhao align list)"
    }

    /// Finds the corrections of `all` that were made on this pair (or other versions of its documents) and where
    /// their provisions are now. `sketches` are the store's document sketches (`documentSketches()`).
    public static func resolve(
        _ all: [StoredCorrection], national: PolicyDocument, nationalIdentity: DocumentIdentity? = nil,
        provincial: PolicyDocument, provincialIdentity: DocumentIdentity? = nil, sketches: [String: ContentSketch]
    ) -> PairCorrections {
        guard !all.isEmpty else { return .none }
        return CorrectionSet(all, national: national, nationalIdentity: nationalIdentity, sketches: sketches)
            .corrections(for: provincial, identity: provincialIdentity)
    }
}

/// The stored corrections of one national document, its side resolved once, ready to be applied to any number of
/// implementations (the matrix): each implementation only resolves its own side. Immutable and `Sendable`.
public struct CorrectionSet: Sendable {
    /// The corrections made on this national document (or another version of it), with where the national
    /// provision is now.
    private let candidates: [(stored: StoredCorrection, national: AnchorResolution)]
    private let sketches: [String: ContentSketch]

    /// A set that applies nothing.
    public static let empty = CorrectionSet()

    private init() {
        candidates = []
        sketches = [:]
    }

    public init(
        _ all: [StoredCorrection], national: PolicyDocument, nationalIdentity: DocumentIdentity? = nil,
        sketches: [String: ContentSketch]
    ) {
        self.sketches = sketches
        guard !all.isEmpty else {
            candidates = []
            return
        }
        let identity = nationalIdentity ?? DocumentIdentity(national)
        var verdicts: [String: Bool] = [:]  // by stored fingerprint and source: one sketch comparison each
        let mine = all.filter { stored in
            let anchor = stored.national
            let key = anchor.documentFingerprint + "\u{0}" + anchor.documentSource
            if let known = verdicts[key] { return known }
            let same = identity.isSameDocument(
                fingerprint: anchor.documentFingerprint, titleKey: anchor.documentTitleKey,
                source: anchor.documentSource, sketch: sketches[anchor.documentFingerprint])
            verdicts[key] = same
            return same
        }
        guard !mine.isEmpty else {
            candidates = []
            return
        }
        let resolver = BookmarkAnchorResolver(document: national, identity: identity)
        let units = Self.units(of: national)
        candidates = mine.map { ($0, Self.onUnit(resolver.resolve($0.national), units)) }
    }

    /// The compared provision (`comparableUnits`) each division is or belongs to, by id.
    static func units(of document: PolicyDocument) -> [String: String] {
        var units: [String: String] = [:]
        func visit(_ division: Division, unit: String) {
            if units[division.id] == nil { units[division.id] = unit }
            for child in division.children { visit(child, unit: unit) }
        }
        for unit in document.comparableUnits { visit(unit, unit: unit.id) }
        return units
    }

    /// A resolution moved onto the compared provision that holds it: a provision found again by a paragraph of
    /// its text (the smallest division containing the snippet) is the provision, not the paragraph.
    static func onUnit(_ resolution: AnchorResolution, _ units: [String: String]) -> AnchorResolution {
        switch resolution {
        case .exact(let id):
            guard let unit = units[id], unit != id else { return resolution }
            return .relocated(clauseID: unit, match: .text)
        case .relocated(let id, let match):
            return .relocated(clauseID: units[id] ?? id, match: match)
        case .orphaned:
            return .orphaned
        }
    }

    /// Whether no stored correction concerns the national document.
    public var isEmpty: Bool { candidates.isEmpty }

    /// The corrections of this national document made on `provincial` (or another version of it), resolved.
    /// Those made on the same content (fingerprint) or the same file (source and title) when there are any; else
    /// those made on a copy with the same title and similar content (moved and edited: `isSameDocument`), each
    /// stored copy's sketch compared once. So that two versions of one document in one matrix keep their own
    /// corrections, and a matrix of hundreds of namesakes does not compare sketches per correction.
    public func corrections(for provincial: PolicyDocument, identity: DocumentIdentity? = nil) -> PairCorrections {
        guard !candidates.isEmpty else { return .none }
        let identity = identity ?? DocumentIdentity(provincial)
        var mine = candidates.filter { candidate in
            let anchor = candidate.stored.provincial
            return anchor.documentFingerprint == identity.fingerprint
                || (anchor.documentSource == identity.source && anchor.documentTitleKey == identity.titleKey)
        }
        if mine.isEmpty {
            var verdicts: [String: Bool] = [:]
            mine = candidates.filter { candidate in
                let anchor = candidate.stored.provincial
                guard anchor.documentTitleKey == identity.titleKey else { return false }
                if let known = verdicts[anchor.documentFingerprint] { return known }
                let same = identity.isSameDocument(
                    fingerprint: anchor.documentFingerprint, titleKey: anchor.documentTitleKey,
                    source: anchor.documentSource, sketch: sketches[anchor.documentFingerprint])
                verdicts[anchor.documentFingerprint] = same
                return same
            }
        }
        guard !mine.isEmpty else { return .none }
        // The common case, corrections made on this very content, needs no resolver (it indexes every division's
        // text): the provision is there under its id with its heading. The resolver is built for the others.
        var resolver: BookmarkAnchorResolver?
        var units: [String: String]?
        let headings = Dictionary(
            provincial.allDivisions.map { ($0.id, $0.heading) }, uniquingKeysWith: { first, _ in first })
        return PairCorrections(
            resolved: mine.map { candidate in
                let anchor = candidate.stored.provincial
                let resolution: AnchorResolution
                if anchor.documentFingerprint == identity.fingerprint,
                    headings[anchor.clauseID] == anchor.clauseHeading
                {
                    resolution = .exact(clauseID: anchor.clauseID)
                } else {
                    if resolver == nil {
                        resolver = BookmarkAnchorResolver(document: provincial, identity: identity)
                        units = Self.units(of: provincial)
                    }
                    resolution = Self.onUnit(resolver!.resolve(anchor), units ?? [:])
                }
                return ResolvedCorrection(
                    stored: candidate.stored, national: candidate.national, provincial: resolution)
            })
    }
}

extension BookmarkStore {
    static let correctionColumns = """
        id, nationalFingerprint, nationalTitle, nationalSource, nationalClauseID, nationalHeading, nationalSnippet, \
        provincialFingerprint, provincialTitle, provincialSource, provincialClauseID, provincialHeading, \
        provincialSnippet, kind, note, createdAt
        """

    /// Stores a correction between `nationalID` in `national` and `provincialID` in `provincial` (a hand link of
    /// `action`'s kind, or a rejection); returns it with its new id. Throws `StoreError.noSuchClause` when a
    /// document has no such division (nothing is stored). One IMMEDIATE transaction, as every write.
    @discardableResult
    public func addCorrection(
        national: PolicyDocument, nationalID: String, provincial: PolicyDocument, provincialID: String,
        action: CorrectionAction, note: String = "", nationalIdentity: DocumentIdentity? = nil,
        provincialIdentity: DocumentIdentity? = nil
    ) throws -> StoredCorrection {
        guard let nationalDivision = national.division(id: nationalID) else {
            throw StoreError.noSuchClause(id: nationalID, document: national.source)
        }
        guard let provincialDivision = provincial.division(id: provincialID) else {
            throw StoreError.noSuchClause(id: provincialID, document: provincial.source)
        }
        let nationalIdentity = nationalIdentity ?? DocumentIdentity(national)
        let provincialIdentity = provincialIdentity ?? DocumentIdentity(provincial)
        let nationalAnchor = BookmarkAnchor(document: national, division: nationalDivision, identity: nationalIdentity)
        let provincialAnchor = BookmarkAnchor(
            document: provincial, division: provincialDivision, identity: provincialIdentity)
        let writer = try requireWriter()
        let now = Date()
        let id = try perform {
            try writer.write { db -> Int64 in
                for identity in [nationalIdentity, provincialIdentity] {
                    try db.execute(
                        "INSERT OR IGNORE INTO document (fingerprint, title, titleKey, sketch) VALUES (?, ?, ?, ?)",
                        [
                            .text(identity.fingerprint), .text(identity.title), .text(identity.titleKey),
                            .text(identity.encodedSketch),
                        ])
                }
                var arguments: [SQLiteValue] = []
                for anchor in [nationalAnchor, provincialAnchor] {
                    arguments += [
                        .text(anchor.documentFingerprint), .text(anchor.documentTitle), .text(anchor.documentTitleKey),
                        .text(anchor.documentSource), .text(anchor.clauseID), .text(anchor.clauseHeading),
                        .text(anchor.snippet),
                    ]
                }
                arguments += [.text(action.rawValue), .text(note), .real(now.timeIntervalSince1970)]
                try db.execute(
                    """
                    INSERT INTO alignmentCorrection (nationalFingerprint, nationalTitle, nationalTitleKey,
                        nationalSource, nationalClauseID, nationalHeading, nationalSnippet, provincialFingerprint,
                        provincialTitle, provincialTitleKey, provincialSource, provincialClauseID, provincialHeading,
                        provincialSnippet, kind, note, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments)
                return db.lastInsertedRowID
            }
        }
        return StoredCorrection(
            id: id, national: nationalAnchor, provincial: provincialAnchor, action: action, note: note, createdAt: now)
    }

    /// Removes a correction. Throws `StoreError.noSuchCorrection` when there is none with this id.
    public func removeCorrection(id: Int64) throws {
        let writer = try requireWriter()
        let removed = try perform {
            try writer.write { db -> Int in
                try db.execute("DELETE FROM alignmentCorrection WHERE id = ?", [.integer(id)])
                return db.changes
            }
        }
        if removed == 0 { throw StoreError.noSuchCorrection(id) }
    }

    /// Every stored correction, oldest first (the committed state of the file, other processes' writes included).
    public func corrections() throws -> [StoredCorrection] {
        let reader = try requireReader()
        return try perform {
            try reader.read { db in
                try db.fetchAll("SELECT \(Self.correctionColumns) FROM alignmentCorrection ORDER BY id") { row in
                    StoredCorrection(row: row)
                }
            }
        }
    }

    /// The corrections of one national document, ready to apply to its implementations (`CorrectionSet`).
    public func correctionSet(national: PolicyDocument, identity: DocumentIdentity? = nil) throws -> CorrectionSet {
        let all = try corrections()
        guard !all.isEmpty else { return .empty }
        return CorrectionSet(all, national: national, nationalIdentity: identity, sketches: try documentSketches())
    }

    /// The corrections of a loaded pair, resolved (see `PairCorrections.resolve`).
    public func corrections(
        national: PolicyDocument, nationalIdentity: DocumentIdentity? = nil, provincial: PolicyDocument,
        provincialIdentity: DocumentIdentity? = nil
    ) throws -> PairCorrections {
        let all = try corrections()
        guard !all.isEmpty else { return .none }
        return PairCorrections.resolve(
            all, national: national, nationalIdentity: nationalIdentity, provincial: provincial,
            provincialIdentity: provincialIdentity, sketches: try documentSketches())
    }
}

extension StoredCorrection {
    /// An `alignmentCorrection` row read with `BookmarkStore.correctionColumns`, in that order. An unknown kind
    /// (written by a newer duizhao) reads as `related`, which carries nothing.
    init(row: SQLiteStatement) {
        func anchor(_ first: Int32) -> BookmarkAnchor {
            BookmarkAnchor(
                documentFingerprint: row.string(first), documentTitle: row.string(first + 1),
                documentSource: row.string(first + 2), clauseID: row.string(first + 3),
                clauseHeading: row.string(first + 4), snippet: row.string(first + 5))
        }
        self.init(
            id: row.int64(0), national: anchor(1), provincial: anchor(7),
            action: CorrectionAction(rawValue: row.string(13)) ?? .related, note: row.string(14),
            createdAt: Date(timeIntervalSince1970: row.double(15)))
    }
}
