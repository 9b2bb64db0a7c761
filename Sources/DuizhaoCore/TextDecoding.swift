import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text encodings the importer recognises.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case gb18030 = "GB18030"
    case big5 = "Big5"
}

/// Detects the encoding of raw bytes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5) and decodes them.
public enum TextDecoder {
    /// Decodes `bytes`; `path` is used in error messages only.
    public static func decode(_ bytes: [UInt8], path: String) throws -> (text: String, encoding: TextEncoding) {
        try bytes.withUnsafeBufferPointer { try decode($0, path: path) }
    }

    /// Decodes bytes in place, without copying them first.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> (
        text: String, encoding: TextEncoding
    ) {
        let decoded = try decodeReportingRepairs(bytes, path: path)
        return (decoded.text, decoded.encoding)
    }

    /// Where a UTF-8 text held invalid bytes that were replaced by U+FFFD: how many, and the first one's line
    /// (1-based) and byte offset (0-based, in the file).
    public struct Repairs: Sendable, Equatable {
        public var count: Int
        public var line: Int
        public var offset: Int
        public var warning: ImportWarning { .replacedInvalidBytes(count: count, line: line, offset: offset) }
    }

    /// `decode`, and for UTF-8 with a few stray bytes (a damaged byte in a law of many kilobytes) the text with
    /// those bytes replaced by U+FFFD and where they were, instead of refusing the whole file. Text that is
    /// mostly invalid UTF-8 is still tried as GB18030/Big5 and refused as binary or undecodable.
    public static func decodeReportingRepairs(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> (
        text: String, encoding: TextEncoding, repairs: Repairs?
    ) {
        if bytes.isEmpty { throw ImportError(path: path, problem: .empty) }
        let bom = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if bom || unmarkedUTF16(bytes) != nil {
            let littleEndian = bom ? bytes[0] == 0xFF : unmarkedUTF16(bytes) == true
            let body = bom ? bytes.dropFirst(2) : bytes[...]
            guard body.count % 2 == 0 else {
                throw ImportError(path: path, problem: .truncatedUTF16)
            }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index < body.endIndex {
                let first = UInt16(body[index])
                let second = UInt16(body[index + 1])
                units.append(littleEndian ? first | second << 8 : first << 8 | second)
                index += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                throw ImportError(path: path, problem: .invalidUTF16)
            }
            return (text, littleEndian ? .utf16LittleEndian : .utf16BigEndian, nil)
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if looksBinary(content) {
            throw ImportError(path: path, problem: .binary)
        }
        if let text = String(validating: content, as: UTF8.self) {
            return (text, .utf8, nil)
        }
        let skipped = content.startIndex - bytes.startIndex
        if let repairs = fewInvalidUTF8Bytes(content, skipped: skipped) {
            return (String(decoding: content, as: UTF8.self), .utf8, repairs)
        }
        // Legacy double-byte text: GB18030 (mainland) or Big5 (traditional-character mirrors). Many byte strings are
        // valid in both; the reading made of common characters wins.
        let gb = iconvDecode(content, from: "GB18030")
        let big5 = iconvDecode(content, from: "BIG5-HKSCS")
        switch (gb, big5) {
        case (let gb?, let big5?):
            return commonCharacterScore(big5) > commonCharacterScore(gb) ? (big5, .big5, nil) : (gb, .gb18030, nil)
        case (let gb?, nil): return (gb, .gb18030, nil)
        case (nil, let big5?): return (big5, .big5, nil)
        case (nil, nil):
            throw ImportError(path: path, problem: .undecodable)
        }
    }

    /// For bytes that are UTF-8 but for a few invalid ones (at most one in a thousand, and at least 16 valid
    /// multi-byte characters for each: GB18030 or Big5 text is invalid almost everywhere), where they are.
    static func fewInvalidUTF8Bytes(_ content: Slice<UnsafeBufferPointer<UInt8>>, skipped: Int) -> Repairs? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = content.makeIterator()
        var offset = 0
        var invalid = 0
        var multiByte = 0
        var first: (line: Int, offset: Int)?
        var line = 1
        let allowed = max(1, content.count / 1000)
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 { multiByte += 1 } else if encoded.first == 0x0A { line += 1 }
                offset += encoded.count
            case .error(let length):
                if first == nil { first = (line, skipped + offset) }
                invalid += length
                if invalid > allowed { return nil }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        guard let first, multiByte >= 16 * invalid else { return nil }
        return Repairs(count: invalid, line: first.line, offset: first.offset)
    }

    /// Whether `bytes` look like UTF-16 without a byte order mark, and which order: an even count, many zero
    /// bytes (the high byte of every ASCII character: line breaks, digits, punctuation) nearly all at odd offsets
    /// (little-endian: `true`) or nearly all at even ones (big-endian: `false`), and no zero unit. Nil otherwise.
    static func unmarkedUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0 && bytes[index + 1] == 0 { return nil }
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
            index += 2
        }
        let units = bytes.count / 2
        // At least one unit in fifty is ASCII (a Chinese paragraph ends in a line break), on one side only.
        let enough = max(2, units / 50)
        // The other side has a zero byte only in a character U+xx00 (一 is U+4E00): far fewer.
        if oddZeros >= enough, evenZeros * 4 <= oddZeros { return true }
        if evenZeros >= enough, oddZeros * 4 <= evenZeros { return false }
        return nil
    }

    /// NUL bytes or a high share of control bytes mean binary data.
    static func looksBinary(_ bytes: some Collection<UInt8>) -> Bool {
        if let answer = bytes.withContiguousStorageIfAvailable(looksBinary(contiguous:)) { return answer }
        return Array(bytes).withUnsafeBufferPointer(looksBinary(contiguous:))
    }

    /// `looksBinary` over bytes in memory, eight at a time: a word with no byte below 0x20 (most of any text)
    /// is passed over without looking at its bytes one by one.
    private static func looksBinary(contiguous bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var controls = 0
        @inline(__always) func isBinary(_ byte: UInt8) -> Bool {
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B { controls += 1 }
            return byte == 0
        }
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Non-zero exactly when some byte of the word is below 0x20 ("hasless", exact for bounds ≤ 0x80).
                if (word &- ones &* 0x20) & ~word & (ones &* 0x80) != 0 {
                    for offset in index..<(index + 8) where isBinary(bytes[offset]) { return true }
                }
                index += 8
            }
        }
        for offset in index..<bytes.count where isBinary(bytes[offset]) { return true }
        return controls > max(8, bytes.count / 100)
    }

    /// Characters frequent in Chinese documents, simplified and traditional.
    private static let commonCharacters: Set<Unicode.Scalar> = Set(
        "的一是不了人在有和中大为為国國年月日第条條章法规規定本市省县縣区區政府会會民发發展工作管理部门門以及或者应应當当其可"
            .unicodeScalars)

    /// Share of common characters (×1000) in the text's first 20 000 scalars.
    static func commonCharacterScore(_ text: String) -> Int {
        var common = 0
        var total = 0
        for scalar in text.unicodeScalars.prefix(20_000) where scalar.value >= 0x80 {
            total += 1
            if commonCharacters.contains(scalar) { common += 1 }
        }
        return total == 0 ? 0 : common * 1000 / total
    }

    /// Decodes `bytes` from `encoding` (GB18030 is a superset of GBK and GB2312) with iconv; nil when they are not
    /// valid in it.
    static func iconvDecode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, from encoding: String) -> String? {
        guard let utf8 = iconvConvert(Array(bytes), from: encoding, to: "UTF-8") else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }

    /// `bytes` converted from one encoding to another with iconv (GB18030 is a superset of GBK and GB2312); nil
    /// when iconv does not know an encoding or the bytes are not valid in `source`.
    static func iconvConvert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let converter = iconv_open(target, source)
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output[..<produced])
    }
}
