import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns policy documents into `PolicyDocument`s: plain texts (web copies, PDF copies, clean texts), and saved web
/// pages, Word files and PDFs, each reduced to the text a clean copy would have (`FileFormat`, `HTMLPage`,
/// `WordDocument`, `PDFText`).
///
/// Pipeline: decode → physical lines (web residue and indentation removed, page footers dropped) →
/// logical lines (hard-wrapped PDF lines joined) → the main numbering chain (where the body starts) →
/// front matter (title, notice, metadata, preamble; noise before it dropped) → body tree (end markers
/// and trailing headlines dropped).
public enum PolicyImporter {
    /// The most the importer reads from one file (a policy document is a few hundred kilobytes).
    public static let sizeLimit = 256 * 1_000_000

    /// Reads, decodes and imports a file; throws `ImportError` naming the file and the problem. Regular files,
    /// character devices (`/dev/null` is empty) and pipes already open (`<(…)`, `/dev/stdin`) are read; named
    /// FIFOs (which would wait for a writer forever), directories, sockets and block devices are refused before
    /// they are opened.
    public static func importFile(at path: String) throws -> PolicyDocument {
        // The file's bytes and decoded text live only until the lines are split, to keep peak memory low.
        let (lines, encoding, page, repairs) = try decodedLines(path: path)
        var parser = DocumentParser(lines: lines, source: path)
        var document = parser.parse()
        if let repairs { document.warnings.insert(repairs.warning, at: 0) }
        if encoding == .gb18030 || encoding == .big5 { document.warnings.insert(.decoded(encoding), at: 0) }
        if let page { page.apply(to: &document) }
        return document
    }

    private static func decodedLines(path: String) throws -> (
        [SourceLine], TextEncoding, HTMLPage?, TextDecoder.Repairs?
    ) {
        let bytes = try readBytes(path: path)
        let text: String
        var encoding = TextEncoding.utf8
        var page: HTMLPage?
        var repairs: TextDecoder.Repairs?
        let format = FileFormat.of(bytes, path: path)
        switch format {
        case .pdf:
            do { text = try PDFText.text(path: path, bytes: bytes) } catch {
                switch error {
                case .toolMissing:
                    throw ImportError(path: path, problem: .readerMissing(what: "pdftotext", package: "poppler-utils"))
                case .unreadable: throw ImportError(path: path, problem: .unreadablePDF)
                case .noTextLayer: throw ImportError(path: path, problem: .pdfWithoutText)
                }
            }
        case .docx:
            do { text = try WordDocument.text(of: bytes) } catch {
                let detail: String
                switch error {
                case .libraryMissing:
                    throw ImportError(path: path, problem: .readerMissing(what: "libzip", package: "libzip-dev"))
                case .xmlMissing:
                    throw ImportError(path: path, problem: .readerMissing(what: "libxml2", package: "libxml2-dev"))
                case .notZip: detail = "a damaged ZIP archive (not a readable Word .docx file)"
                case .notWord: detail = "a ZIP archive without word/document.xml: not a Word .docx file"
                case .tooLarge:
                    detail = "a Word file whose text expands beyond \(WordDocument.memberLimit / 1_000_000) MB"
                case .damaged: detail = "a damaged or encrypted Word .docx file"
                }
                throw ImportError(path: path, problem: .notWordDocument(detail: detail))
            }
        case .legacyOffice:
            throw ImportError(path: path, problem: .legacyOfficeFile)
        case .html:
            let decoded = try bytes.withUnsafeBufferPointer { try TextDecoder.decodeReportingRepairs($0, path: path) }
            encoding = decoded.encoding
            repairs = decoded.repairs
            guard let extracted = HTMLPage.extract(decoded.text) else {
                throw ImportError(path: path, problem: .readerMissing(what: "libxml2", package: "libxml2-dev"))
            }
            text = extracted.text
            page = extracted
        case .text:
            (text, encoding, repairs) = try bytes.withUnsafeBufferPointer {
                try TextDecoder.decodeReportingRepairs($0, path: path)
            }
        }
        if text.unicodeScalars.allSatisfy(\.isLayoutSpace) {
            switch format {
            case .html: throw ImportError(path: path, problem: .noTextFound(what: "web page"))
            case .docx: throw ImportError(path: path, problem: .noTextFound(what: "Word file"))
            default: throw ImportError(path: path, problem: .onlyWhitespace)
            }
        }
        return (PhysicalLines.split(text), encoding, page, repairs)
    }

    /// The bytes of a regular file, pipe or character device, up to `sizeLimit`.
    static func readBytes(path: String) throws -> [UInt8] {
        func failure(_ code: Int32) -> ImportError {
            switch code {
            case ENOENT, ENOTDIR: return ImportError(path: path, problem: .noSuchFile)
            case EACCES, EPERM: return ImportError(path: path, problem: .permissionDenied)
            case EISDIR: return ImportError(path: path, problem: .isDirectory)
            default: return ImportError(path: path, problem: .readFailed(reason: String(cString: strerror(code))))
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw ImportError(path: path, problem: .isDirectory)
        case S_IFSOCK: throw ImportError(path: path, problem: .notARegularFile(kind: "socket"))
        case S_IFBLK: throw ImportError(path: path, problem: .notARegularFile(kind: "block device"))
        case S_IFIFO where isNamedFIFO(path):
            throw ImportError(path: path, problem: .notARegularFile(kind: "FIFO (named pipe)"))
        case S_IFREG where Int(info.st_size) > sizeLimit:
            throw ImportError(path: path, problem: .tooLarge(limit: sizeLimit))
        default: break  // regular files, pipes (`<(…)`) and character devices (`/dev/stdin`, `/dev/null`)
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(info.st_size)) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            // An endless device (`/dev/zero`, `/dev/urandom`) shows itself early.
            if bytes.count > sizeLimit { throw ImportError(path: path, problem: .tooLarge(limit: sizeLimit)) }
            if bytes.count == count, !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
                FileFormat.container(bytes) == nil, bytes.withUnsafeBufferPointer(TextDecoder.unmarkedUTF16) == nil,
                TextDecoder.looksBinary(bytes[...])
            {
                throw ImportError(path: path, problem: .binary)
            }
        }
        return bytes
    }

    /// Whether `path` names a FIFO in a file system (`mkfifo`), which an open would wait on until something writes,
    /// rather than a pipe this process already holds open: standard input and process substitution reach theirs
    /// through `/dev/stdin`, `/dev/fd/N` or `/proc/self/fd/N`, whose links do not resolve to a path of a FIFO.
    static func isNamedFIFO(_ path: String) -> Bool {
        for descriptorPath in ["/dev/stdin", "/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(descriptorPath) {
            return false
        }
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        var info = stat()
        return lstat(resolved, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
    }

    /// Imports already-decoded text.
    public static func importText(_ text: String, source: String) -> PolicyDocument {
        var parser = DocumentParser(lines: PhysicalLines.split(text), source: source)
        return parser.parse()
    }

    /// Imports a saved web page's decoded source: the document found in the page, as `importFile` reads an `.html`
    /// file; nil when libxml2 cannot be loaded.
    public static func importHTML(_ source: String, source name: String) -> PolicyDocument? {
        guard let page = HTMLPage.extract(source) else { return nil }
        var document = importText(page.text, source: name)
        page.apply(to: &document)
        return document
    }

    /// Imports a Word file's bytes as `importFile` reads a `.docx`; nil when they are not a readable one.
    public static func importWord(_ bytes: [UInt8], source: String) -> PolicyDocument? {
        guard let text = try? WordDocument.text(of: bytes) else { return nil }
        return importText(text, source: source)
    }
}
