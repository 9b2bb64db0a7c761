import DuizhaoCompare
import DuizhaoCore
import Foundation
import XCTest

@testable import DuizhaoStore

final class ComparisonCacheTests: XCTestCase {
    let national = BundledDocument.national.load()
    let provincial = BundledDocument.provincial.load()

    func assertSameComparison(
        _ found: Comparison?, _ expected: Comparison, file: StaticString = #filePath, line: UInt = #line
    ) {
        guard let found else { return XCTFail("no comparison", file: file, line: line) }
        XCTAssertEqual(found.links, expected.links, file: file, line: line)
        XCTAssertEqual(found.nationalOnly, expected.nationalOnly, file: file, line: line)
        XCTAssertEqual(found.provincialOnly, expected.provincialOnly, file: file, line: line)
        XCTAssertEqual(found.provenance, expected.provenance, file: file, line: line)
        XCTAssertEqual(found.nationalFates, expected.nationalFates, file: file, line: line)
        XCTAssertEqual(found.nationalCoverage, expected.nationalCoverage, file: file, line: line)
        XCTAssertEqual(found.provincialCoverage, expected.provincialCoverage, file: file, line: line)
    }

    func testAStoredComparisonComesBackWhole() throws {
        let cache = ComparisonCache(
            directory: try temporaryDirectory().appendingPathComponent("c"), toolVersion: "test 1")
        let comparison = Comparator.compare(national: national, provincial: provincial)
        XCTAssertFalse(comparison.links.isEmpty)
        XCTAssertNil(cache.comparison(national: national, provincial: provincial))
        cache.store(comparison, national: national, provincial: provincial)
        assertSameComparison(cache.comparison(national: national, provincial: provincial), comparison)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        XCTAssertEqual(names, [cache.key(national: national, provincial: provincial) + ".json"])
        // The same texts imported again give the same key.
        XCTAssertNotNil(
            cache.comparison(national: BundledDocument.national.load(), provincial: BundledDocument.provincial.load()))
    }

    func testAnyChangeOfTheTextsOrOfTheBuildChangesTheKey() throws {
        let cache = ComparisonCache(directory: try temporaryDirectory(), toolVersion: "test 1")
        let key = cache.key(national: national, provincial: provincial)
        XCTAssertEqual(key.count, 16)
        XCTAssertEqual(key, cache.key(national: national, provincial: provincial))
        XCTAssertNotEqual(key, cache.key(national: provincial, provincial: national), "the sides matter")
        XCTAssertNotEqual(
            key,
            ComparisonCache(directory: cache.directory, toolVersion: "test 2").key(
                national: national, provincial: provincial))
        // One punctuation mark deep inside: the fingerprint ignores it, the comparison's diffs do not.
        var edited = provincial
        let target = try XCTUnwrap(edited.divisions.indices.first { !edited.divisions[$0].children.isEmpty })
        let paragraph = try XCTUnwrap(edited.divisions[target].children[0].paragraphs.first)
        edited.divisions[target].children[0].paragraphs[0] =
            paragraph.contains("，")
            ? paragraph.replacingOccurrences(of: "，", with: ",") : paragraph.replacingOccurrences(of: ",", with: "，")
        XCTAssertNotEqual(paragraph, edited.divisions[target].children[0].paragraphs[0])
        XCTAssertNotEqual(key, cache.key(national: national, provincial: edited))
        var retitled = provincial
        retitled.divisions[target].children[0].id += "x"
        XCTAssertNotEqual(key, cache.key(national: national, provincial: retitled))
    }

    func testADamagedOrForeignFileIsAMissAndIsRemoved() throws {
        let cache = ComparisonCache(directory: try temporaryDirectory(), toolVersion: "test")
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let key = cache.key(national: national, provincial: provincial)
        let path = cache.directory.appendingPathComponent(key + ".json").path

        cache.store(comparison, forKey: key)
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(cache.comparison(forKey: key))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a damaged entry is removed")

        // A file of another format version, or another key's content under this name.
        cache.store(comparison, forKey: key)
        let text = try XCTUnwrap(
            String(data: try XCTUnwrap(FileManager.default.contents(atPath: path)), encoding: .utf8))
        try text.replacingOccurrences(of: "\"version\":\(ComparisonCache.formatVersion)", with: "\"version\":999")
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertNil(cache.comparison(forKey: key))
        cache.store(comparison, forKey: "0000000000000001")
        try FileManager.default.moveItem(
            atPath: cache.directory.appendingPathComponent("0000000000000001.json").path, toPath: path)
        XCTAssertNil(cache.comparison(forKey: key))
    }

    func testTheCacheKeepsTheMostRecentlyUsedWithinItsBounds() throws {
        var cache = ComparisonCache(directory: try temporaryDirectory(), toolVersion: "test")
        cache.maximumFiles = 3
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let keys = (1...5).map { String(format: "%016x", $0) }
        let start = Date().addingTimeInterval(-1000)
        for (index, key) in keys.enumerated() {
            cache.store(comparison, forKey: key)
            // Distinct last-use times, oldest first (file dates may be coarse).
            for (older, olderKey) in keys.prefix(index + 1).enumerated() {
                try? FileManager.default.setAttributes(
                    [.modificationDate: start.addingTimeInterval(Double(older))],
                    ofItemAtPath: cache.directory.appendingPathComponent(olderKey + ".json").path)
            }
        }
        cache.prune()
        XCTAssertEqual(
            Set(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)),
            Set(keys.suffix(3).map { $0 + ".json" }))

        // A hit counts as a use: the oldest entry, once read, outlives newer ones.
        XCTAssertNotNil(cache.comparison(forKey: keys[2]))
        cache.store(comparison, forKey: String(format: "%016x", 6))
        let remaining = Set(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path))
        XCTAssertTrue(remaining.contains(keys[2] + ".json"), "\(remaining)")
        XCTAssertEqual(remaining.count, 3)

        var small = cache
        small.maximumBytes = 1
        small.prune()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path), [])
    }

    func testWritersAndReadersAtOnceNeverSeeHalfAFile() throws {
        let cache = ComparisonCache(directory: try temporaryDirectory(), toolVersion: "test")
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let key = cache.key(national: national, provincial: provincial)
        let found = Collected()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<10 {
                if worker % 2 == 0 {
                    cache.store(comparison, forKey: key)
                } else if let read = cache.comparison(forKey: key) {
                    found.append(
                        Data("\(read.links == comparison.links && read.provenance == comparison.provenance)\n".utf8))
                }
            }
        }
        XCTAssertFalse(found.text.contains("false"))
        assertSameComparison(cache.comparison(forKey: key), comparison)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: cache.directory.path), [key + ".json"],
            "no temporary files left behind")
    }

    func testDefaultDirectory() {
        XCTAssertEqual(
            ComparisonCache.defaultDirectory(environment: ["DUIZHAO_CACHE_DIR": "/c"]).path, "/c/comparisons")
        XCTAssertEqual(
            ComparisonCache.defaultDirectory(environment: ["DUIZHAO_DATA_DIR": "/d", "XDG_CACHE_HOME": "/x"]).path,
            "/d/cache/comparisons")
        XCTAssertEqual(
            ComparisonCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]).path,
            "/x/duizhao/comparisons")
        XCTAssertEqual(
            ComparisonCache.defaultDirectory(environment: ["HOME": "/h"]).path, "/h/.cache/duizhao/comparisons")
    }
}
