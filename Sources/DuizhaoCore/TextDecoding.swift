import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document that cannot be imported: names the file and the problem.
public struct ImportError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// The text encodings the importer recognises.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case gb18030 = "GB18030"
}

/// Detects the encoding of raw bytes (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK) and decodes them.
public enum TextDecoder {
    /// Decodes `bytes`; `path` is used in error messages only.
    public static func decode(_ bytes: [UInt8], path: String) throws -> (text: String, encoding: TextEncoding) {
        try bytes.withUnsafeBufferPointer { try decode($0, path: path) }
    }

    /// Decodes bytes in place, without copying them first.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> (text: String, encoding: TextEncoding) {
        if bytes.isEmpty { throw ImportError(path: path, problem: "the file is empty") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else {
                throw ImportError(path: path, problem: "truncated UTF-16 text (odd number of bytes)")
            }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index < body.endIndex {
                let first = UInt16(body[index]), second = UInt16(body[index + 1])
                units.append(littleEndian ? first | second << 8 : first << 8 | second)
                index += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                throw ImportError(path: path, problem: "invalid UTF-16 text")
            }
            return (text, littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if looksBinary(content) {
            throw ImportError(path: path, problem: "this looks like a binary file, not a text document")
        }
        if let text = String(validating: content, as: UTF8.self) {
            return (text, .utf8)
        }
        if let text = decodeGB18030(content) {
            return (text, .gb18030)
        }
        throw ImportError(path: path, problem: "the bytes are neither valid UTF-8 nor GB18030/GBK text")
    }

    /// NUL bytes or a high share of control bytes mean binary data.
    static func looksBinary(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var controls = 0
        for byte in bytes {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B { controls += 1 }
        }
        return controls > max(8, bytes.count / 100)
    }

    /// Decodes GB18030 (a superset of GBK and GB2312) with iconv; nil when the bytes are not valid GB18030.
    static func decodeGB18030(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var input = Array(bytes)
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
        return String(validating: output[..<produced], as: UTF8.self)
    }
}
