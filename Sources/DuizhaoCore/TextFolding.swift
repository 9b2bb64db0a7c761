import COpenCC
import Foundation

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
/// conversions are serialised.
private final class TraditionalConverter: @unchecked Sendable {
    static let shared = TraditionalConverter()
    private let lock = NSLock()
    private let handle: opencc_t?

    private init() {
        let opened = opencc_open("t2s.json")
        handle = opened == opencc_t(bitPattern: -1) ? nil : opened
    }

    var isAvailable: Bool { handle != nil }

    func convert(_ text: String) -> String? {
        guard let handle else { return nil }
        lock.lock()
        defer { lock.unlock() }
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let base = bytes.baseAddress else { return "" }
            let result = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                opencc_convert_utf8(handle, $0, bytes.count)
            }
            guard let result else { return nil }
            defer { opencc_convert_utf8_free(result) }
            return String(validatingCString: result)
        }
    }
}
