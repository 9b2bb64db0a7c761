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
        if bytes.isEmpty { throw ImportError(path: path, problem: .empty) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let body = bytes.dropFirst(2)
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
            return (text, littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if looksBinary(content) {
            throw ImportError(path: path, problem: .binary)
        }
        if let text = String(validating: content, as: UTF8.self) {
            return (text, .utf8)
        }
        // Legacy double-byte text: GB18030 (mainland) or Big5 (traditional-character mirrors). Many byte strings are
        // valid in both; the reading made of common characters wins.
        let gb = iconvDecode(content, from: "GB18030")
        let big5 = iconvDecode(content, from: "BIG5-HKSCS")
        switch (gb, big5) {
        case (let gb?, let big5?):
            return commonCharacterScore(big5) > commonCharacterScore(gb) ? (big5, .big5) : (gb, .gb18030)
        case (let gb?, nil): return (gb, .gb18030)
        case (nil, let big5?): return (big5, .big5)
        case (nil, nil):
            throw ImportError(path: path, problem: .undecodable)
        }
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
