import DuizhaoCore
import XCTest

final class TextFormattingTests: XCTestCase {
    func testFixedRoundsAsPrintfDoes() {
        let cases: [(Double, Int, Int, String)] = [
            (0.1234, 3, 0, "0.123"), (0.9995, 3, 0, "1.000"), (7, 0, 3, "  7"), (100, 0, 3, "100"),
            // Exact binary halves go to even, as C's printf (and so `String(format:)`) rounds them.
            (2.5, 0, 0, "2"), (3.5, 0, 0, "4"), (0.125, 2, 0, "0.12"), (-1.5, 0, 0, "-2"), (0, 3, 0, "0.000"),
        ]
        for (value, digits, width, expected) in cases {
            XCTAssertEqual(TextFormatting.fixed(value, digits: digits, width: width), expected, "\(value)")
        }
        XCTAssertEqual(TextFormatting.percent(0.456), "46%")
        XCTAssertEqual(TextFormatting.percent(1), "100%")
    }

    func testPathComponents() {
        for (path, last) in [
            ("a/b/c.md", "c.md"), ("c.md", "c.md"), ("/tmp/dir/", "dir"), ("/", "/"), ("", ""), ("a//", "a"),
        ] {
            XCTAssertEqual(TextFormatting.lastPathComponent(path), last, path)
        }
        for (name, stem) in [("c.md", "c"), ("a.b.md", "a.b"), (".hidden", ".hidden"), ("plain", "plain")] {
            XCTAssertEqual(TextFormatting.deletingPathExtension(name), stem, name)
        }
        XCTAssertEqual(TextFormatting.appendingPathComponent("dir", "b.md"), "dir/b.md")
        XCTAssertEqual(TextFormatting.appendingPathComponent("dir/", "b.md"), "dir/b.md")
        XCTAssertEqual(TextFormatting.appendingPathComponent("", "b.md"), "b.md")
    }
}
