import Foundation

#if canImport(CoreFoundation)
    import CoreFoundation
#endif

/// Text in GB18030, as a file saved on a Chinese Windows machine. Encoded with Foundation (ICU), independently of
/// the importer, which decodes with iconv.
public enum GB18030 {
    public static let encoding = String.Encoding(
        rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))

    /// `text`'s bytes in GB18030.
    public static func encode(_ text: String) throws -> Data {
        guard let data = text.data(using: encoding) else {
            throw TestSupportError("the text cannot be encoded in GB18030")
        }
        return data
    }

    /// Writes `text` to `url` in GB18030.
    public static func write(_ text: String, to url: URL) throws {
        try encode(text).write(to: url)
    }
}
