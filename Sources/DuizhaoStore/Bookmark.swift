import DuizhaoCore
import FoundationEssentials
import Synchronization

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

    /// The anchor of `division` in `document` (pass the document's `identity` when already computed: computing
    /// it reads the whole text).
    public init(
        document: PolicyDocument, division: Division, sentence: String? = nil, identity: DocumentIdentity? = nil
    ) {
        self.init(
            documentFingerprint: identity?.fingerprint ?? document.fingerprint, documentTitle: document.title,
            documentSource: DocumentIdentity.storedSource(document.source), clauseID: division.id,
            clauseHeading: division.heading,
            snippet: division.normalizedSnippet(), sentence: sentence)
    }

    /// The normalised document title: with a similar content sketch, a document with the same key is another
    /// version of the same document.
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
}

/// What identifies a loaded document for its bookmarks: its fingerprint, its title and a sketch of its content.
/// Compute it once per loaded document and pass it to the store's calls (the fingerprint reads the whole text).
/// The sketch, which costs more, is computed when first needed (telling a version of the document from a
/// namesake, or adding a bookmark), not when the reader opens.
public struct DocumentIdentity: Sendable, Equatable, Hashable {
    public let fingerprint: String
    public let title: String
    public let titleKey: String
    /// Where the document was loaded from (a path, or `bundled:national`).
    public let source: String
    private let lazySketch: LazySketch

    public var sketch: ContentSketch { lazySketch.value.sketch }
    /// `sketch.encoded`, kept so that adding a bookmark does not encode it again.
    var encodedSketch: String { lazySketch.value.encoded }

    public init(fingerprint: String, title: String, source: String, sketch: ContentSketch) {
        self.fingerprint = fingerprint
        self.title = title
        titleKey = ComparableText.normalize(title)
        self.source = source
        lazySketch = LazySketch { sketch }
    }

    public init(_ document: PolicyDocument) {
        fingerprint = document.fingerprint
        title = document.title
        titleKey = ComparableText.normalize(document.title)
        source = Self.storedSource(document.source)
        lazySketch = LazySketch { document.contentSketch }
    }

    /// A document's source as the store keeps it: a file path absolute and standardised (as `bookmarks add --doc`
    /// gives it), so that `bookmarks list` and `export` find the file from any directory, whichever command or
    /// the reader made the bookmark; `bundled:…` as it is.
    public static func storedSource(_ source: String) -> String {
        guard !source.isEmpty, !source.hasPrefix("bundled:") else { return source }
        return URL(fileURLWithPath: source).standardizedFileURL.path
    }

    /// The sketch is a function of the normalised content, as the fingerprint is: it takes no part here.
    public static func == (lhs: DocumentIdentity, rhs: DocumentIdentity) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.title == rhs.title && lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
        hasher.combine(title)
        hasher.combine(source)
    }

    /// Whether a bookmarked document (its fingerprint, title key, source and, when known, content sketch) is this
    /// document or a version of it: the same fingerprint; or the same title and either the same source (the
    /// file was edited) or similar content (the sketch). Without a sketch the title decides.
    public func isSameDocument(
        fingerprint other: String, titleKey otherTitleKey: String, source otherSource: String,
        sketch otherSketch: ContentSketch?
    ) -> Bool {
        if other == fingerprint { return true }
        guard !titleKey.isEmpty, otherTitleKey == titleKey else { return false }
        guard let otherSketch, otherSource != source else { return true }
        return sketch.similarity(to: otherSketch) >= ContentSketch.sameDocumentThreshold
    }
}

/// Which bookmarks a listing returns.
public struct BookmarkFilter: Sendable, Equatable {
    /// The bookmarks of this document or of other versions of it (see `DocumentIdentity.isSameDocument`).
    public var document: DocumentIdentity?
    /// Bookmarks carrying this tag.
    public var tag: String?

    public init(document: DocumentIdentity? = nil, tag: String? = nil) {
        self.document = document
        self.tag = tag
    }

    /// Every bookmark.
    public static let all = BookmarkFilter()

    /// The bookmarks of a document.
    public static func document(_ identity: DocumentIdentity) -> BookmarkFilter { BookmarkFilter(document: identity) }
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

    public init(national: DocumentIdentity, provincial: DocumentIdentity?) {
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

/// A content sketch computed on first use, once, from any thread.
private final class LazySketch: Sendable {
    private let computed = Mutex<(sketch: ContentSketch, encoded: String)?>(nil)
    private let make: @Sendable () -> ContentSketch

    init(_ make: @escaping @Sendable () -> ContentSketch) {
        self.make = make
    }

    var value: (sketch: ContentSketch, encoded: String) {
        computed.withLock { computed in
            if let computed { return computed }
            let sketch = make()
            let value = (sketch: sketch, encoded: sketch.encoded)
            computed = value
            return value
        }
    }
}

extension DocumentPairKey {
    /// The key as stored (`rawValue`).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}
