import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import Foundation

/// The first screen of a reading session, kept on disk from the last session on the same documents at the
/// same terminal size, so that a pair read before is on the screen before anything is imported.
///
/// A frame is keyed by the build, the inputs (bundled texts by name, files by `FileStamp`) and the size, and
/// carries the bookmark store's `StoreLocation.stamp` of when it was made: bookmarks and the reading position
/// show in it, so any write to the store since makes it a miss. It is written when a session ends normally:
/// the screen a new session would draw first (the saved position, the bookmarks, the comparison), made by the
/// same start-up code. The real first frame still follows: it is drawn over the cached one through the screen
/// diff, which sends nothing when they are the same, so a wrong frame never outlives the start.
public struct FrameCache: Sendable {
    /// Bumped whenever the file layout changes.
    public static let formatVersion = 1
    private static let magic = Array("DZFRAME\(formatVersion)\n".utf8)

    private let files: CacheDirectory

    /// The cache in the directory at `path`.
    public init(path: String) {
        files = CacheDirectory(path: path, fileExtension: "frame", maximumBytes: 16 << 20, maximumFiles: 128)
    }

    /// `frames/` in the cache directory (`CacheDirectory.basePath`).
    public static func defaultPath(
        environment: ProcessEnvironment = .current
    ) -> String {
        CacheDirectory.basePath(environment: environment) + "/frames"
    }

    /// The key of a session's first frame: 16 hexadecimal digits.
    public static func key(build: String, inputs: [String], width: Int, height: Int) -> String {
        var hash = FNV1a64()
        hash.combine("duizhao-frame-v\(formatVersion)\u{0}\(build)\u{0}\(width)x\(height)".utf8)
        for input in inputs { hash.combine("\u{0}\(input)".utf8) }
        return hash.hexDigest
    }

    /// The frame stored under `key` when it was made with the store at `storeStamp`; nil otherwise (a file
    /// that does not decode is removed).
    public func frame(forKey key: String, storeStamp: String) -> Screen? {
        guard let bytes = files.contents(forKey: key) else { return nil }
        let header = Self.header(key: key, storeStamp: storeStamp)
        guard bytes.count > header.count, bytes.starts(with: header) else { return nil }
        guard let screen = Screen(archive: Array(bytes[header.count...])) else {
            files.remove(key: key)
            return nil
        }
        return screen
    }

    /// Stores `screen` under `key`, made with the store at `storeStamp` (atomically; failures are ignored).
    public func store(_ screen: Screen, forKey key: String, storeStamp: String) {
        files.write(Self.header(key: key, storeStamp: storeStamp) + screen.archived, forKey: key)
    }

    /// The screen in a frame file's bytes, whatever its key and store stamp; nil when it is not one.
    public static func screen(inFile bytes: [UInt8]) -> Screen? {
        guard bytes.starts(with: magic) else { return nil }
        var start = magic.count
        for _ in 0..<2 {  // the key's line and the stamp's
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = end + 1
        }
        return Screen(archive: Array(bytes[start...]))
    }

    private static func header(key: String, storeStamp: String) -> [UInt8] {
        magic + Array("\(key)\n\(storeStamp)\n".utf8)
    }
}
