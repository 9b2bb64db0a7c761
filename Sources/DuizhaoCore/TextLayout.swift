/// Display width of text in terminal cells, by East Asian Width (wide and fullwidth characters take 2 cells).
public enum DisplayWidth {
    /// Cells taken by one scalar: 0 for combining marks and zero-width characters, 2 for wide, else 1.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }  // CJK Unified Ideographs, most of a Chinese text
        if value < 0x1100 {
            if value >= 0x0300 && value <= 0x036F { return 0 }
            return 1
        }
        if isWide(value) { return 2 }
        if (value >= 0x200B && value <= 0x200F) || (value >= 0xFE00 && value <= 0xFE0F) || value == 0xFEFF
            || (value >= 0x20D0 && value <= 0x20FF)
        {
            return 0
        }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    @inlinable
    public static func isWide(_ value: UInt32) -> Bool {
        if value >= 0x4E00 && value <= 0x9FFF { return true }  // CJK Unified Ideographs: the common case
        if value >= 0x3000 && value <= 0x303E { return true }
        if value >= 0xFF00 && value <= 0xFF60 { return true }
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
            0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
            0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cells taken by a string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }
}

/// Line breaking by display width with Chinese kinsoku rules: no line starts with closing punctuation,
/// none ends with opening punctuation; Latin words and numbers are not split when they fit on a line.
public enum LineBreaker {
    /// Characters that must not start a line.
    public static let noLineStart: Set<Unicode.Scalar> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〗", "”", "’", "…", "‥",
        "·", "・", "〉", "﹂", "﹄", "％", "‰", "～", "—", ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
    ]
    /// Characters that must not end a line.
    public static let noLineEnd: Set<Unicode.Scalar> = [
        "（", "《", "「", "『", "【", "〔", "〖", "“", "‘", "〈", "﹁", "﹃", "(", "[", "{",
    ]

    /// A wrapped line: the text and the range of the source's unicode scalars it shows.
    public struct Line: Sendable, Equatable {
        public var text: String
        /// Offset of the first scalar of this line in the wrapped text (in unicode scalars).
        public var start: Int
        public var width: Int
    }

    /// Wraps `text` into lines of at most `width` cells (a single character wider than `width` gets a line alone).
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrapLines(text, width: width).map(\.text)
    }

    /// Wraps `text`, keeping each line's scalar offset so callers can map styles onto lines.
    public static func wrapLines(_ text: String, width: Int) -> [Line] {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return [Line(text: "", start: 0, width: 0)] }
        let widths = scalars.map(DisplayWidth.of)
        let limit = max(2, width)
        var lines: [Line] = []
        var start = 0
        while start < scalars.count {
            var end = start
            var used = 0
            while end < scalars.count, used + widths[end] <= limit {
                used += widths[end]
                end += 1
            }
            if end == start { end = start + 1 }  // one character wider than the line
            if end < scalars.count {
                end = adjustBreak(scalars, start: start, end: end)
            }
            let piece = String(String.UnicodeScalarView(scalars[start..<end]))
            lines.append(Line(text: piece, start: start, width: widths[start..<end].reduce(0, +)))
            start = end
        }
        return lines
    }

    /// Moves a break at `end` backwards so that kinsoku holds and Latin words stay whole, when possible.
    static func adjustBreak(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var candidate = end
        // Pull characters back while the next line would start with closing punctuation, or this one
        // would end with opening punctuation.
        while candidate > start + 1,
            noLineStart.contains(scalars[candidate]) || noLineEnd.contains(scalars[candidate - 1])
        {
            candidate -= 1
        }
        if candidate == start + 1,
            noLineStart.contains(scalars[candidate]) || noLineEnd.contains(scalars[candidate - 1])
        {
            return end  // nothing better possible on so narrow a line
        }
        // Do not split an alphanumeric run (a Latin word or a number) if it can move to the next line.
        if isWordScalar(scalars[candidate - 1]), isWordScalar(scalars[candidate]) {
            var wordStart = candidate - 1
            while wordStart > start, isWordScalar(scalars[wordStart - 1]) { wordStart -= 1 }
            // An opening bracket before the word goes down with it: `（4G）` never breaks as `（4` / `G）`.
            while wordStart > start, noLineEnd.contains(scalars[wordStart - 1]) { wordStart -= 1 }
            if wordStart > start { candidate = wordStart }
        }
        return candidate
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}

/// Makes text safe to send to a terminal: control characters become visible (`^[`), never raw.
public enum TerminalSafeText {
    /// Replaces C0/C1 controls (except tab, which becomes a space) with caret notation or U+FFFD.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result.append(" ")
            } else if scalar.value < 0x20 {
                result.append("^")
                result.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            } else if scalar.value == 0x7F {
                result.append(contentsOf: "^?".unicodeScalars)
            } else if scalar.value >= 0x80 && scalar.value < 0xA0 {
                result.append("\u{FFFD}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they would reorder
    /// what a terminal or a browser shows.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// C0 and C1 control characters and DEL: the one check of what must never reach a terminal raw.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0)
    }
}
