import DuizhaoCore
import DuizhaoReader
import DuizhaoTerminal
import XCTest

@testable import DuizhaoSession

/// A persistence in memory that records what the session asks of it.
final class FakePersistence: ReaderPersistence {
    var stored: [ReaderBookmark] = []
    var saved: ReadingPosition?
    var performed: [ReaderEffect] = []
    var changedElsewhere: [ReaderBookmark]?
    var failure: String?
    private var nextID: Int64 = 1

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func bookmarks() throws -> [ReaderBookmark] { stored }
    func lastPosition() throws -> ReadingPosition? { saved }
    func bookmarksIfChanged() -> [ReaderBookmark]? {
        defer { changedElsewhere = nil }
        if let changed = changedElsewhere { stored = changed }
        return changedElsewhere
    }

    func perform(_ effect: ReaderEffect) throws -> String? {
        if let failure { throw Failure(description: failure) }
        performed.append(effect)
        switch effect {
        case .addBookmark(let request):
            stored.append(
                ReaderBookmark(
                    id: nextID, side: request.side, clauseID: request.clauseID, clauseTitle: request.clauseTitle,
                    note: request.note))
            nextID += 1
            return "stored \(request.clauseID)"
        case .removeBookmark(let id):
            stored.removeAll { $0.id == id }
            return "removed"
        case .updateBookmarkNote(let id, let note):
            if let index = stored.firstIndex(where: { $0.id == id }) { stored[index].note = note }
            return nil
        case .saveReadingState(let position):
            saved = position
            return nil
        case .quit, .correctAlignment, .undoCorrection:
            return nil
        }
    }
}

final class ReaderSessionTests: XCTestCase {
    static func clause(_ id: String, _ number: Int, _ title: String) -> Division {
        Division(
            id: id, kind: .clause, label: "\(number).", number: number, title: title,
            paragraphs: ["第\(number)条的正文。"])
    }

    static let national = PolicyDocument(
        title: "国家意见", preamble: ["现提出如下意见。"],
        divisions: (1...12).map { clause("\($0)", $0, "条款\($0)") }, source: "fixture:national")
    static let provincial = PolicyDocument(
        title: "省级意见", preamble: ["结合实际。"],
        divisions: (1...12).map { clause("\($0)", $0, "省条款\($0)") }, source: "fixture:provincial")

    func makeSession(_ persistence: FakePersistence? = nil) -> ReaderSession {
        let model = ReaderModel(national: Self.national, provincial: Self.provincial, width: 80, height: 12)
        let session = ReaderSession(model: model)
        if let persistence { session.install(PersistenceStartup(persistence)) }
        return session
    }

    /// The keys of `:` CLAUSE Enter: jump to a clause.
    static func jump(to clause: String) -> [ReaderMessage] {
        [.input(.character(":"))] + clause.map { .input(.character($0)) } + [.input(.enter)]
    }

    /// Sends a script of messages; returns the decision after each.
    func play(_ session: ReaderSession, _ script: [ReaderMessage]) throws -> [LoopDecision] {
        try script.map { try session.send($0) }
    }

    func testBookmarkKeyStoresAndTheModelShowsTheStoredList() throws {
        let persistence = FakePersistence()
        let session = makeSession(persistence)
        let decisions = try play(session, Self.jump(to: "3") + [.input(.character("m"))])
        XCTAssertEqual(decisions, [.continue, .continue, .continue, .continue])
        XCTAssertEqual(
            persistence.performed,
            [
                .addBookmark(
                    BookmarkRequest(
                        side: .national, clauseID: "3", clauseTitle: "3.条款3"))
            ])
        XCTAssertEqual(
            session.model.reading?.bookmarks.map(\.clauseID), ["3"], "the list comes back from the persistence")
        XCTAssertEqual(session.model.message, "stored 3", "the persistence's answer reaches the status line")

        _ = try play(session, [.input(.character("m"))])
        XCTAssertEqual(persistence.performed.last, .removeBookmark(id: 1))
        XCTAssertEqual(session.model.reading?.bookmarks, [])
    }

    func testQuitSavesThePositionFirst() throws {
        let persistence = FakePersistence()
        let session = makeSession(persistence)
        let decisions = try play(session, Self.jump(to: "5") + [.input(.character("q"))])
        XCTAssertEqual(decisions.last, .quit)
        XCTAssertEqual(persistence.performed.count, 1)
        XCTAssertEqual(persistence.saved?.clauseID, "5")
        XCTAssertEqual(persistence.saved?.side, .national)
    }

    func testTheSavedPositionIsRestoredOnlyIfTheReaderHasNotMoved() throws {
        let persistence = FakePersistence()
        persistence.saved = ReadingPosition(clauseID: "7", side: .provincial, focus: .provincial)
        let untouched = makeSession(persistence)
        XCTAssertEqual(untouched.model.reading?.currentClause(.provincial), "7")
        XCTAssertEqual(untouched.model.reading?.focus, .provincial)

        let moved = ReaderSession(
            model: ReaderModel(
                national: Self.national, provincial: Self.provincial, width: 80, height: 12))
        _ = try play(moved, [.input(.character("G"))])
        let bottom = moved.model.readingPosition
        moved.install(PersistenceStartup(persistence))
        XCTAssertEqual(moved.model.readingPosition, bottom, "a saved position never yanks a reader who has moved")
    }

    func testAnEffectBeforeThePersistenceAnsweredWaitsForIt() throws {
        let persistence = FakePersistence()
        var waited = 0
        let session = ReaderSession(
            model: ReaderModel(
                national: Self.national, provincial: Self.provincial, width: 80, height: 12)
        ) {
            waited += 1
            return PersistenceStartup(persistence)
        }
        _ = try play(session, [.input(.character("j"))])
        XCTAssertEqual(waited, 0, "keys without effects do not wait for the store")
        _ = try play(session, [.input(.character("q"))])
        XCTAssertEqual(waited, 1)
        XCTAssertNotNil(persistence.saved)
    }

    func testIdlePicksUpBookmarksChangedElsewhere() {
        let persistence = FakePersistence()
        let session = makeSession(persistence)
        persistence.changedElsewhere = [ReaderBookmark(id: 9, side: .provincial, clauseID: "2", clauseTitle: "2.省条款2")]
        session.idle()
        XCTAssertEqual(session.model.reading?.bookmarks.map(\.id), [9])
    }

    func testStartupNoticeAndLoadFailureReachTheStatusLine() {
        final class Broken: ReaderPersistence {
            func bookmarks() throws -> [ReaderBookmark] { throw FakePersistence.Failure(description: "disk gone") }
            func lastPosition() throws -> ReadingPosition? { nil }
            func bookmarksIfChanged() -> [ReaderBookmark]? { nil }
            func perform(_ effect: ReaderEffect) throws -> String? { nil }
        }
        let session = ReaderSession(
            model: ReaderModel(
                national: Self.national, provincial: Self.provincial, width: 80, height: 12))
        session.install(PersistenceStartup(Broken()))
        XCTAssertEqual(session.model.message, "bookmarks unavailable: disk gone")
        XCTAssertTrue(session.render().lines.last?.contains("bookmarks unavailable: disk gone") ?? false)

        let noticed = makeSession()
        noticed.install(PersistenceStartup(FakePersistence(), notice: "store is read-only"))
        XCTAssertEqual(noticed.model.message, "store is read-only")
    }

    func testAPersistenceErrorEndsTheSession() {
        let persistence = FakePersistence()
        persistence.failure = "database is locked"
        let session = makeSession(persistence)
        _ = try? play(session, Self.jump(to: "2"))
        XCTAssertThrowsError(try session.send(.input(.character("m")))) { error in
            XCTAssertEqual("\(error)", "database is locked")
        }
    }

    func testBackgroundMessagesReachTheModel() throws {
        let session = makeSession(FakePersistence())
        _ = try play(session, [.comparisonProgress(0.5)])
        XCTAssertEqual(session.model.reading?.comparisonProgress, 0.5)
        XCTAssertTrue(session.render().lines.last?.contains("comparing 50%") ?? false)
    }
}
