import DuizhaoCompare
import DuizhaoTestSupport
import Foundation
import XCTest

/// The truth tables themselves are complete and consistent: every article of both texts is accounted for once
/// (linked, or listed as national-only / provincial-only with a reason), checked against the files' own labels.
final class LawTruthTableTests: XCTestCase {
    /// The printed article numbers (第N条 at the start of a line) of a corpus file, in order.
    func articleNumbers(_ relativePath: String) throws -> [Int] {
        let url = LawCorpus.url(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        var parser = CitationParser()
        var numbers: [Int] = []
        for line in text.split(separator: "\n") where line.hasPrefix("第") {
            // A line's own label is not a citation, so cite it: `本法` + label gives its number.
            let label = line.prefix { $0 != " " && $0 != "　" }
            guard label.hasSuffix("条"), let article = parser.citations(in: "本法" + label).first?.article else {
                continue
            }
            numbers.append(article)
        }
        return numbers
    }

    func testEveryArticleIsAccountedForExactlyOnce() throws {
        for pair in try LawAlignmentTruth.pairs {
            let national = try articleNumbers(pair.nationalFile)
            let provincial = try articleNumbers(pair.provincialFile)
            XCTAssertEqual(national, Array(1...national.count), pair.nationalFile)
            XCTAssertEqual(provincial, Array(1...provincial.count), pair.provincialFile)

            let linkedNational = Set(pair.links.map(\.national))
            let linkedProvincial = Set(pair.links.map(\.provincial))
            let nationalOnly = pair.nationalOnly.map(\.article)
            let provincialOnly = pair.provincialOnly.map(\.article)
            XCTAssertEqual(Set(nationalOnly).count, nationalOnly.count, "\(pair.name): national-only listed twice")
            XCTAssertEqual(
                Set(provincialOnly).count, provincialOnly.count, "\(pair.name): provincial-only listed twice")
            XCTAssertEqual(linkedNational.intersection(nationalOnly), [], "\(pair.name): linked and national-only")
            XCTAssertEqual(
                linkedProvincial.intersection(provincialOnly), [], "\(pair.name): linked and provincial-only")
            XCTAssertEqual(linkedNational.union(nationalOnly), Set(national), "\(pair.name): national articles")
            XCTAssertEqual(linkedProvincial.union(provincialOnly), Set(provincial), "\(pair.name): provincial articles")
            let keys = pair.links.map { "\($0.national)→\($0.provincial)" }
            XCTAssertEqual(Set(keys).count, keys.count, "\(pair.name): a link listed twice")
            XCTAssert(pair.links.allSatisfy { !$0.evidence.isEmpty })
        }
    }
}

/// The real documents kept in the repository (`Tests/Fixtures/corpus`).
enum LawCorpus {
    static let root = TestCorpus.corpus

    static func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
