#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers and paths as text without Foundation's formatters and `NSString`: the reader links
/// `FoundationEssentials` only, which keeps CoreFoundation's start-up cost out of every start (issue 13).
public enum TextFormatting {
    /// `value` with `digits` decimals, right-aligned in `width` columns, rounded as C's `printf("%*.*f")` rounds
    /// (what `String(format:)` printed): `fixed(0.1234, digits: 3)` → `0.123`, `fixed(7, digits: 0, width: 3)` → `  7`.
    public static func fixed(_ value: Double, digits: Int, width: Int = 0) -> String {
        var buffer = [CChar](repeating: 0, count: 64 + max(0, width))
        let written = withVaList([Int32(width), Int32(digits), value]) { arguments in
            vsnprintf(&buffer, buffer.count, "%*.*f", arguments)
        }
        guard written >= 0, Int(written) < buffer.count else { return value.description }
        return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A share as a whole percentage: `percent(0.456)` → `46%`.
    public static func percent(_ share: Double) -> String { fixed(share * 100, digits: 0) + "%" }

    /// The last component of a path, trailing slashes ignored: `a/b/c.md` → `c.md`, `/` → `/`.
    public static func lastPathComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// A file name without its extension: `c.md` → `c`, `a.b.md` → `a.b`; a leading dot starts no extension.
    public static func deletingPathExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, !name[dot...].contains("/") else {
            return name
        }
        return String(name[..<dot])
    }

    /// `component` inside the directory `directory`: `a` + `b.md` → `a/b.md`, `a/` + `b.md` → `a/b.md`.
    public static func appendingPathComponent(_ directory: String, _ component: String) -> String {
        directory.isEmpty ? component : directory.hasSuffix("/") ? directory + component : directory + "/" + component
    }
}
