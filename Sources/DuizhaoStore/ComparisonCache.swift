import DuizhaoCompare
import DuizhaoCore
import FoundationEssentials

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
    public static let formatVersion = 3

    public let directory: URL
    /// Identifies the code that computes comparisons (e.g. the version and the executable's size and date).
    public let toolVersion: String
    public var maximumBytes: Int = 64 << 20
    public var maximumFiles: Int = 256

    public init(directory: URL, toolVersion: String) {
        self.directory = directory
        self.toolVersion = toolVersion
    }

    /// `comparisons/` in the cache directory (`CacheDirectory.base`).
    public static func defaultDirectory(
        environment: ProcessEnvironment = .current
    ) -> URL {
        CacheDirectory.base(environment: environment).appendingPathComponent("comparisons", isDirectory: true)
    }

    private var files: CacheDirectory {
        var files = CacheDirectory(path: directory.path, fileExtension: "json")
        files.maximumBytes = maximumBytes
        files.maximumFiles = maximumFiles
        return files
    }

    /// The key of a pair: 16 hexadecimal digits. The hand corrections applied (`duizhao align`) are part of it: a
    /// correction added or removed is another comparison (none: the key of the pair alone).
    public func key(
        national: PolicyDocument, provincial: PolicyDocument, corrections: [AlignmentCorrection] = []
    ) -> String {
        var hash = FNV1a64()
        hash.combine("duizhao-comparison-v\(Self.formatVersion)\u{0}\(toolVersion)\u{0}".utf8)
        Self.combine(national, into: &hash)
        hash.combine([0xFF])
        Self.combine(provincial, into: &hash)
        if !corrections.isEmpty {
            hash.combine([0xFE])
            for correction in corrections {
                hash.combine(
                    "\(correction.national)\u{0}\(correction.provincial)\u{0}\(correction.kind?.rawValue ?? "-")\u{0}"
                        .utf8)
            }
        }
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

    /// The comparison of the pair, if cached.
    public func comparison(national: PolicyDocument, provincial: PolicyDocument) -> Comparison? {
        comparison(forKey: key(national: national, provincial: provincial))
    }

    public func comparison(forKey key: String) -> Comparison? {
        guard let bytes = files.contents(forKey: key) else { return nil }
        guard let file = try? JSONDecoder().decode(CachedComparisonFile.self, from: Data(bytes)),
            file.version == Self.formatVersion, file.key == key
        else {
            files.remove(key: key)
            return nil
        }
        return file.comparison
    }

    /// Stores the comparison of the pair (atomically: a private file renamed into place), then prunes.
    /// Failures (a read-only or full disk) are ignored: the cache only saves time.
    public func store(_ comparison: Comparison, national: PolicyDocument, provincial: PolicyDocument) {
        store(comparison, forKey: key(national: national, provincial: provincial))
    }

    public func store(_ comparison: Comparison, forKey key: String) {
        guard
            let data = try? JSONEncoder().encode(
                CachedComparisonFile(version: Self.formatVersion, key: key, comparison: comparison))
        else { return }
        files.write(data, forKey: key)
    }

    /// Removes the least recently used files until the cache is within its bounds, and temporary files a
    /// killed writer left (older than a minute).
    public func prune() {
        files.prune()
    }
}

/// The file: format version and key, then the comparison.
private struct CachedComparisonFile: Codable {
    var version: Int
    var key: String
    var comparison: Comparison
}
