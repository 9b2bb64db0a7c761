import DuizhaoCompare
import DuizhaoCore
import Foundation

/// Finished comparisons on disk, so that a pair opened before shows its aligned first screen at once.
///
/// One JSON file per pair, named by the key: a hash of the two documents' exact content (as imported) and of
/// `toolVersion` (the build that computed it: a new importer or comparator never reads an old result). Each
/// file repeats the format version and the key, and a file that does not match or does not decode is a miss
/// (and is removed). Writes go to a private temporary file that is renamed into place, so two processes
/// writing the same pair leave one complete file and a reader never sees half of one. After a write the oldest
/// files (by last use) are removed until the directory is under `maximumBytes` and `maximumFiles`.
public struct ComparisonCache: Sendable {
    /// Bumped whenever the file layout changes.
    public static let formatVersion = 2

    public let directory: URL
    /// Identifies the code that computes comparisons (e.g. the version and the executable's size and date).
    public let toolVersion: String
    public var maximumBytes: Int = 64 << 20
    public var maximumFiles: Int = 256

    public init(directory: URL, toolVersion: String) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    /// `$DUIZHAO_CACHE_DIR`, else `$DUIZHAO_DATA_DIR/cache` (so a data directory set for tests or a portable
    /// install keeps its cache beside it), else `$XDG_CACHE_HOME/duizhao`, else `~/.cache/duizhao`; then
    /// `comparisons/`.
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let base: URL
        if let directory = nonEmpty("DUIZHAO_CACHE_DIR") {
            base = URL(fileURLWithPath: directory, isDirectory: true)
        } else if let data = nonEmpty("DUIZHAO_DATA_DIR") {
            base = URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("cache", isDirectory: true)
        } else if let cacheHome = nonEmpty("XDG_CACHE_HOME"), cacheHome.hasPrefix("/") {
            base = URL(fileURLWithPath: cacheHome, isDirectory: true).appendingPathComponent(
                "duizhao", isDirectory: true)
        } else {
            let home = nonEmpty("HOME") ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(
                ".cache/duizhao", isDirectory: true)
        }
        return base.appendingPathComponent("comparisons", isDirectory: true)
    }

    /// The key of a pair: 16 hexadecimal digits.
    public func key(national: PolicyDocument, provincial: PolicyDocument) -> String {
        var hash = FNV1a64()
        hash.combine("duizhao-comparison-v\(Self.formatVersion)\u{0}\(toolVersion)\u{0}".utf8)
        Self.combine(national, into: &hash)
        hash.combine([0xFF])
        Self.combine(provincial, into: &hash)
        return hash.hexDigest
    }

    /// Every piece of an imported document the comparison can depend on, with separators.
    private static func combine(_ document: PolicyDocument, into hash: inout FNV1a64) {
        func field(_ text: String) {
            hash.combine(text.utf8)
            hash.combine([0x00])
        }
        func fields(_ texts: [String]) {
            field(String(texts.count))
            texts.forEach(field)
        }
        func combineDivision(_ division: Division) {
            field(division.id)
            field(division.kind.rawValue)
            field(division.label)
            field(String(division.number))
            field(division.title)
            fields(division.paragraphs)
            field(String(division.children.count))
            division.children.forEach(combineDivision)
        }
        field(document.title)
        fields(document.issuers)
        field(document.date ?? "")
        field(document.documentNumber ?? "")
        fields(document.notice)
        fields(document.preamble)
        field(String(document.divisions.count))
        document.divisions.forEach(combineDivision)
    }

    private func fileURL(forKey key: String) -> URL { directory.appendingPathComponent(key + ".json") }

    /// The cached comparison of the pair, or nil (never cached, written by another build, or damaged).
    public func comparison(national: PolicyDocument, provincial: PolicyDocument) -> Comparison? {
        comparison(forKey: key(national: national, provincial: provincial))
    }

    public func comparison(forKey key: String) -> Comparison? {
        let url = fileURL(forKey: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        guard let file = try? JSONDecoder().decode(CachedComparisonFile.self, from: data),
            file.version == Self.formatVersion, file.key == key
        else {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
        // Last use, for pruning.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        return file.comparison
    }

    /// Stores the comparison of the pair (atomically: a private file renamed into place), then prunes.
    /// Failures (a read-only or full disk) are ignored: the cache only saves time.
    public func store(_ comparison: Comparison, national: PolicyDocument, provincial: PolicyDocument) {
        store(comparison, forKey: key(national: national, provincial: provincial))
    }

    public func store(_ comparison: Comparison, forKey key: String) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(
                CachedComparisonFile(version: Self.formatVersion, key: key, comparison: comparison))
            let temporary = directory.appendingPathComponent(".\(key)-\(getpid())-\(UUID().uuidString).tmp")
            guard fileManager.createFile(atPath: temporary.path, contents: data) else { return }
            if rename(temporary.path, fileURL(forKey: key).path) != 0 {
                try? fileManager.removeItem(at: temporary)
                return
            }
            prune()
        } catch {
            return
        }
    }

    /// Removes the least recently used files until the cache is within its bounds, and temporary files a
    /// killed writer left (older than a minute).
    public func prune() {
        let fileManager = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        guard let urls = try? fileManager.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys) else {
            return
        }
        var entries: [(url: URL, date: Date, size: Int)] = []
        for url in urls {
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
            let date = values.contentModificationDate ?? .distantPast
            if url.pathExtension == "tmp" {
                if date < Date().addingTimeInterval(-60) { try? fileManager.removeItem(at: url) }
                continue
            }
            guard url.pathExtension == "json" else { continue }
            entries.append((url, date, values.fileSize ?? 0))
        }
        entries.sort { $0.date > $1.date }
        var bytes = 0
        for (index, entry) in entries.enumerated() {
            bytes += entry.size
            if index >= maximumFiles || bytes > maximumBytes { try? fileManager.removeItem(at: entry.url) }
        }
    }
}

/// The file: format version and key, then the comparison.
private struct CachedComparisonFile: Codable {
    var version: Int
    var key: String
    var comparison: Comparison
}
