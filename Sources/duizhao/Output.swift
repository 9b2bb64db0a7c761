import DuizhaoCore
import DuizhaoReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints human-readable text on standard output, every line through the reader's sanitiser
/// (`TerminalSafe`): document text never reaches a terminal or a pipe with its control characters raw.
/// JSON goes out as JSONEncoder escapes it, not through here.
func printText(_ text: String, terminator: String = "\n") {
    print(TerminalSafe.lines(text), terminator: terminator)
}

/// Prints JSON on standard output. The encoders escape C0 controls already; DEL and the C1 controls (U+0080–
/// U+009F, e.g. the CSI introducer U+009B) and the bidirectional controls (`\u202e`) are escaped here too
/// (`JSONOutput.escapingInvisibleControls`), which is valid JSON because they can only occur inside strings.
func printJSONText(_ json: String) {
    print(escapingRemainingControls(json))
}

/// A document in the commands' JSON (`compare`, `bookmarks`): its title, where it was loaded from and, for a
/// bookmark's document, its fingerprint.
struct DocumentJSON: Encodable {
    var title: String
    var fingerprint: String?
    var source: String
}

/// Prints `value` as JSON (`JSONOutput.text`) on standard output.
func printJSON(_ value: some Encodable) throws {
    printJSONText(try JSONOutput.text(value))
}

func escapingRemainingControls(_ json: String) -> String { JSONOutput.escapingInvisibleControls(json) }

/// Writes a line to standard output at once (not buffered), so a reader of the pipe sees it immediately.
func writeLine(_ line: String) {
    writeAll(STDOUT_FILENO, TerminalSafe.lines(line) + "\n")
}

/// Writes to standard error, every line through the reader's sanitiser (messages quote file names and ids).
func printError(_ message: String) {
    writeAll(STDERR_FILENO, TerminalSafe.lines(message) + "\n")
}

/// Writes `text` to the file descriptor at once, unbuffered (a reader of the pipe sees it immediately); a closed pipe
/// or a full disk ends the write quietly, as a failed diagnostic must not become another error.
func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}
