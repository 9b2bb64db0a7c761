import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Folding of text for matching only; what is shown stays as printed.
public enum TextFolding {
    /// Traditional characters folded to simplified ones (OpenCC's `t2s` conversion, phrases included:
    /// `國務院關於` → `国务院关于`); the text unchanged when OpenCC or its data is missing (see `canFoldTraditional`).
    public static func simplified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return text }
        return TraditionalConverter.shared.convert(text) ?? text
    }

    /// Whether OpenCC and its `t2s` data were found, so that `simplified` folds.
    public static var canFoldTraditional: Bool { TraditionalConverter.shared.isAvailable }
}

/// One OpenCC `t2s` converter for the process, opened on first use; OpenCC handles are not thread-safe, so
/// conversions are serialised. The library is loaded then too (`dlopen`), not linked: a start that draws a kept frame
/// never imports a document, and the loader's work for OpenCC and its C++ dependencies (about 0.25 ms) stays off
/// every start (issue 13). Without the library, or without its `t2s` data, nothing is folded.
private final class TraditionalConverter: Sendable {
    static let shared = TraditionalConverter()

    /// OpenCC's C API (`opencc.h`), resolved from the loaded library.
    private struct Library: @unchecked Sendable {
        typealias Open = @convention(c) (UnsafePointer<CChar>) -> UnsafeMutableRawPointer?
        typealias Convert =
            @convention(c) (UnsafeMutableRawPointer, UnsafePointer<CChar>, Int) -> UnsafeMutablePointer<
                CChar
            >?
        typealias Free = @convention(c) (UnsafeMutablePointer<CChar>) -> Void
        let convert: Convert
        let free: Free
        let handle: UnsafeMutableRawPointer

        /// Sonames in the order tried: the ABI this was written against, then the development symlink.
        static let names = ["libopencc.so.1.1", "libopencc.so.1", "libopencc.so", "libopencc.dylib"]

        init?() {
            guard let library = Self.names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first,
                let open = dlsym(library, "opencc_open"), let convert = dlsym(library, "opencc_convert_utf8"),
                let free = dlsym(library, "opencc_convert_utf8_free")
            else { return nil }
            let opened = unsafeBitCast(open, to: Open.self)("t2s.json")
            // `opencc_open` returns `(opencc_t) -1` when the configuration or its dictionaries are missing.
            guard let opened, opened != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
            self.handle = opened
            self.convert = unsafeBitCast(convert, to: Convert.self)
            self.free = unsafeBitCast(free, to: Free.self)
        }
    }

    private let library: Mutex<Library?>

    private init() { library = Mutex(Library()) }

    var isAvailable: Bool { library.withLock { $0 != nil } }

    func convert(_ text: String) -> String? {
        library.withLock { library -> String? in
            guard let library else { return nil }
            var text = text
            return text.withUTF8 { bytes -> String? in
                guard let base = bytes.baseAddress else { return "" }
                let result = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    library.convert(library.handle, $0, bytes.count)
                }
                guard let result else { return nil }
                defer { library.free(result) }
                return String(validatingCString: result)
            }
        }
    }
}
