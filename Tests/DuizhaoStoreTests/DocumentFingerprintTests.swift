import DuizhaoCore
import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoStore

final class DocumentFingerprintTests: XCTestCase {
    func testTheFingerprintIsTheHashOfTheNormalisedTitleAndText() {
        // Stored bookmarks name their documents by it: it is hashed as the text is normalised, and must stay
        // the hash of the normalised strings.
        for document in [BundledDocument.national.load(), BundledDocument.provincial.load()] {
            var hash = FNV1a64()
            hash.combine(document.normalizedTitle.utf8)
            hash.combine([0x1F])
            hash.combine(document.normalizedText.utf8)
            XCTAssertEqual(document.fingerprint, hash.hexDigest, document.title)
        }
    }

    func testTheQuickIgnorableCheckAgreesWithTheUnicodeCategories() {
        for value in Array(0..<0x80) + Array(0x4E00...0x9FFF) {
            let scalar = Unicode.Scalar(UInt32(value))!
            XCTAssertEqual(
                ComparableText.isIgnorable(scalar), ComparableText.isIgnorableByCategory(scalar),
                "U+\(String(value, radix: 16))")
        }
        XCTAssertTrue(ComparableText.isIgnorable("，"))
        XCTAssertFalse(ComparableText.isIgnorable("條"))
    }

    func testNormalizationFoldsWidthDropsFormattingAndLeadingLabels() {
        XCTAssertEqual(ComparableText.normalize("（三）加强　网络，安全！"), "加强网络安全")
        XCTAssertEqual(ComparableText.normalize("(三) 加强网络, 安全!"), "加强网络安全")
        XCTAssertEqual(ComparableText.normalize("４．ＡＢＣ　ｄｅｆ"), "abcdef")
        XCTAssertEqual(ComparableText.normalize("4、abc def"), "abcdef")
        XCTAssertEqual(ComparableText.normalize("第十二条 总则"), "总则")
        XCTAssertEqual(ComparableText.normalize("① 一是"), "一是")
        // Numbers that are content, not labels, stay.
        XCTAssertEqual(ComparableText.normalize("1.5亿用户"), "15亿用户")
        XCTAssertEqual(ComparableText.normalize("2017年1月"), "2017年1月")
        XCTAssertEqual(ComparableText.normalize("一是加强"), "一是加强")
    }

    func testSimilarityOfTexts() {
        XCTAssertEqual(ComparableText.similarity("完善市场准入制度", "完善市场准入制度"), 1)
        XCTAssertEqual(ComparableText.similarity("完善市场准入制度", "加快信息基础设施"), 0)
        let close = ComparableText.similarity("完善市场准入制度和规则", "完善市场准入制度")
        XCTAssertGreaterThan(close, 0.8)
        XCTAssertLessThan(close, 1)
    }

    func testFNV1aMatchesPublishedVectors() {
        var empty = FNV1a64()
        empty.combine([UInt8]())
        XCTAssertEqual(empty.hexDigest, "cbf29ce484222325")
        var letter = FNV1a64()
        letter.combine(Array("a".utf8))
        XCTAssertEqual(letter.hexDigest, "af63dc4c8601ec8c")
        var word = FNV1a64()
        word.combine(Array("foobar".utf8))
        XCTAssertEqual(word.hexDigest, "85944171f73967e8")
    }

    func testSameDocumentFromDifferentlyFormattedFilesHasTheSameFingerprint() throws {
        let original = BundledDocument.national.text
        let reference = PolicyImporter.importText(original, source: "original")
        XCTAssertFalse(reference.comparableUnits.isEmpty)

        let renumbered = Self.restyleNumbering(original)
        XCTAssertNotEqual(renumbered, original, "the restyling must change the text")
        let rewrapped = TextReshaping.hardWrap(original, width: 31)
        XCTAssertNotEqual(rewrapped, original)

        let directory = try temporaryDirectory()
        let utf16Path = directory.appendingPathComponent("national-utf16.txt").path
        var utf16 = Data([0xFF, 0xFE])
        for unit in renumbered.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        try utf16.write(to: URL(fileURLWithPath: utf16Path))
        let fromUTF16 = try PolicyImporter.importFile(at: utf16Path)

        let variants = [
            ("restyled numbering", PolicyImporter.importText(renumbered, source: "renumbered")),
            ("hard-wrapped at 31 characters", PolicyImporter.importText(rewrapped, source: "rewrapped")),
            ("UTF-16 file with restyled numbering", fromUTF16),
            (
                "CRLF line ends",
                PolicyImporter.importText(original.replacingOccurrences(of: "\n", with: "\r\n"), source: "crlf")
            ),
        ]
        for (name, variant) in variants {
            XCTAssertEqual(variant.title, reference.title, name)
            XCTAssertEqual(variant.fingerprint, reference.fingerprint, "fingerprint differs for \(name)")
        }
    }

    func testAnyContentChangeChangesTheFingerprint() throws {
        let original = BundledDocument.national.text
        let reference = PolicyImporter.importText(original, source: "original")
        let unit = try XCTUnwrap(reference.comparableUnits.dropFirst(3).first)
        let sentence = try XCTUnwrap(unit.paragraphs.first)
        let edited = original.replacingOccurrences(
            of: sentence, with: sentence.replacingOccurrences(of: "发展", with: "发达"))
        XCTAssertNotEqual(edited, original)
        XCTAssertNotEqual(PolicyImporter.importText(edited, source: "edited").fingerprint, reference.fingerprint)

        var retitled = reference
        retitled.title += "（征求意见稿）"
        XCTAssertNotEqual(retitled.fingerprint, reference.fingerprint)

        XCTAssertNotEqual(BundledDocument.provincial.load().fingerprint, reference.fingerprint)
    }

    func testAnIdentityComputesItsSketchOnFirstUseAndKeepsIt() throws {
        let document = BundledDocument.national.load()
        let identity = DocumentIdentity(document)
        XCTAssertEqual(identity.fingerprint, document.fingerprint)
        XCTAssertEqual(identity.sketch, document.contentSketch)
        XCTAssertEqual(identity.encodedSketch, document.contentSketch.encoded)
        let other = BundledDocument.provincial.load()
        XCTAssertEqual(DocumentIdentity(document), identity)
        XCTAssertNotEqual(DocumentIdentity(other), identity)
        XCTAssertEqual(Set([identity, DocumentIdentity(document)]).count, 1)
        // Concurrent first uses agree.
        let fresh = DocumentIdentity(other)
        let encodings = Collected()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in encodings.append(Data((fresh.encodedSketch + "\n").utf8))
        }
        XCTAssertEqual(Set(encodings.text.split(separator: "\n")), [Substring(other.contentSketch.encoded)])
    }

    func testContentSketchTellsAnEditedVersionFromAnotherDocument() throws {
        let national = BundledDocument.national.load()
        let provincial = BundledDocument.provincial.load()
        XCTAssertEqual(national.contentSketch.similarity(to: national.contentSketch), 1)
        XCTAssertEqual(national.contentSketch.hashes.count, ContentSketch.defaultSize)

        // An edited version: two clauses rewritten, one dropped.
        var edited = national
        var units = edited.divisions[1].children
        units[0].paragraphs = ["本条内容已经全面修订，改为新的表述。"]
        units.remove(at: 1)
        edited.divisions[1].children = units
        edited.divisions[2].children[0].paragraphs[0] += "并且增加一句新的要求。"
        XCTAssertNotEqual(edited.fingerprint, national.fingerprint)
        let editedSimilarity = edited.contentSketch.similarity(to: national.contentSketch)
        let relatedSimilarity = provincial.contentSketch.similarity(to: national.contentSketch)
        print(
            "content sketch similarity: edited version \(editedSimilarity), provincial vs national \(relatedSimilarity)"
        )
        XCTAssertGreaterThanOrEqual(editedSimilarity, ContentSketch.sameDocumentThreshold)
        XCTAssertLessThan(relatedSimilarity, ContentSketch.sameDocumentThreshold)

        let decoded = try XCTUnwrap(ContentSketch(encoded: national.contentSketch.encoded))
        XCTAssertEqual(decoded, national.contentSketch)
        XCTAssertNil(ContentSketch(encoded: "not hex"))
    }

    // MARK: - Helpers

    /// `1。` → `1.`, `（一）` → `(一)` at the start of lines: another numbering style for the same document.
    static func restyleNumbering(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line -> String in
            let body = line.drop { $0 == " " || $0 == "　" }
            let indent = line.prefix(line.count - body.count)
            var scalars = Array(body)
            var digits = 0
            while digits < scalars.count, scalars[digits].isASCII, scalars[digits].isNumber { digits += 1 }
            if digits > 0, digits < scalars.count, scalars[digits] == "。" || scalars[digits] == "．" {
                scalars[digits] = "."
                return String(indent) + String(scalars)
            }
            if scalars.first == "（", let close = scalars.firstIndex(of: "）"), close <= 4 {
                scalars[0] = "("
                scalars[close] = ")"
                return String(indent) + String(scalars)
            }
            return line
        }.joined(separator: "\n")
    }
}

/// A fresh directory under the temporary directory, removed after the test.
extension XCTestCase {
    func temporaryDirectory(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("duizhao-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        addTeardownBlock {
            try? makeRemovable(url)
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }
}

/// Restores owner permissions below `url` so that a test's chmod does not block clean-up.
func makeRemovable(_ url: URL) throws {
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
        try? FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: url.appendingPathComponent(name).path)
    }
}
