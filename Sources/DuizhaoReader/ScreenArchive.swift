/// A `Screen` as bytes and back, for the frame cache (a pair's first screen drawn at once on the next start).
///
/// Layout (little-endian): the magic `DZSC`, a version byte, width and height (UInt16 each), the cursor (a flag
/// byte, then row and column as UInt16), the scrollable rows (a flag byte, then lower and upper bound as
/// UInt16), then every cell row by row: its role (a byte) and its text (a length byte and that many UTF-8
/// bytes). Decoding checks every length, role and character (no control characters: the frame goes to the
/// terminal as it is) and answers nil for anything else, so a damaged or foreign file is a miss.
extension Screen {
    static let archiveMagic: [UInt8] = Array("DZSC".utf8)
    static let archiveVersion: UInt8 = 1

    /// The screen as bytes (`init?(archive:)` reads them back).
    public var archived: [UInt8] {
        var bytes = Self.archiveMagic
        bytes.reserveCapacity(16 + width * height * 4)
        bytes.append(Self.archiveVersion)
        func append16(_ value: Int) {
            let clamped = UInt16(clamping: value)
            bytes.append(UInt8(clamped & 0xFF))
            bytes.append(UInt8(clamped >> 8))
        }
        append16(width)
        append16(height)
        bytes.append(cursor == nil ? 0 : 1)
        append16(cursor?.row ?? 0)
        append16(cursor?.column ?? 0)
        bytes.append(scrollableRows == nil ? 0 : 1)
        append16(scrollableRows?.lowerBound ?? 0)
        append16(scrollableRows?.upperBound ?? 0)
        for row in rows {
            for cell in row {
                bytes.append(cell.role.rawValue)
                let text = Array(cell.text.utf8.prefix(255))
                bytes.append(UInt8(text.count))
                bytes += text
            }
        }
        return bytes
    }

    /// Reads a screen written by `archived`; nil when the bytes are not exactly one well-formed screen.
    public init?(archive bytes: [UInt8]) {
        guard let screen = bytes.withUnsafeBufferPointer(Self.decode) else { return nil }
        self = screen
    }

    /// The decoding behind `init?(archive:)`, over the bytes in place (this runs before the first frame of every
    /// start with a kept frame: no slices, no copies).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Screen? {
        var reader = ArchiveReader(bytes: bytes)
        guard reader.matches(archiveMagic), reader.byte() == archiveVersion,
            let width = reader.uint16(), let height = reader.uint16(),
            let hasCursor = reader.byte(), let cursorRow = reader.uint16(), let cursorColumn = reader.uint16(),
            let hasScrollable = reader.byte(), let scrollLower = reader.uint16(), let scrollUpper = reader.uint16(),
            scrollLower <= scrollUpper
        else { return nil }
        var rows: [[Cell]] = []
        rows.reserveCapacity(height)
        for _ in 0..<height {
            var row: [Cell] = []
            row.reserveCapacity(width)
            for _ in 0..<width {
                guard let roleValue = reader.byte(), let role = StyleRole(rawValue: roleValue),
                    let length = reader.byte(), let text = reader.take(Int(length))
                else { return nil }
                if length == 1, text[0] >= 0x20, text[0] < 0x7F {
                    row.append(Cell(printableASCII[Int(text[0] - 0x20)], role))  // most cells: no decoding
                    continue
                }
                // Bytes that are not UTF-8 come back as U+FFFD (harmless on a terminal), as `archived` never writes them.
                let decoded = String(decoding: text, as: UTF8.self)
                // What the renderer writes never holds a control character; a file that does is not one of ours.
                // Every control and bidirectional control is below U+2070, so one whole three-byte character from
                // U+3000 up (CJK, the bulk of a frame) needs no look; anything else is looked at scalar by scalar.
                let isCJKCharacter = length == 3 && text[0] >= 0xE3 && text[1] & 0xC0 == 0x80 && text[2] & 0xC0 == 0x80
                if !isCJKCharacter, decoded.unicodeScalars.contains(where: isUnsafe) { return nil }
                row.append(Cell(decoded, role))
            }
            rows.append(row)
        }
        guard reader.isAtEnd else { return nil }
        var screen = Screen(width: width, height: height, rows: rows)
        screen.cursor = hasCursor == 0 ? nil : CursorPosition(row: cursorRow, column: cursorColumn)
        screen.scrollableRows = hasScrollable == 0 ? nil : scrollLower..<scrollUpper
        return screen
    }
}

extension Screen {
    /// The printable ASCII characters (0x20–0x7E) as strings, made once.
    fileprivate static let printableASCII = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    fileprivate static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        TerminalSafe.isControl(scalar) || TerminalSafe.isBidiControl(scalar)
    }
}

/// Reads bytes front to back; every read answers nil past the end.
private struct ArchiveReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func matches(_ expected: [UInt8]) -> Bool {
        take(expected.count).map { $0.elementsEqual(expected) } ?? false
    }

    mutating func byte() -> UInt8? { take(1)?.first }

    mutating func uint16() -> Int? {
        guard let pair = take(2) else { return nil }
        return Int(pair[0]) | Int(pair[1]) << 8
    }
}
