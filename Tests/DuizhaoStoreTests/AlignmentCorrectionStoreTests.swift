import DuizhaoCompare
import DuizhaoCore
import DuizhaoStore
import DuizhaoTestSupport
import Foundation
import Synchronization
import XCTest

/// Hand corrections of the alignment in the bookmark store: kept, listed, removed, found again in edited,
/// re-encoded and moved copies of the files, reported (never applied elsewhere) when a provision is gone.
final class AlignmentCorrectionStoreTests: XCTestCase {
    static let nationalText = try! String(contentsOf: TestCorpus.url("cunweihui/national.md"), encoding: .utf8)
    static let provincialText = try! String(contentsOf: TestCorpus.url("cunweihui/beijing-2012.md"), encoding: .utf8)

    /// 1…99 in Chinese numerals, as article labels print them.
    static func chinese(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let tens = number / 10
        let units = digits[number % 10]
        switch tens {
        case 0: return units
        case 1: return "十" + units
        default: return digits[tens] + "十" + units
        }
    }

    static let number = Dictionary(uniqueKeysWithValues: (1..<100).map { (chinese($0), $0) })

    func importFile(_ text: String, _ name: String, in directory: URL) throws -> PolicyDocument {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try PolicyImporter.importFile(at: url.path)
    }

    func id(_ label: String, in document: PolicyDocument) throws -> String {
        try XCTUnwrap(document.resolveDivision(label), "\(label) in \(document.source)").id
    }

    func testALinkAndARejectionAreKeptListedAppliedAndRemoved() throws {
        let directory = try temporaryDirectory()
        let national = try importFile(Self.nationalText, "national.md", in: directory)
        let provincial = try importFile(Self.provincialText, "beijing.md", in: directory)
        let store = BookmarkStore.open(at: directory.appendingPathComponent("store"))
        let before = try store.revision()

        let link = try store.addCorrection(
            national: national, nationalID: try id("第六条", in: national), provincial: provincial,
            provincialID: try id("第九条", in: provincial), action: .match, note: "主任 duties")
        let rejection = try store.addCorrection(
            national: national, nationalID: try id("第三条", in: national), provincial: provincial,
            provincialID: try id("第八条", in: provincial), action: .rejected)
        XCTAssertEqual(try store.revision(), before + 2, "each write is seen by other processes' readers")
        XCTAssertEqual(try store.corrections().map(\.id), [link.id, rejection.id])
        XCTAssertEqual(try store.corrections().first?.note, "主任 duties")
        XCTAssertEqual(try store.corrections().map(\.action), [.match, .rejected])

        let pair = try store.corrections(national: national, provincial: provincial)
        XCTAssertNil(pair.notice)
        XCTAssertEqual(
            pair.corrections,
            [
                .link(national: try id("第六条", in: national), provincial: try id("第九条", in: provincial), kind: .match),
                .rejection(national: try id("第三条", in: national), provincial: try id("第八条", in: provincial)),
            ])

        // Applied: the hand link is there and marked, the rejected machine link is gone.
        let plain = Comparator.compare(national: national, provincial: provincial)
        let threeToEight = { (link: ClauseLink) in
            link.national == (try? self.id("第三条", in: national))
                && link.provincial == (try? self.id("第八条", in: provincial))
        }
        XCTAssertTrue(plain.links.contains(where: threeToEight), "the machine links 第三条 with 第八条")
        let corrected = Comparator.compare(national: national, provincial: provincial, corrections: pair.corrections)
        XCTAssertFalse(corrected.links.contains(where: threeToEight))
        let hand = corrected.links.filter { $0.source == .hand }
        XCTAssertEqual(hand.map(\.national), [try id("第六条", in: national)])
        XCTAssertEqual(hand.map(\.provincial), [try id("第九条", in: provincial)])

        try store.removeCorrection(id: link.id)
        XCTAssertEqual(try store.corrections().map(\.id), [rejection.id])
        XCTAssertThrowsError(try store.removeCorrection(id: link.id)) { error in
            XCTAssertEqual(error as? StoreError, .noSuchCorrection(link.id))
        }
        XCTAssertThrowsError(
            try store.addCorrection(
                national: national, nationalID: "no-such-id", provincial: provincial,
                provincialID: try id("第九条", in: provincial), action: .match))
        XCTAssertEqual(try store.corrections().count, 1, "a failed add stores nothing")
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }

    func testCorrectionsFollowTheirProvisionsIntoAnEditedReencodedMovedCopy() throws {
        let directory = try temporaryDirectory()
        let national = try importFile(Self.nationalText, "national.md", in: directory)
        let provincial = try importFile(Self.provincialText, "beijing.md", in: directory)
        let store = BookmarkStore.open(at: directory.appendingPathComponent("store"))
        try store.addCorrection(
            national: national, nationalID: try id("第六条", in: national), provincial: provincial,
            provincialID: try id("第九条", in: provincial), action: .partial)

        // The provincial file edited elsewhere (one article reworded, a new article inserted before 第九条, so that
        // every later article is renumbered), re-saved as GB18030 with CRLF line ends, under another name.
        var lines = Self.provincialText.components(separatedBy: "\n")
        let ninth = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("第九条") })
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("第一条") })
        lines[first] = lines[first].replacingOccurrences(of: "为实施", with: "为了实施")
        lines.insert(contentsOf: ["第九条 村民委员会应当建立健全工作制度。", ""], at: ninth)
        for index in (ninth + 2)..<lines.count {
            let line = lines[index]
            guard line.hasPrefix("第"), let end = line.firstIndex(of: "条"),
                let number = Self.number[String(line[line.index(after: line.startIndex)..<end])]
            else { continue }
            lines[index] = "第\(Self.chinese(number + 1))条" + line[line.index(after: end)...]
        }
        let moved = directory.appendingPathComponent("moved", isDirectory: true)
        try FileManager.default.createDirectory(at: moved, withIntermediateDirectories: true)
        let edited = moved.appendingPathComponent("北京实施办法.txt")
        try GB18030.write(lines.joined(separator: "\r\n"), to: edited)
        let copy = try PolicyImporter.importFile(at: edited.path)
        XCTAssertNotEqual(copy.fingerprint, provincial.fingerprint, "another version of the document")
        XCTAssertEqual(copy.resolveDivision("第十条")?.namedHeading.contains("宣传贯彻宪法"), true, "renumbered")

        let pair = try store.corrections(national: national, provincial: copy)
        XCTAssertNil(pair.notice)
        XCTAssertEqual(
            pair.corrections,
            [.link(national: try id("第六条", in: national), provincial: try id("第十条", in: copy), kind: .partial)],
            "the correction follows 第九条, now 第十条")
    }

    func testACorrectionWhoseProvisionIsGoneIsReportedAndNeverAppliedElsewhere() throws {
        let directory = try temporaryDirectory()
        let national = try importFile(Self.nationalText, "national.md", in: directory)
        let provincial = try importFile(Self.provincialText, "beijing.md", in: directory)
        let store = BookmarkStore.open(at: directory.appendingPathComponent("store"))
        let stored = try store.addCorrection(
            national: national, nationalID: try id("第六条", in: national), provincial: provincial,
            provincialID: try id("第九条", in: provincial), action: .match)

        // 第九条 deleted from the provincial file (the articles after it keep their numbers).
        var lines = Self.provincialText.components(separatedBy: "\n")
        let ninth = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("第九条") })
        lines.remove(at: ninth)
        let without = try importFile(lines.joined(separator: "\n"), "beijing.md", in: directory)
        XCTAssertNil(without.resolveDivision("第九条"))

        let pair = try store.corrections(national: national, provincial: without)
        XCTAssertEqual(pair.corrections, [], "never applied to another provision")
        XCTAssertEqual(pair.orphaned.map(\.stored.id), [stored.id])
        let notice = try XCTUnwrap(pair.notice)
        XCTAssertTrue(notice.contains("#\(stored.id)"), notice)

        // Another pair (another province's implementation) has none of these corrections.
        let other = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/shandong-2012.md").path)
        XCTAssertEqual(try store.corrections(national: national, provincial: other), .none)
    }

    func testACorrectionSetResolvesTheNationalSideOnceForEveryImplementation() throws {
        let directory = try temporaryDirectory()
        let national = try importFile(Self.nationalText, "national.md", in: directory)
        let beijing = try importFile(Self.provincialText, "beijing.md", in: directory)
        let shandong = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/shandong-2012.md").path)
        let store = BookmarkStore.open(at: directory.appendingPathComponent("store"))
        try store.addCorrection(
            national: national, nationalID: try id("第六条", in: national), provincial: beijing,
            provincialID: try id("第九条", in: beijing), action: .related)
        try store.addCorrection(
            national: national, nationalID: try id("第十二条", in: national), provincial: shandong,
            provincialID: try id("第八条", in: shandong), action: .match)

        let set = try store.correctionSet(national: national)
        XCTAssertFalse(set.isEmpty)
        XCTAssertEqual(
            set.corrections(for: beijing).corrections,
            [.link(national: try id("第六条", in: national), provincial: try id("第九条", in: beijing), kind: .related)])
        XCTAssertEqual(
            set.corrections(for: shandong).corrections,
            [.link(national: try id("第十二条", in: national), provincial: try id("第八条", in: shandong), kind: .match)])
        let otherNational = try PolicyImporter.importFile(at: TestCorpus.url("daibiaofa/national.md").path)
        XCTAssertTrue(try store.correctionSet(national: otherNational).isEmpty)
    }

    func testTwoVersionsOfADocumentInOneMatrixKeepTheirOwnCorrections() throws {
        let directory = try temporaryDirectory()
        let national = try importFile(Self.nationalText, "national.md", in: directory)
        let older = try importFile(Self.provincialText, "beijing-2012.md", in: directory)
        let newer = try importFile(
            Self.provincialText.replacingOccurrences(of: "为实施", with: "为了实施"), "beijing-2020.md", in: directory)
        let store = BookmarkStore.open(at: directory.appendingPathComponent("store"))
        try store.addCorrection(
            national: national, nationalID: try id("第六条", in: national), provincial: older,
            provincialID: try id("第九条", in: older), action: .match)
        let set = try store.correctionSet(national: national)
        XCTAssertEqual(set.corrections(for: older).corrections.count, 1)
        XCTAssertEqual(
            set.corrections(for: newer).corrections.count, 1,
            "a version with no corrections of its own follows the other's")
        try store.addCorrection(
            national: national, nationalID: try id("第三条", in: national), provincial: newer,
            provincialID: try id("第八条", in: newer), action: .rejected)
        let again = try store.correctionSet(national: national)
        XCTAssertEqual(again.corrections(for: older).corrections.map(\.kind), [.match])
        XCTAssertEqual(again.corrections(for: newer).corrections.map(\.kind), [nil], "each keeps its own")
    }

    func testConcurrentWritersLoseNoCorrection() throws {
        let directory = try temporaryDirectory()
        let national = try importFile(Self.nationalText, "national.md", in: directory)
        let provincial = try importFile(Self.provincialText, "beijing.md", in: directory)
        let storeDirectory = directory.appendingPathComponent("store")
        let stores = [BookmarkStore.open(at: storeDirectory), BookmarkStore.open(at: storeDirectory)]
        let nationalUnits = national.comparableUnits.map(\.id)
        let provincialUnits = provincial.comparableUnits.map(\.id)
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in 0..<25 {
                do {
                    try stores[worker % 2].addCorrection(
                        national: national, nationalID: nationalUnits[index % nationalUnits.count],
                        provincial: provincial, provincialID: provincialUnits[worker], action: .partial,
                        note: "\(worker)-\(index)")
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
        }
        XCTAssertEqual(errors.withLock { $0 }, [])
        let notes = try stores[1].corrections().map(\.note)
        XCTAssertEqual(notes.count, 100)
        XCTAssertEqual(Set(notes).count, 100)
        XCTAssertEqual(try stores[0].integrityCheck(), ["ok"])
    }

    func testTheComparisonCacheKeyIncludesTheCorrections() throws {
        let cache = ComparisonCache(directory: try temporaryDirectory(), toolVersion: "test")
        let national = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/national.md").path)
        let provincial = try PolicyImporter.importFile(at: TestCorpus.url("cunweihui/beijing-2012.md").path)
        let plain = cache.key(national: national, provincial: provincial)
        XCTAssertEqual(cache.key(national: national, provincial: provincial, corrections: []), plain)
        let link = AlignmentCorrection.link(national: "2.6", provincial: "9", kind: .match)
        let partial = AlignmentCorrection.link(national: "2.6", provincial: "9", kind: .partial)
        let keys = [
            plain, cache.key(national: national, provincial: provincial, corrections: [link]),
            cache.key(national: national, provincial: provincial, corrections: [partial]),
            cache.key(
                national: national, provincial: provincial,
                corrections: [.rejection(national: "2.6", provincial: "9")]),
        ]
        XCTAssertEqual(Set(keys).count, 4, "\(keys)")
    }
}
