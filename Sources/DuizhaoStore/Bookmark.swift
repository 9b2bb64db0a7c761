import DuizhaoCore
import Foundation

/// What a bookmark remembers to find its clause again, even in a reimport of the document from a differently
/// formatted file: the document (fingerprint, title, source) and the clause (id, heading, a normalised snippet).
public struct BookmarkAnchor: Sendable, Equatable, Hashable {
    /// `PolicyDocument.fingerprint` when the bookmark was made.
    public var documentFingerprint: String
    public var documentTitle: String
    /// Where the document came from (a path, or `bundled:national`).
    public var documentSource: String
    /// Division id, e.g. `2.4`.
    public var clauseID: String
    /// The clause heading as shown (label and title), e.g. `4.完善市场准入制度`.
    public var clauseHeading: String
    /// The first characters of the clause's normalised text (`Division.normalizedSnippet()`).
    public var snippet: String
    /// The sentence under the cursor, for a sentence bookmark; nil for a whole clause.
    public var sentence: String?

    public init(
        documentFingerprint: String, documentTitle: String, documentSource: String, clauseID: String,
        clauseHeading: String, snippet: String, sentence: String? = nil
    ) {
        self.documentFingerprint = documentFingerprint
        self.documentTitle = documentTitle
        self.documentSource = documentSource
        self.clauseID = clauseID
        self.clauseHeading = clauseHeading
        self.snippet = snippet
        self.sentence = sentence
    }

    /// The anchor of `division` in `document` (pass `fingerprint` when already computed; it is not cheap).
    public init(document: PolicyDocument, division: Division, sentence: String? = nil, fingerprint: String? = nil) {
        self.init(
            documentFingerprint: fingerprint ?? document.fingerprint, documentTitle: document.title,
            documentSource: document.source, clauseID: division.id, clauseHeading: division.heading,
            snippet: division.normalizedSnippet(), sentence: sentence)
    }

    /// The normalised document title: bookmarks with the same key belong to the same document even when its
    /// text (and so its fingerprint) changed a little.
    public var documentTitleKey: String { ComparableText.normalize(documentTitle) }
}

/// A stored bookmark.
public struct Bookmark: Sendable, Equatable, Hashable, Identifiable {
    /// Assigned by the store; never reused after a removal.
    public var id: Int64
    public var anchor: BookmarkAnchor
    public var note: String
    public var tags: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64, anchor: BookmarkAnchor, note: String, tags: [String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.anchor = anchor
        self.note = note
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Which bookmarks a listing returns.
public struct BookmarkFilter: Sendable, Equatable {
    /// Bookmarks made in a document with this fingerprint or this normalised title (either matches).
    public var documentFingerprint: String?
    public var documentTitleKey: String?
    /// Bookmarks carrying this tag.
    public var tag: String?

    public init(documentFingerprint: String? = nil, documentTitleKey: String? = nil, tag: String? = nil) {
        self.documentFingerprint = documentFingerprint
        self.documentTitleKey = documentTitleKey
        self.tag = tag
    }

    /// Every bookmark.
    public static let all = BookmarkFilter()

    /// The bookmarks of `document`: the same fingerprint, or the same normalised title.
    public static func document(_ document: PolicyDocument, fingerprint: String? = nil) -> BookmarkFilter {
        BookmarkFilter(
            documentFingerprint: fingerprint ?? document.fingerprint, documentTitleKey: document.normalizedTitle)
    }
}

/// Identifies an open document pair (or a document read alone) for its reading state; built from fingerprints
/// so that reopening the same documents from reformatted files finds the same state.
public struct DocumentPairKey: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(nationalFingerprint: String, provincialFingerprint: String?) {
        rawValue = nationalFingerprint + "+" + (provincialFingerprint ?? "-")
    }

    public init(national: PolicyDocument, provincial: PolicyDocument?) {
        self.init(nationalFingerprint: national.fingerprint, provincialFingerprint: provincial?.fingerprint)
    }

    public var description: String { rawValue }
}

/// Where the reader was in a document pair: the current clause, the document it belongs to and the focused
/// pane. Sides and panes are kept as the reader's raw values (`national`, `provincial`, `outline`).
public struct ReadingState: Sendable, Equatable {
    public var clauseID: String?
    public var documentSide: String
    public var focusedPane: String

    public init(clauseID: String?, documentSide: String, focusedPane: String) {
        self.clauseID = clauseID
        self.documentSide = documentSide
        self.focusedPane = focusedPane
    }
}
