import FoundationEssentials

/// One line of the source after cleaning.
struct SourceLine {
    /// Text without indentation, trailing spaces and web residue.
    var text: String
    /// Cells of whitespace the line started with (spaces, tabs, ideographic spaces, &nbsp;).
    var indentWidth: Int
    /// 1-based line number in the file (of the first physical line, for joined lines).
    var number: Int
    /// Whether a blank line precedes this line.
    var blankBefore: Bool
    /// Display width in cells.
    var width: Int
    /// Number of characters (unicode scalars) of indentation plus text.
    var printedLength: Int
    var heading: HeadingMatch?
    /// Whether the line was a markdown level-one header (`# title`).
    var isMarkdownTitle = false

    var indented: Bool { indentWidth > 0 }
    /// Width of the line as printed, indentation included (what a hard wrap limits).
    var printedWidth: Int { indentWidth + width }
}

/// Splits text into cleaned physical lines.
enum PhysicalLines {
    static func split(_ text: String) -> [SourceLine] {
        var text = text
        return text.withUTF8 { bytes in split(bytes) }
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        var pendingBlank = false
        var afterFooter = false
        var inTable = false
        var position = 0
        let count = bytes.count
        while position < count {
            number += 1
            var end = position
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let raw = UnsafeBufferPointer(rebasing: bytes[position..<end])
            position = end
            if position < count {
                if bytes[position] == 0x0D, position + 1 < count, bytes[position + 1] == 0x0A { position += 1 }
                position += 1
            }
            let (cleaned, indentWidth, indentLength) = clean(raw)
            if cleaned.isEmpty {
                if !afterFooter { pendingBlank = true }
                continue
            }
            if cleaned.utf8.starts(with: tableHeaderBytes) {
                inTable = true
            } else if cleaned.utf8.starts(with: attachmentBytes), LineClassifier.attachmentMarker(cleaned) != nil {
                inTable = false
            }
            // After a table header (序号), bare numbers are row numbers, not page numbers.
            if LineClassifier.isPageFooter(cleaned),
                !(inTable && cleaned.unicodeScalars.allSatisfy { Numerals.digitValue($0) != nil })
            {
                // A page break is not a paragraph break: forget the blank lines around it.
                pendingBlank = false
                afterFooter = true
                continue
            }
            afterFooter = false
            var width = 0
            var length = 0
            for scalar in cleaned.unicodeScalars {
                width += DisplayWidth.of(scalar)
                length += 1
            }
            lines.append(
                SourceLine(
                    text: cleaned, indentWidth: indentWidth, number: number, blankBefore: pendingBlank,
                    width: width, printedLength: indentLength + length, heading: LineClassifier.heading(cleaned),
                    isMarkdownTitle: raw.count > 2 && raw[0] == 0x23 && raw[1] == 0x20))
            pendingBlank = false
        }
        return lines
    }

    private static let tableHeaderBytes = Array("序号".utf8)
    private static let attachmentBytes = Array("附件".utf8)

    /// Length of a layout space (ASCII space or tab, NBSP, ideographic space, zero-width space, BOM) at `index`, or 0.
    @inline(__always)
    private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { return 1 }
        if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xA0 { return 2 }
        if index + 2 < end {
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if byte == 0xE3, second == 0x80, third == 0x80 { return 3 }  // U+3000
            if byte == 0xE2, second == 0x80, third >= 0x82 && third <= 0x8B { return 3 }  // U+2002…U+200B
            if byte == 0xEF, second == 0xBB, third == 0xBF { return 3 }  // U+FEFF
        }
        return 0
    }

    /// Removes web residue, indentation and trailing spaces from one raw line.
    static func clean(_ raw: UnsafeBufferPointer<UInt8>) -> (text: String, indentWidth: Int, indentLength: Int) {
        var needsWebCleaning = false
        for byte in raw
        where byte == 0x26 || byte == 0x3C || byte == 0x2A || byte == 0x5F || byte == 0x5B || byte == 0x23
            || byte == 0x3E
        {
            needsWebCleaning = true
            break
        }
        if needsWebCleaning { return cleanWebLine(String(decoding: raw, as: UTF8.self)) }
        var start = 0
        var indentWidth = 0
        var indentLength = 0
        let end = raw.count
        while start < end {
            let length = spaceLength(raw, at: start, end: end)
            if length == 0 { break }
            indentWidth +=
                raw[start] == 0x09 ? 4 : (raw[start] == 0xE3 ? 2 : (raw[start] == 0xE2 || raw[start] == 0xEF ? 0 : 1))
            start += length
            indentLength += 1
        }
        if start == end { return ("", 0, 0) }
        var stop = end
        while stop > start {
            let byte = raw[stop - 1]
            if byte == 0x20 || byte == 0x09 {
                stop -= 1
                continue
            }
            if stop - 2 >= start, raw[stop - 2] == 0xC2, byte == 0xA0 {
                stop -= 2
                continue
            }
            if stop - 3 >= start, spaceLength(raw, at: stop - 3, end: stop) == 3 {
                stop -= 3
                continue
            }
            break
        }
        return (
            String(decoding: UnsafeBufferPointer(rebasing: raw[start..<stop]), as: UTF8.self), indentWidth, indentLength
        )
    }

    /// The slow path of `clean` for lines with entities, tags or markdown.
    static func cleanWebLine(_ raw: String) -> (text: String, indentWidth: Int, indentLength: Int) {
        var text = raw
        for (entity, replacement) in [
            ("&nbsp;", " "), ("&#160;", " "), ("&#12288;", "\u{3000}"), ("&ensp;", " "), ("&emsp;", " "),
            ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&ldquo;", "“"), ("&rdquo;", "”"),
        ]
        where text.contains(entity) {
            text = text.replacing(entity, with: replacement)
        }
        text = stripTags(text)
        for marker in ["**", "__"] where text.contains(marker) {
            text = text.replacing(marker, with: "")
        }
        text = stripMarkdownLinks(text)
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.isLayoutSpace { scalars = scalars.dropFirst() }
        var markdownPrefix = scalars
        while let first = markdownPrefix.first, first == "#" || first == ">" {
            markdownPrefix = markdownPrefix.dropFirst()
        }
        if markdownPrefix.count < scalars.count, let first = markdownPrefix.first, first == " " {
            let leadingSpaces = text.unicodeScalars.count - scalars.count
            text = String(repeating: " ", count: leadingSpaces) + String(String.UnicodeScalarView(markdownPrefix))
        }
        let all = text.unicodeScalars
        guard let first = all.firstIndex(where: { !$0.isLayoutSpace }) else { return ("", 0, 0) }
        let last = all.lastIndex(where: { !$0.isLayoutSpace })!
        let indentWidth = all[..<first].reduce(0) { $0 + ($1 == "\t" ? 4 : DisplayWidth.of($1)) }
        return (String(all[first...last]), indentWidth, all.distance(from: all.startIndex, to: first))
    }

    /// Removes HTML tags such as `<p>`, `</span>`, `<br/>`.
    static func stripTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "<", let close = text[index...].firstIndex(of: ">") {
                let inner = text[text.index(after: index)..<close]
                if let first = inner.first, first.isASCII, first.isLetter || first == "/" || first == "!" {
                    index = text.index(after: close)
                    continue
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }

    /// `[text](url)` → `text`.
    static func stripMarkdownLinks(_ text: String) -> String {
        guard text.contains("](") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "[", let close = text[index...].firstIndex(of: "]"),
                text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
                let end = text[close...].firstIndex(of: ")")
            {
                result += text[text.index(after: index)..<close]
                index = text.index(after: end)
                continue
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}
