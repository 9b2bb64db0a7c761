import DuizhaoCompare
import DuizhaoCore
import XCTest

@testable import DuizhaoReader

/// `Screen.archived` / `Screen(archive:)`: a screen comes back exactly, and anything but one whole, well-formed
/// screen is refused.
final class ScreenArchiveTests: XCTestCase {
    /// A small screen with what cells can hold: wide characters, a combining mark, styles, the cursor and the
    /// scrolling rows.
    private func sample() -> Screen {
        var screen = Screen(width: 10, height: 3)
        var writer = ScreenWriter(screen: screen)
        writer.write("目录 a", row: 0, column: 0, limit: 10, role: .paneTitle)
        writer.write("e\u{301}中", row: 1, column: 2, limit: 10, role: .inserted)
        screen = writer.screen
        screen.cursor = CursorPosition(row: 2, column: 4)
        screen.scrollableRows = 1..<3
        return screen
    }

    func testAScreenComesBackExactly() throws {
        let screen = sample()
        XCTAssertEqual(Screen(archive: screen.archived), screen)
        var noCursor = screen
        noCursor.cursor = nil
        noCursor.scrollableRows = nil
        XCTAssertEqual(Screen(archive: noCursor.archived), noCursor)
    }

    func testTheReadersFirstFrameComesBackExactly() throws {
        let national = BundledDocument.national.load()
        let provincial = BundledDocument.provincial.load()
        var model = ReaderModel(national: national, provincial: provincial, width: 80, height: 24)
        _ = model.update(.comparisonFinished(Comparator.compare(national: national, provincial: provincial)))
        let frame = model.render()
        let decoded = try XCTUnwrap(Screen(archive: frame.archived))
        XCTAssertEqual(decoded, frame)
        XCTAssertEqual(decoded.lines, frame.lines)
    }

    func testAnythingButOneWholeScreenIsRefused() {
        let bytes = sample().archived
        for length in 0..<bytes.count {
            XCTAssertNil(Screen(archive: Array(bytes.prefix(length))), "cut to \(length) bytes")
        }
        XCTAssertNil(Screen(archive: bytes + [0]), "a byte too many")
        var otherVersion = bytes
        otherVersion[4] = Screen.archiveVersion + 1
        XCTAssertNil(Screen(archive: otherVersion), "another format version")
        var badRole = bytes
        badRole[Self.firstCellOffset] = UInt8(StyleRole.allCases.count)
        XCTAssertNil(Screen(archive: badRole), "a style role that does not exist")
        XCTAssertNil(Screen(archive: Array("not a screen".utf8)))
        // A cell holding ESC (a frame file written by someone else): never drawn.
        var escape = Screen(width: 2, height: 1).archived
        escape[Self.firstCellOffset + 2] = 0x1B
        XCTAssertNotNil(Screen(archive: Screen(width: 2, height: 1).archived))
        XCTAssertNil(Screen(archive: escape), "a control character in a cell")
    }

    func testEveryTerminalControlIsRefusedWhateverItsEncodedLength() {
        /// A one-cell screen whose cell holds `text`, written byte by byte as a foreign file would be.
        func oneCell(_ text: String) -> [UInt8] { oneCell(bytes: Array(text.utf8)) }
        func oneCell(bytes text: [UInt8]) -> [UInt8] {
            Array(Screen(width: 1, height: 1).archived.prefix(Self.firstCellOffset + 1)) + [UInt8(text.count)] + text
        }
        // C0 and DEL (one byte), C1 such as the CSI introducer (two), bidirectional controls (three, below U+3000).
        for control in ["\u{1B}", "\u{7F}", "\u{9B}", "\u{202E}", "\u{2066}", "a\u{1B}"] {
            XCTAssertNil(Screen(archive: oneCell(control)), "\(control.unicodeScalars.map(\.value))")
        }
        for text in ["中", "\u{3000}", "é", "\u{2014}", "\u{20000}", "e\u{301}"] {
            XCTAssertEqual(Screen(archive: oneCell(text))?.rows[0][0].text, text, text)
        }
        // A broken sequence whose lead byte looks like CJK must not smuggle a control byte through.
        XCTAssertNil(Screen(archive: oneCell(bytes: [0xE4, 0x1B, 0x5B])), "ESC after a CJK lead byte")
        XCTAssertNil(Screen(archive: oneCell(bytes: [0xE4, 0x1B])), "ESC inside a short sequence")
        XCTAssertNil(Screen(archive: oneCell(bytes: [0xF0, 0x9B, 0x1B, 0x80])), "ESC inside a four-byte sequence")
        let damaged = Screen(archive: oneCell(bytes: [0xE4, 0xB8, 0xFF]))?.rows[0][0].text
        XCTAssertEqual(damaged.map { Set($0.unicodeScalars) }, ["\u{FFFD}"], "not UTF-8: replacement characters only")
    }

    /// Magic (4), version (1), width and height (4), cursor (5), scrolling rows (5).
    private static let firstCellOffset = 19
}
