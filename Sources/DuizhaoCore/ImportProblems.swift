/// A document that cannot be imported: names the file and the problem.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: Problem

    /// Why a file cannot be imported.
    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case noSuchFile
        case isDirectory
        /// A device, FIFO or socket (`/dev/null` is a character device), named by its kind.
        case notARegularFile(kind: String)
        case permissionDenied
        /// No bytes at all.
        case empty
        /// Only spaces and line breaks.
        case onlyWhitespace
        case binary
        case truncatedUTF16
        case invalidUTF16
        case undecodable
        /// Larger than the importer reads (`limit` in bytes).
        case tooLarge(limit: Int)
        /// The system refused the read (`reason` as the system words it).
        case readFailed(reason: String)
        /// A PDF whose pages are images (a scan): no text to read.
        case pdfWithoutText
        /// A PDF that `pdftotext` could not read (damaged or encrypted).
        case unreadablePDF
        /// A ZIP archive, or a damaged Word file (`detail` says which).
        case notWordDocument(detail: String)
        /// An old binary Word file (`.doc`), or another OLE2 office file.
        case legacyOfficeFile
        /// A web page or Word file in which no document text was found (`what` names the kind of file).
        case noTextFound(what: String)
        /// A format whose reader needs a library or program that is not installed (`what`, `package` to install).
        case readerMissing(what: String, package: String)

        public var description: String {
            switch self {
            case .noSuchFile: return "no such file"
            case .isDirectory: return "is a directory, not a text file"
            case .notARegularFile(let kind): return "is a \(kind), not a text file"
            case .permissionDenied: return "cannot be read (permission denied)"
            case .empty: return "the file is empty"
            case .onlyWhitespace: return "the file is empty (only whitespace)"
            case .binary: return "this looks like a binary file, not a text document"
            case .truncatedUTF16: return "truncated UTF-16 text (odd number of bytes)"
            case .invalidUTF16: return "invalid UTF-16 text"
            case .undecodable: return "the bytes are neither valid UTF-8 nor GB18030/GBK or Big5 text"
            case .tooLarge(let limit): return "the file is larger than \(limit / 1_000_000) MB; not a policy document"
            case .readFailed(let reason): return "cannot be read (\(reason))"
            case .pdfWithoutText:
                return "this PDF has no text layer (a scan: its pages are images); run OCR on it or find a text copy"
            case .unreadablePDF: return "this PDF cannot be read (damaged or encrypted)"
            case .notWordDocument(let detail): return detail
            case .legacyOfficeFile:
                return "an old binary Office file (.doc/.xls), which duizhao cannot read; save it as .docx or text"
            case .noTextFound(let what): return "no document text found in this \(what)"
            case .readerMissing(let what, let package):
                return "reading this format needs \(what), which is not installed (Debian package \(package))"
            }
        }
    }

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// Something the importer noticed and worked around; `description` says it for a person.
public indirect enum ImportWarning: Sendable, Equatable, CustomStringConvertible {
    case decoded(TextEncoding)
    /// UTF-8 text with a few invalid bytes, each replaced by U+FFFD; where the first one was.
    case replacedInvalidBytes(count: Int, line: Int, offset: Int)
    /// Lines before the document's first line (page title, navigation), dropped.
    case ignoredBeforeStart(count: Int, firstLine: Int, lastLine: Int)
    /// Page furniture between the document's first line and its body (share links, timestamps, navigation), dropped.
    case droppedPageFurniture(count: Int, firstLine: Int, lastLine: Int)
    /// Lines before a law's title, dropped.
    case ignoredBeforeTitle(count: Int, firstLine: Int, lastLine: Int)
    /// Everything from an end marker (`（责任编辑`, `相关链接`, a site footer) on, dropped.
    case ignoredFromEndMarker(count: Int, line: Int, marker: String)
    /// Headlines and links after the signature, dropped.
    case ignoredTrailing(count: Int)
    case joinedWrappedLines(count: Int)
    case noNumbering
    case noTitle(fallback: String)
    /// A numbered line that does not continue its numbering, kept as text.
    case outOfSequence(line: Int, label: String)
    /// Out-of-sequence lines beyond the first twenty.
    case moreOutOfSequence(count: Int)
    case releaseYearGuessed(year: String)
    case skippedTableOfContents(firstLine: Int, lastLine: Int)
    /// A chapter (or part, section) whose number does not follow the previous one; kept as a heading.
    case headingOutOfOrder(line: Int, label: String, previous: String)
    /// An article whose number skips some (`第十二条` after `第十条`); kept as an article.
    case articleNumbersSkipped(line: Int, label: String, previous: Int)
    /// An appended table kept as rows.
    case tableRows(attachment: String, count: Int, firstLine: Int, lastLine: Int)
    /// A warning about one attachment (`附件1`).
    case inAttachment(String, ImportWarning)

    public var description: String {
        switch self {
        case .decoded(let encoding): return "decoded as \(encoding.rawValue)"
        case .replacedInvalidBytes(let count, let line, let offset):
            return
                "replaced \(count) invalid UTF-8 byte(s) with U+FFFD (the first at source line \(line), byte offset \(offset))"
        case .ignoredBeforeStart(let count, let first, let last):
            return "ignored \(count) line(s) before the document starts (source lines \(first)–\(last))"
        case .droppedPageFurniture(let count, let first, let last):
            return
                "dropped \(count) line(s) of page furniture (share links, timestamps, navigation) between source lines \(first) and \(last)"
        case .ignoredBeforeTitle(let count, let first, let last):
            return "ignored \(count) line(s) before the title (source lines \(first)–\(last))"
        case .ignoredFromEndMarker(let count, let line, let marker):
            return "ignored \(count) line(s) from source line \(line) (\(marker)…) on"
        case .ignoredTrailing(let count):
            return "ignored \(count) trailing line(s) after the document ends (headlines, links)"
        case .joinedWrappedLines(let count): return "joined \(count) hard-wrapped lines into their paragraphs"
        case .noNumbering: return "no numbered sections or clauses were recognised; the text is kept as one division"
        case .noTitle(let fallback): return "no title line was recognised; using \"\(fallback)\""
        case .outOfSequence(let line, let label):
            return "source line \(line): \"\(label)\" is out of sequence; read as text"
        case .moreOutOfSequence(let count): return "… and \(count) more numbered lines out of sequence, read as text"
        case .releaseYearGuessed(let year):
            return "the release line gives no year; took \(year) from another date in the file"
        case .skippedTableOfContents(let first, let last):
            return "skipped the table of contents (source lines \(first)–\(last))"
        case .headingOutOfOrder(let line, let label, let previous):
            return "source line \(line): \(label) follows \(previous)"
        case .articleNumbersSkipped(let line, let label, let previous):
            return "source line \(line): \(label) follows article \(previous) (numbers skipped)"
        case .tableRows(let attachment, let count, let first, let last):
            return "\(attachment): kept \(count) table row(s) as rows (source lines \(first)–\(last))"
        case .inAttachment(let label, let warning): return "\(label): \(warning)"
        }
    }
}
