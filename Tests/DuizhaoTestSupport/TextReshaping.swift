/// Reshapes a document's text the way copies of it differ, for tests that the same document is recognised (or
/// aligned) after the change.
public enum TextReshaping {
    /// Breaks every line longer than `width` characters into lines of `width`, as text copied from a PDF.
    public static func hardWrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var pieces: [String] = []
            var rest = Substring(line)
            while rest.count > width {
                pieces.append(String(rest.prefix(width)))
                rest = rest.dropFirst(width)
            }
            pieces.append(String(rest))
            return pieces.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
