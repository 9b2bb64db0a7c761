import DuizhaoCore

/// Text reduced to what identifies it across differently formatted copies: full-width forms folded to
/// half-width, ASCII letters lowercased, whitespace, punctuation, symbols and leading numbering labels
/// (一、 （三） 4. （1） ① 第二条) removed. Two imports of the same document from files with another encoding,
/// other line wrapping or another numbering style give the same comparable text.
public enum ComparableText {
    /// Normalises one piece of text (a title, a paragraph, a line), first stripping a leading numbering label.
    public static func normalize(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        appendNormalized(text, to: &output)
        return String(output)
    }

    /// Appends the normalised form of `text` to `output`.
    static func appendNormalized(_ text: String, to output: inout String.UnicodeScalarView) {
        forEachNormalizedScalar(of: text) { output.append($0) }
    }

    /// The scalars of the normalised form of `text`, in order (hashed without building the string).
    static func forEachNormalizedScalar(of text: String, _ body: (Unicode.Scalar) -> Void) {
        let scalars = Array(text.unicodeScalars.lazy.map(halfWidth))
        var index = 0
        while index < scalars.count, isIgnorable(scalars[index]) { index += 1 }
        index += leadingLabelLength(scalars, from: index)
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if isIgnorable(scalar) { continue }
            if scalar.value >= 0x41, scalar.value <= 0x5A {
                body(Unicode.Scalar(scalar.value + 0x20)!)
            } else {
                body(scalar)
            }
        }
    }

    /// Full-width ASCII variants (！ to ～) and the ideographic space folded to their half-width forms.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        default: return scalar
        }
    }

    /// Whitespace, punctuation, symbols, control and format characters: formatting, not content.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        // The common cases without the Unicode tables (a binary search per scalar): ASCII, where everything but
        // letters and digits is punctuation, a symbol, a space or a control; and the CJK Unified Ideographs.
        let value = scalar.value
        if value < 0x80 {
            return !((0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value))
        }
        if (0x4E00...0x9FFF).contains(value) { return false }
        return isIgnorableByCategory(scalar)
    }

    /// `isIgnorable` from the Unicode general category alone.
    static func isIgnorableByCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        "一二三四五六七八九十百零〇两".unicodeScalars.contains(scalar)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// The length of a numbering label at `start` (already folded to half-width), or 0:
    /// `(一)` `(1)` `一、` `一.` `1.` `1、` `1。` `1)` (not `1.5`), `①`…`⑳`, `第一条` / `第一章` / `第一节`.
    static func leadingLabelLength(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count else { return 0 }
        let first = scalars[start]
        if (0x2460...0x2473).contains(first.value) { return 1 }
        func run(from index: Int, _ predicate: (Unicode.Scalar) -> Bool) -> Int {
            var end = index
            while end < scalars.count, predicate(scalars[end]) { end += 1 }
            return end - index
        }
        let isNumber: (Unicode.Scalar) -> Bool = { isChineseNumeral($0) || isASCIIDigit($0) }
        if first == "(" || first == "（" {
            let digits = run(from: start + 1, isNumber)
            let close = start + 1 + digits
            if digits > 0, digits <= 4, close < scalars.count, scalars[close] == ")" || scalars[close] == "）" {
                return digits + 2
            }
            return 0
        }
        if first == "第" {
            let digits = run(from: start + 1, isNumber)
            let unit = start + 1 + digits
            if digits > 0, unit < scalars.count, "条章节".unicodeScalars.contains(scalars[unit]) { return digits + 2 }
            return 0
        }
        let digits = run(from: start, isNumber)
        guard digits > 0, digits <= 4 else { return 0 }
        let separator = start + digits
        guard separator < scalars.count else { return 0 }
        switch scalars[separator] {
        case "、", "。", "．", ")", "）":
            return digits + 1
        case ".":
            // `1.5亿` is a number, not a label.
            if separator + 1 < scalars.count, isASCIIDigit(scalars[separator + 1]) { return 0 }
            return digits + 1
        default:
            return 0
        }
    }

    /// Similarity of two normalised texts in 0...1: the Dice coefficient of their character bigrams.
    public static func similarity(_ lhs: String, _ rhs: String) -> Double {
        let left = Array(lhs.unicodeScalars)
        let right = Array(rhs.unicodeScalars)
        if left.isEmpty || right.isEmpty { return left == right ? 1 : 0 }
        if left.count < 2 || right.count < 2 { return left == right ? 1 : 0 }
        var counts: [UInt64: Int] = [:]
        for index in 0..<(left.count - 1) {
            counts[UInt64(left[index].value) << 32 | UInt64(left[index + 1].value), default: 0] += 1
        }
        var shared = 0
        for index in 0..<(right.count - 1) {
            let key = UInt64(right[index].value) << 32 | UInt64(right[index + 1].value)
            if let count = counts[key], count > 0 {
                counts[key] = count - 1
                shared += 1
            }
        }
        return Double(2 * shared) / Double(left.count - 1 + right.count - 1)
    }
}

/// 64-bit FNV-1a, a small stable hash (not cryptographic) for fingerprints.
public struct FNV1a64: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash so far.
    public var value: UInt64 { state }

    public init() {}

    /// Combines `bytes` (inlinable: callers in other modules get a loop specialised to their sequence type).
    @inlinable
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    /// Combines the UTF-8 bytes of one scalar.
    public mutating func combine(scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { byte in
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hexDigest: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension Division {
    /// The normalised title (see `ComparableText`).
    public var normalizedTitle: String { ComparableText.normalize(title) }

    /// The normalised text of this division and its descendants: titles and paragraphs, no labels.
    public var normalizedText: String {
        var output = String.UnicodeScalarView()
        for division in flattened { division.appendNormalizedOwnText(to: &output) }
        return String(output)
    }

    /// Appends the normalised title and paragraphs of this division alone (not its children): its share of
    /// `normalizedText` and of the document's.
    fileprivate func appendNormalizedOwnText(to output: inout String.UnicodeScalarView) {
        forEachNormalizedOwnScalar { output.append($0) }
    }

    fileprivate func forEachNormalizedOwnScalar(_ body: (Unicode.Scalar) -> Void) {
        ComparableText.forEachNormalizedScalar(of: title, body)
        for paragraph in paragraphs { ComparableText.forEachNormalizedScalar(of: paragraph, body) }
    }

    /// The first `length` characters of `normalizedText`: what a bookmark keeps to find the clause again.
    public func normalizedSnippet(length: Int = 48) -> String {
        String(normalizedText.unicodeScalars.prefix(length))
    }
}

extension PolicyDocument {
    /// The normalised title (see `ComparableText`).
    public var normalizedTitle: String { ComparableText.normalize(title) }

    /// The normalised body: preamble, then every division's title and paragraphs in document order.
    /// Metadata that varies between captures of the same document (notice lines, issuers, date) is left out.
    public var normalizedText: String {
        var output = String.UnicodeScalarView()
        for line in preamble { ComparableText.appendNormalized(line, to: &output) }
        for division in allDivisions { division.appendNormalizedOwnText(to: &output) }
        return String(output)
    }

    /// Identifies the document independently of its file's formatting: FNV-1a 64 of the normalised title
    /// and normalised body, as 16 hex digits. The same for another encoding, wrapping or numbering style;
    /// different as soon as one character of content differs.
    public var fingerprint: String {
        var hash = FNV1a64()
        hash.combine(normalizedTitle.utf8)
        hash.combine([0x1F])
        // `normalizedText`'s bytes, hashed as they are made.
        for line in preamble { ComparableText.forEachNormalizedScalar(of: line) { hash.combine(scalar: $0) } }
        for division in allDivisions { division.forEachNormalizedOwnScalar { hash.combine(scalar: $0) } }
        return hash.hexDigest
    }
}

/// A small summary of a document's content for telling an edited version of a document from another document
/// with the same title (provincial implementations often share one): the `size` smallest FNV-1a hashes of the
/// overlapping 6-character shingles of its normalised text (a bottom-k MinHash sketch).
public struct ContentSketch: Sendable, Equatable, Hashable {
    public static let shingleLength = 6
    public static let defaultSize = 128
    /// The least similarity at which a document with the same title counts as a version of the same document.
    public static let sameDocumentThreshold = 0.65

    /// Sorted ascending, distinct.
    public let hashes: [UInt64]

    public init(hashes: [UInt64]) {
        self.hashes = Array(Set(hashes)).sorted()
    }

    public init(normalizedText: String, size: Int = ContentSketch.defaultSize) {
        let scalars = Array(normalizedText.unicodeScalars)
        var all = Set<UInt64>()
        if scalars.count <= Self.shingleLength {
            var hash = FNV1a64()
            hash.combine(String(String.UnicodeScalarView(scalars)).utf8)
            all.insert(hash.value)
        } else {
            for start in 0...(scalars.count - Self.shingleLength) {
                var hash = FNV1a64()
                for scalar in scalars[start..<(start + Self.shingleLength)] {
                    withUnsafeBytes(of: scalar.value.littleEndian) { hash.combine($0) }
                }
                all.insert(hash.value)
            }
        }
        hashes = Array(all.sorted().prefix(size))
    }

    /// Estimated Jaccard similarity of the two documents' shingle sets, 0…1.
    public func similarity(to other: ContentSketch) -> Double {
        let size = min(hashes.count, other.hashes.count)
        guard size > 0 else { return hashes.isEmpty && other.hashes.isEmpty ? 1 : 0 }
        let union = Array(Set(hashes).union(other.hashes).sorted().prefix(size))
        let mine = Set(hashes)
        let theirs = Set(other.hashes)
        let shared = union.filter { mine.contains($0) && theirs.contains($0) }.count
        return Double(shared) / Double(size)
    }

    /// Hex digests separated by commas, for storage.
    public var encoded: String {
        hashes.map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined(separator: ",")
    }

    public init?(encoded: String) {
        let values = encoded.split(separator: ",").map { UInt64($0, radix: 16) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        self.init(hashes: values.compactMap { $0 })
    }
}

extension PolicyDocument {
    /// The content sketch of the normalised body (see `ContentSketch`).
    public var contentSketch: ContentSketch { ContentSketch(normalizedText: normalizedText) }
}
