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

    /// Magic (4), version (1), width and height (4), cursor (5), scrolling rows (5).
    private static let firstCellOffset = 19
}
