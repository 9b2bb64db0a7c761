/// Splits Chinese text into sentences on 。！？； (and their half-width forms), never inside quotes or brackets.
public enum SentenceSplitter {
    static let terminators: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";"]
    static let openers: Set<Unicode.Scalar> = ["“", "‘", "「", "『", "《", "（", "(", "【", "〔", "［", "["]
    static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "》", "）", ")", "】", "〕", "］", "]"]
    /// Whether `scalar` opens a quotation or bracket (a switch: asked for every character of every heading).
    @inline(__always)
    static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "“", "‘", "「", "『", "《", "（", "(", "【", "〔", "［", "[": return true
        default: return false
        }
    }

    /// Whether `scalar` closes a quotation or bracket.
    @inline(__always)
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", "》", "）", ")", "】", "〕", "］", "]": return true
        default: return false
        }
    }

    /// Closing marks that stay with the sentence they end (。” ends the sentence after the quote).
    static let trailingClosers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "）", ")"]

    /// The sentences of `paragraph`, each with its final punctuation; whitespace-only pieces are dropped.
    public static func split(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        var scalars = paragraph.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func flush() {
            let sentence = String(current).trimmingWhitespace()
            if !sentence.isEmpty { sentences.append(sentence) }
            current = String.UnicodeScalarView()
        }
        var previousScalar: Unicode.Scalar?
        while let scalar = pending {
            pending = scalars.next()
            defer { previousScalar = scalar }
            current.append(scalar)
            // Ideographs, by far the most frequent, are none of the marks below: no set lookups for them.
            if (0x4E00...0x9FFF).contains(scalar.value) { continue }
            if openers.contains(scalar) {
                depth += 1
            } else if closers.contains(scalar) {
                depth = max(0, depth - 1)
                // 。” ends the sentence together with the quotation it closes.
                if depth == 0, trailingClosers.contains(scalar), let previous = previousScalar,
                    terminators.contains(previous)
                {
                    while let next = pending, trailingClosers.contains(next) || terminators.contains(next) {
                        current.append(next)
                        pending = scalars.next()
                    }
                    flush()
                }
            } else if scalar == "\"" {
                // Straight quotes toggle.
                depth = depth > 0 ? depth - 1 : depth + 1
            } else if depth == 0, terminators.contains(scalar) {
                while let next = pending, terminators.contains(next) || trailingClosers.contains(next) {
                    current.append(next)
                    pending = scalars.next()
                }
                flush()
            }
        }
        flush()
        return sentences
    }
}

extension String {
    /// Removes leading and trailing whitespace, including ideographic spaces and NBSP.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isLayoutSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isLayoutSpace })!
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// Whitespace used for layout: spaces, tabs, ideographic space, NBSP, newlines.
    var isLayoutSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF: return true
        default: return false
        }
    }
}
