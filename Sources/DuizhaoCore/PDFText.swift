#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text layer of a PDF, by Poppler's `pdftotext -layout` (Debian `poppler-utils`) run as a subprocess: the
/// layout mode keeps each printed line one line and its indentation (so the text path's hard-wrap joining, centred
/// headings and page footers apply as they do to a pasted PDF copy), and running a program costs the reader
/// nothing until a PDF is opened (linking poppler-glib would load GLib, cairo and their kin at every start).
enum PDFText {
    enum Failure: Error {
        case toolMissing
        case unreadable
        case noTextLayer
    }

    /// The program, overridable for tests (`DUIZHAO_PDFTOTEXT`).
    static var program: String { ProcessEnvironment.current["DUIZHAO_PDFTOTEXT"] ?? "pdftotext" }

    /// The text of the PDF at `path` (its `bytes` already read: a pipe is copied to a temporary file first), pages
    /// separated by a line break.
    static func text(path: String, bytes: [UInt8]) throws(Failure) -> String {
        var info = stat()
        var input = path
        var temporary: String?
        if stat(path, &info) != 0 || info.st_mode & S_IFMT != S_IFREG {
            guard let written = writeTemporary(bytes) else { throw .unreadable }
            input = written
            temporary = written
        }
        defer { if let temporary { unlink(temporary) } }
        guard let (output, status) = run([program, "-layout", "-enc", "UTF-8", "-q", input, "-"]) else {
            throw .toolMissing
        }
        guard status == 0 else { throw .unreadable }
        let text = String(decoding: output, as: UTF8.self)
        // `pdftotext` ends each page with a form feed.
        guard text.unicodeScalars.contains(where: { !$0.isLayoutSpace && !$0.properties.isWhitespace }) else {
            throw .noTextLayer
        }
        return text.replacing("\u{0C}", with: "\n")
    }

    private static func writeTemporary(_ bytes: [UInt8]) -> String? {
        let directory = ProcessEnvironment.current["TMPDIR"] ?? "/tmp"
        var template = Array((directory + "/duizhao-pdf-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                unlink(path)
                return nil
            }
            written += count
        }
        return path
    }

    /// Runs a program (found on `PATH`) with its standard output captured and its error output discarded; nil when
    /// it cannot be started.
    static func run(_ arguments: [String]) -> (output: [UInt8], status: Int32)? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var child = pid_t()
        let started = posix_spawnp(&child, arguments[0], &actions, nil, cArguments, environ)
        close(pipeEnds[1])
        guard started == 0 else {
            close(pipeEnds[0])
            return nil
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            output.append(contentsOf: chunk[..<count])
            if output.count > PolicyImporter.sizeLimit { break }
        }
        close(pipeEnds[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0, errno == EINTR {}
        // Exited normally: its code; killed: a code of its own.
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (output, exitCode)
    }
}
