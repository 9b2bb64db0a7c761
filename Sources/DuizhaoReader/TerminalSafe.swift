import DuizhaoCore

/// What must not reach a terminal as it is, and the one sanitiser for text that goes to a terminal or a pipe:
/// the reader's cells (`ScreenWriter`) and every human-readable line the commands print.
public enum TerminalSafe {
    /// C0 and C1 control characters and DEL (shown in caret notation or as U+FFFD).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool { TerminalSafeText.isControl(scalar) }

    /// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they would
    /// reorder what the terminal shows.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// One line made safe: controls visible (`^[`, `^G`, U+FFFD for C1), tab as a space, bidirectional
    /// controls as U+FFFD. A line break inside becomes `^J`.
    public static func line(_ text: String) -> String {
        let visible = TerminalSafeText.sanitize(text)
        guard visible.unicodeScalars.contains(where: isBidiControl) else { return visible }
        return String(String.UnicodeScalarView(visible.unicodeScalars.map { isBidiControl($0) ? "\u{FFFD}" : $0 }))
    }

    /// Several lines made safe, the line breaks (`\n`) kept.
    public static func lines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" || isBidiControl($0) }) else {
            return text
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
            .joined(separator: "\n")
    }
}
