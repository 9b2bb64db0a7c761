import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import FoundationEssentials

/// The first screen of a reading session, kept on disk from the last session on the same documents at the
/// same terminal size, so that a pair read before is on the screen before anything is imported.
///
/// A frame is keyed by the build, the inputs (bundled texts by name, files by `FileStamp`) and the size. It
/// shows bookmarks and the reading position, so it also records the store as it was: the files'
/// `StoreLocation.stamp` (checked with two `stat`s) and, for when the store was written since (another pair's
/// position, say), the pair's key and `BookmarkStore.firstFrameView(of:)` (its access, bookmark revision and the
/// pair's reading state: what the frame shows of the store). It is written when a session ends normally: the
/// screen a new session would draw first, made by the same start-up code. The real first frame still follows:
/// it is drawn over the kept one through the screen diff, which sends nothing when they are the same, so a
/// wrong frame never outlives the start.
public struct FrameCache: Sendable {
    /// Bumped whenever the file layout changes.
    public static let formatVersion = 2
    private static let magic = Array("DZFRAME\(formatVersion)\n".utf8)

    private let files: CacheDirectory

    /// The cache in the directory at `path`.
    public init(path: String) {
        var files = CacheDirectory(path: path, fileExtension: "frame")
        files.maximumBytes = 16 << 20
        files.maximumFiles = 128
        self.files = files
    }

    /// `frames/` in the cache directory (`CacheDirectory.basePath`).
    public static func defaultPath(environment: ProcessEnvironment = .current) -> String {
        CacheDirectory.basePath(environment: environment) + "/frames"
    }

    /// The key of a session's first frame: 16 hexadecimal digits.
    public static func key(build: String, inputs: [String], width: Int, height: Int) -> String {
        var hash = FNV1a64()
        hash.combine("duizhao-frame-v\(formatVersion)\u{0}\(build)\u{0}\(width)x\(height)".utf8)
        for input in inputs { hash.combine("\u{0}\(input)".utf8) }
        return hash.hexDigest
    }

    /// A kept frame and the store it was made with.
    public struct Kept: Sendable, Equatable {
        public var screen: Screen
        /// `StoreLocation.stamp` when it was made.
        public var storeStamp: String
        /// The pair's `DocumentPairKey.rawValue` and `BookmarkStore.firstFrameView(of:)` when it was made.
        public var pairKey: String
        public var storeView: String
    }

    /// The frame kept under `key`, if any (a file that does not decode is removed).
    public func kept(forKey key: String) -> Kept? {
        guard let bytes = files.contents(forKey: key) else { return nil }
        guard let (fileKey, kept) = Self.read(bytes), fileKey == key else {
            files.remove(key: key)
            return nil
        }
        return kept
    }

    /// The frame under `key` when it was made with the store at `storeStamp`; nil otherwise.
    public func frame(forKey key: String, storeStamp: String) -> Screen? {
        guard let kept = kept(forKey: key), kept.storeStamp == storeStamp else { return nil }
        return kept.screen
    }

    /// Keeps `screen` under `key`, made with the store at `storeStamp` showing `storeView` of the pair `pairKey`
    /// (atomically; failures are ignored).
    public func store(_ screen: Screen, forKey key: String, storeStamp: String, pairKey: String, storeView: String) {
        let header = [key, storeStamp, pairKey, storeView].map {
            $0.replacing("\n", with: " ")
        }
        files.write(
            Self.magic + Array((header.joined(separator: "\n") + "\n").utf8) + screen.archived, forKey: key)
    }

    /// The kept frame in a frame file's bytes, whatever its key; nil when it is not one.
    public static func kept(inFile bytes: [UInt8]) -> Kept? { read(bytes)?.kept }

    /// The key a frame file names and its kept frame.
    private static func read(_ bytes: [UInt8]) -> (key: String, kept: Kept)? {
        guard let header = headerLines(bytes), let screen = Screen(archive: Array(bytes[header.end...])) else {
            return nil
        }
        let lines = header.lines
        return (lines[0], Kept(screen: screen, storeStamp: lines[1], pairKey: lines[2], storeView: lines[3]))
    }

    private static let headerLineCount = 4

    /// The header's lines (key, store stamp, pair key, store view) and where the screen starts.
    private static func headerLines(_ bytes: [UInt8]) -> (lines: [String], end: Int)? {
        guard bytes.starts(with: magic) else { return nil }
        var start = magic.count
        var lines: [String] = []
        for _ in 0..<headerLineCount {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        return (lines, start)
    }
}
