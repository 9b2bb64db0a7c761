import DuizhaoCore
import DuizhaoStore
import DuizhaoTestSupport
import Foundation
import XCTest

final class BookmarkAnchoringTests: XCTestCase {
    /// A document of one section with the given clauses (title, text), numbered 1.1, 1.2, ….
    static func document(
        title: String = "关于测试的意见", source: String = "test.txt", _ clauses: [(String, String)]
    ) -> PolicyDocument {
        let children = clauses.enumerated().map { index, clause in
            Division(
                id: "1.\(index + 1)", kind: .clause, label: "\(index + 1).", number: index + 1, title: clause.0,
                paragraphs: [clause.1])
        }
        let section = Division(id: "1", kind: .section, label: "一、", number: 1, title: "总体要求", children: children)
        return PolicyDocument(title: title, divisions: [section], source: source)
    }

    static let clauses = [
        ("指导思想", "深入贯彻落实网络强国战略思想，推动移动互联网健康有序发展。"),
        ("基本原则", "坚持以人民为中心，坚持创新发展，坚持依法管网。"),
        ("完善市场准入制度", "简化审批流程，推进互联网行业准入便利化，为企业提供公平透明的环境。"),
        ("加快信息基础设施演进升级", "加快第五代移动通信技术研发，统筹推进网络基础设施建设。"),
    ]

    func anchor(in document: PolicyDocument, _ id: String) throws -> BookmarkAnchor {
        BookmarkAnchor(document: document, division: try XCTUnwrap(document.division(id: id)))
    }

    func testTheSameDocumentResolvesExactly() throws {
        let document = Self.document(Self.clauses)
        let resolver = BookmarkAnchorResolver(document: document)
        for id in ["1", "1.1", "1.2", "1.3", "1.4"] {
            XCTAssertEqual(resolver.resolve(try anchor(in: document, id)), .exact(clauseID: id))
        }
    }

    func testAReimportWithTheSameTextResolvesExactlyEvenWhenFormattedDifferently() throws {
        let original = Self.document(Self.clauses)
        var reformatted = Self.document(Self.clauses.map { ($0.0, $0.1.replacingOccurrences(of: "，", with: ", ")) })
        reformatted.source = "other.txt"
        XCTAssertEqual(reformatted.fingerprint, original.fingerprint)
        let resolver = BookmarkAnchorResolver(document: reformatted)
        XCTAssertTrue(resolver.belongsToDocument(try anchor(in: original, "1.3"), sketch: original.contentSketch))
        XCTAssertEqual(resolver.resolve(try anchor(in: original, "1.3")), .exact(clauseID: "1.3"))
    }

    func testARenumberedClauseIsFoundByItsTitle() throws {
        let original = Self.document(Self.clauses)
        // Clause 1.2 was dropped: 1.3 became 1.2 and 1.4 became 1.3.
        let revised = Self.document([Self.clauses[0], Self.clauses[2], Self.clauses[3]])
        XCTAssertNotEqual(revised.fingerprint, original.fingerprint)
        let resolver = BookmarkAnchorResolver(document: revised)
        XCTAssertTrue(
            resolver.belongsToDocument(try anchor(in: original, "1.3"), sketch: original.contentSketch),
            "same title, similar content: another version of the same document")
        XCTAssertEqual(resolver.resolve(try anchor(in: original, "1.3")), .relocated(clauseID: "1.2", match: .title))
        XCTAssertEqual(resolver.resolve(try anchor(in: original, "1.4")), .relocated(clauseID: "1.3", match: .title))
        XCTAssertEqual(resolver.resolve(try anchor(in: original, "1.1")), .exact(clauseID: "1.1"))
        XCTAssertEqual(resolver.resolve(try anchor(in: original, "1.2")), .orphaned)
    }

    func testARetitledClauseIsFoundByItsText() throws {
        let original = Self.document(Self.clauses)
        var changed = Self.clauses
        changed[2].0 = "优化市场准入"
        changed.swapAt(2, 3)
        let revised = Self.document(changed)
        let resolution = BookmarkAnchorResolver(document: revised).resolve(try anchor(in: original, "1.3"))
        XCTAssertEqual(resolution, .relocated(clauseID: "1.4", match: .text))
    }

    func testASlightlyEditedClauseIsFoundBySimilarity() throws {
        var original = Self.clauses
        original[2].0 = ""
        var edited = original
        edited[2].1 = "简化审批流程，推动互联网行业准入便利化，为企业提供公平透明的市场环境。"
        edited.swapAt(2, 0)
        let anchorDocument = Self.document(original)
        let resolution = BookmarkAnchorResolver(document: Self.document(edited))
            .resolve(try anchor(in: anchorDocument, "1.3"))
        XCTAssertEqual(resolution, .relocated(clauseID: "1.1", match: .text))
    }

    func testAClauseThatIsGoneIsReportedOrphanedAndKept() throws {
        let directory = try temporaryDirectory()
        let store = BookmarkStore.open(at: directory)
        XCTAssertEqual(store.access, .readWrite)
        let original = Self.document(Self.clauses)
        let kept = try store.addBookmark(clauseID: "1.1", in: original)
        let gone = try store.addBookmark(clauseID: "1.3", in: original, note: "准入")
        let revised = Self.document([Self.clauses[0], Self.clauses[1], Self.clauses[3]])

        let resolved = try store.resolvedBookmarks(in: revised)
        XCTAssertEqual(resolved.map(\.bookmark.id), [kept.id, gone.id], "the orphan is still listed")
        XCTAssertEqual(resolved[0].resolution, .exact(clauseID: "1.1"))
        XCTAssertTrue(resolved[1].isOrphaned)
        XCTAssertEqual(resolved[1].clauseID, "1.3", "an orphan shows its stored id")
        XCTAssertEqual(resolved[1].bookmark.anchor.clauseHeading, "3.完善市场准入制度")
        XCTAssertEqual(resolved[1].bookmark.note, "准入")
        XCTAssertEqual(try store.count(), 2, "resolving never deletes")
    }

    func testBookmarksOfAnotherDocumentDoNotBelong() throws {
        let mine = Self.document(Self.clauses)
        let other = Self.document(title: "另一个文件", [("其他", "完全不同的内容。")])
        let resolver = BookmarkAnchorResolver(document: other)
        XCTAssertFalse(resolver.belongsToDocument(try anchor(in: mine, "1.1"), sketch: mine.contentSketch))
        XCTAssertFalse(resolver.belongsToDocument(try anchor(in: mine, "1.1"), sketch: nil))
    }

    func testADifferentDocumentWithTheSameTitleDoesNotClaimTheBookmarks() throws {
        let mine = Self.document(Self.clauses)
        // Another province's implementation: the same title, other content, another file.
        let namesake = Self.document(
            source: "other-province.txt",
            [
                ("工作目标", "到二〇二〇年，全省移动互联网用户普及率达到百分之八十以上，信息消费规模显著扩大。"),
                ("重点任务", "建设全省统一的政务服务平台，推动移动政务应用覆盖各市县。"),
                ("完善市场准入制度", "放宽行业准入，清理不合理的前置审批事项。"),
            ])
        XCTAssertEqual(namesake.title, mine.title)
        let resolver = BookmarkAnchorResolver(document: namesake)
        let bookmarked = try anchor(in: mine, "1.3")
        XCTAssertFalse(resolver.belongsToDocument(bookmarked, sketch: mine.contentSketch))
        // Without a recorded sketch the title is all there is to go by.
        XCTAssertTrue(resolver.belongsToDocument(bookmarked, sketch: nil))
        // The same file edited that much is still the same document.
        let editedInPlace = Self.document(source: mine.source, [Self.clauses[2]])
        XCTAssertTrue(
            BookmarkAnchorResolver(document: editedInPlace).belongsToDocument(bookmarked, sketch: mine.contentSketch))
    }

    func testBundledDocumentReformattedResolvesEveryClauseExactly() throws {
        let national = BundledDocument.national.load()
        let reformatted = PolicyImporter.importText(
            DocumentFingerprintTests.restyleNumbering(TextReshaping.hardWrap(BundledDocument.national.text, width: 29)),
            source: "reformatted.txt")
        let resolver = BookmarkAnchorResolver(document: reformatted)
        for unit in national.comparableUnits {
            let anchor = BookmarkAnchor(document: national, division: unit)
            XCTAssertTrue(resolver.belongsToDocument(anchor, sketch: national.contentSketch))
            XCTAssertEqual(resolver.resolve(anchor), .exact(clauseID: unit.id), unit.heading)
        }
    }
}
