import DuizhaoCore
import XCTest

@testable import DuizhaoCompare
@testable import DuizhaoReader

/// Random key sequences at random sizes: every frame stays well formed, nothing traps.
final class ReaderRobustnessTests: XCTestCase {
    /// A small deterministic generator (the same sequence on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let keys: [InputEvent] =
        "jkgG[]{}/nN:dtwoqmMB?fbe 龙江1.2x".map { .character($0) } + [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape, .backspace,
            .delete,
        ]

    func run(_ start: ReaderModel, events: Int, seed: UInt64) {
        var model = start
        var generator = Generator(state: seed)
        for step in 0..<events {
            let event: InputEvent
            switch generator.next(20) {
            case 0: event = .resize(width: generator.next(200), height: generator.next(60))
            case 1: event = .wheel(column: generator.next(160), row: generator.next(45), lines: generator.next(7) - 3)
            case 2: event = .click(column: generator.next(160), row: generator.next(45))
            default: event = Self.keys[generator.next(Self.keys.count)]
            }
            let effects = model.update(.input(event))
            if effects.contains(.quit) {
                XCTAssertEqual(effects.count, 2, "quit comes with the reading state")
                model = start
                continue
            }
            if case .character("m") = event, effects.count == 1, case .addBookmark(let request) = effects[0] {
                _ = model.update(
                    .bookmarksLoaded([
                        ReaderBookmark(
                            id: Int64(step), side: request.side, clauseID: request.clauseID,
                            clauseTitle: request.clauseTitle)
                    ]))
            }
            let screen = model.render()
            XCTAssertEqual(screen.width, model.width)
            XCTAssertEqual(screen.height, model.height)
            assertWellFormed(screen)
        }
    }

    func testRandomEventsOnTheFixture() {
        run(Fixture.model(width: 80, height: 24), events: 1000, seed: 1)
        run(Fixture.model(width: 40, height: 12, compared: false), events: 1000, seed: 2)
    }

    func testRandomEventsOnEmptyDocuments() {
        run(
            ReaderModel(national: PolicyDocument(title: "空"), provincial: nil, width: 80, height: 24), events: 300,
            seed: 4)
        run(
            ReaderModel(national: PolicyDocument(), provincial: PolicyDocument(), width: 80, height: 24), events: 300,
            seed: 5)
        var model = ReaderModel(national: PolicyDocument(), provincial: Fixture.provincial, width: 80, height: 24)
        _ = model.update(.comparisonFinished(Comparison(provincialOnly: ["1.1", "2.2", "2.3"])))
        run(model, events: 300, seed: 6)
    }

    func testRandomEventsOnTheBundledPair() {
        let national = BundledDocument.national.load()
        let provincial = BundledDocument.provincial.load()
        var model = ReaderModel(national: national, provincial: provincial, width: 160, height: 45)
        _ = model.update(.comparisonFinished(Comparator.compare(national: national, provincial: provincial)))
        run(model, events: 1000, seed: 3)
    }
}

final class SentenceSyncTests: XCTestCase {
    func paragraph(_ text: String, anchor: Int?) -> DisplayParagraph {
        let scalars = Array(text.unicodeScalars)
        return DisplayParagraph(
            raw: scalars, roles: Array(repeating: .normal, count: scalars.count), divisionID: "1",
            unitID: "1", isHeading: false, indented: true, anchor: anchor)
    }

    /// Both sides are cut at the same shared anchors, so their segments pair one to one even when a side has
    /// an anchor the other lacks, or starts right at an anchor.
    func testSegmentsPairOnSharedAnchorsOnly() {
        let national = [paragraph("标题", anchor: nil), paragraph("甲。", anchor: 1), paragraph("丙。", anchor: 3)]
        let provincial = [paragraph("甲。", anchor: 1), paragraph("乙。", anchor: 2), paragraph("丙。", anchor: 3)]
        let shared: Set<Int> = [1, 3]
        XCTAssertEqual(RowLayout.segments(national, at: shared), [0..<1, 1..<2, 2..<3])
        XCTAssertEqual(RowLayout.segments(provincial, at: shared), [0..<0, 0..<2, 2..<3])
    }

    func testScrollableRowsAreTheBody() {
        let screen = Fixture.model(width: 80, height: 24).render()
        XCTAssertEqual(screen.scrollableRows, 1..<23)
        XCTAssertNil(Fixture.model(width: 10, height: 4).render().scrollableRows)
    }
}
