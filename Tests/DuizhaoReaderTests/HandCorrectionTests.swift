import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// The reader's hand corrections (issue 20): `a` links the current clause to one the researcher picks from the
/// other document (filtered as typed, current links marked, then the kind), `x` removes a link after asking
/// (a rejection), `u` takes the last correction back. Each is an effect for the session to store and apply.
final class HandCorrectionTests: XCTestCase {
    func send(_ model: inout ReaderModel, _ events: [InputEvent]) -> [ReaderEffect] {
        events.flatMap { model.update(.input($0)) }
    }

    func characters(_ text: String) -> [InputEvent] { text.map { .character($0) } }

    func testPickFilterAndKindMakeAHandLink() {
        var model = Fixture.model(width: 100, height: 30)
        // On the first clause (national 1.1 指导思想).
        XCTAssertTrue(send(&model, [.character("]"), .character("a")]).isEmpty)
        var screen = model.render()
        XCTAssertNotNil(screen.row(containing: "link 1.指导思想 to:"), screen.lines.joined(separator: "\n"))
        // Its current link is marked; the list holds the other document's provisions.
        XCTAssertNotNil(screen.row(containing: "✓ 1.指导思想"), screen.lines.joined(separator: "\n"))
        XCTAssertNotNil(screen.row(containing: "2.龙江特色"))
        // Filtering leaves one; Enter asks the kind.
        XCTAssertTrue(send(&model, characters("龙江") + [.enter]).isEmpty)
        screen = model.render()
        XCTAssertNotNil(screen.row(containing: "m match · p partial · r related"), screen.lines.joined(separator: "\n"))
        let effects = send(&model, [.character("p")])
        XCTAssertEqual(
            effects,
            [
                .correctAlignment(
                    .link(national: "1.1", provincial: "2.2", kind: .partial), description: "1.指导思想 ⇄ 2.龙江特色")
            ])
        XCTAssertTrue(model.render().statusLine.contains("✎ linked by hand (partial)"), model.render().statusLine)
        // The picker is closed: keys scroll again.
        XCTAssertNil(model.render().row(containing: "link 1.指导思想 to:"))
    }

    func testEscapeCancelsAndNothingIsCorrected() {
        var model = Fixture.model(width: 100, height: 30)
        XCTAssertTrue(send(&model, [.character("a"), .down, .enter, .escape, .escape]).isEmpty)
        XCTAssertNil(model.render().row(containing: "to:"))
    }

    func testRemovingALinkAsksAndRecordsARejection() {
        var model = Fixture.model(width: 100, height: 30)
        XCTAssertTrue(send(&model, [.character("]"), .character("x")]).isEmpty)
        XCTAssertTrue(model.render().statusLine.contains("remove the link 1.指导思想 ⇄ 1.指导思想? (y/n)"))
        // No: nothing happens.
        XCTAssertTrue(send(&model, [.character("n")]).isEmpty)
        XCTAssertEqual(
            send(&model, [.character("x"), .character("y")]),
            [.correctAlignment(.rejection(national: "1.1", provincial: "1.1"), description: "1.指导思想 ⇄ 1.指导思想")])
        XCTAssertEqual(send(&model, [.character("u")]), [.undoCorrection])
    }

    func testTheKeysAreInTheHelp() {
        let help = ReadingScreen.helpSections.flatMap(\.lines).map(\.help).joined(separator: "\n")
        XCTAssertTrue(help.contains("link the current clause by hand"))
        XCTAssertTrue(help.contains("undo the last correction"))
    }
}
