import FoundationEssentials

/// One field of a CSV file the program writes: made safe for a terminal, neutralised for a spreadsheet, quoted.
///
/// A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a
/// formula, quoted or not; titles and jurisdictions come from documents and file names, so such a cell is
/// prefixed with `'` (OWASP's rule for CSV injection), which a spreadsheet shows as text and does not print.
/// Then RFC 4180: a field holding `,`, `"` or a line break is quoted, its quotes doubled.
public enum CSVField {
    /// The characters that make a spreadsheet read a cell as a formula when they begin it.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `raw` as one CSV field (control characters made visible, a formula neutralised, quoted when needed).
    public static func encode(_ raw: String) -> String {
        var text = TerminalSafeText.sanitize(raw)
        if let first = text.first, formulaStarts.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// One CSV line (without its line end) of `fields`.
    public static func line(_ fields: [String]) -> String { fields.map(encode).joined(separator: ",") }
}
