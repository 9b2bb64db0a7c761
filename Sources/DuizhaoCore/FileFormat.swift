/// What kind of file the importer was given, from its first bytes and, for web pages, its name.
enum FileFormat: Equatable {
    case text
    case html
    case pdf
    /// A ZIP archive: read as a Word `.docx` (other archives fail with that said).
    case docx
    /// An OLE2 compound file: an old binary `.doc`/`.xls`.
    case legacyOffice

    /// A binary container recognised by its signature (these skip the text path's binary check).
    static func container(_ bytes: [UInt8]) -> FileFormat? {
        if bytes.starts(with: Array("PK\u{03}\u{04}".utf8)) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        // `%PDF-` opens a PDF, possibly after a little junk (readers accept it within the first kilobyte).
        let signature = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        for start in window.indices where window[start] == 0x25 && window[start...].starts(with: signature) {
            return .pdf
        }
        return nil
    }

    static func of(_ bytes: [UInt8], path: String) -> FileFormat {
        if let container = container(bytes) { return container }
        return isHTML(bytes, path: path) ? .html : .text
    }

    /// A page by its name (`.html`, `.htm`, `.shtml`, `.xhtml`) holding markup, or by its content whatever the name:
    /// markup first (after a BOM and spaces) and an `<html`, `<body` or `<!doctype html` early on.
    static func isHTML(_ bytes: [UInt8], path: String) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        let name = path.lowercased()
        if [".html", ".htm", ".shtml", ".xhtml"].contains(where: { name.hasSuffix($0) }) {
            return ["<html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<!doctype"].contains {
                head.contains($0)
            }
        }
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        guard trimmed.first == "<" else { return false }
        return trimmed.hasPrefix("<!doctype html") || trimmed.contains("<html") || trimmed.contains("<body")
    }
}
