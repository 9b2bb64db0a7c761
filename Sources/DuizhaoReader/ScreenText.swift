/// A `Screen` as text, for commands that print instead of running the full-screen reader (`compare --clause`):
/// the one converter from cells to a terminal or a pipe, with no ncurses.
extension Screen {
    /// Plain text: one line per row, continuation cells skipped, trailing blanks trimmed, each line ended by
    /// a newline. No escape sequences (for a pipe, a file, `NO_COLOR`).
    public var plainText: String {
        lines.map { Self.safe($0) + "\n" }.joined()
    }

    /// Text with ANSI SGR sequences for the cells' roles (`StyleRole.appearance`): one sequence where the
    /// look changes, a reset at the end of every line that set one. `colors` false: attributes only.
    /// Trailing blanks that would look like nothing are trimmed. Control characters never pass: cells are
    /// written through `ScreenWriter`, which sanitises, and any that were put directly become U+FFFD here.
    public func ansiText(colors: Bool, rich: Bool = false) -> String {
        var output = ""
        for row in rows {
            var end = row.count
            while end > 0, row[end - 1].text == " ",
                Self.isInvisibleWhenBlank(row[end - 1].role.appearance(colors: colors, rich: rich))
            {
                end -= 1
            }
            var current = Appearance()
            for cell in row[..<end] where !cell.isContinuation {
                let look = cell.role.appearance(colors: colors, rich: rich)
                if look != current {
                    output += look.selectGraphicRendition
                    current = look
                }
                output += Self.safe(cell.text)
            }
            if current != Appearance() { output += Appearance().selectGraphicRendition }
            output += "\n"
        }
        return output
    }

    static func isInvisibleWhenBlank(_ look: Appearance) -> Bool {
        look.background == nil && !look.reverse && !look.underline
    }

    /// The text with any control character replaced by U+FFFD.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TerminalSafe.isControl) else { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.map { TerminalSafe.isControl($0) ? "\u{FFFD}" : $0 }))
    }
}

extension Appearance {
    /// The SGR escape sequence that sets exactly this look (it starts with a reset, `0`).
    public var selectGraphicRendition: String {
        var codes = ["0"]
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if underline { codes.append("4") }
        if reverse { codes.append("7") }
        if let foreground { codes.append(foreground < 8 ? "\(30 + foreground)" : "38;5;\(foreground)") }
        if let background { codes.append(background < 8 ? "\(40 + background)" : "48;5;\(background)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
