import DuizhaoCore
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory of cache files, one per key (`KEY.EXTENSION`), shared by processes: the comparison cache and
/// the frame cache.
///
/// Writes go to a private temporary file that is renamed into place, so two processes writing one key leave
/// one complete file and a reader never sees half of one. Reading a file marks it used; after a write the
/// least recently used files are removed until the directory is within `maximumBytes` and `maximumFiles`,
/// with temporary files a killed writer left. Failures (a read-only or full disk) are ignored: a cache only
/// saves time.
public struct CacheDirectory: Sendable {
    /// The directory (a path, not a `URL`: reading a file is on the start-up path, where `URL`'s first use
    /// costs a third of a millisecond).
    public let path: String
    public let fileExtension: String
    public var maximumBytes = 64 << 20
    public var maximumFiles = 256

    public init(path: String, fileExtension: String) {
        self.path = path
        self.fileExtension = fileExtension
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Where duizhao's caches live: `$DUIZHAO_CACHE_DIR`, else `$DUIZHAO_DATA_DIR/cache` (so a data directory
    /// set for tests or a portable install keeps its cache beside it), else `$XDG_CACHE_HOME/duizhao`, else
    /// `~/.cache/duizhao`. Each cache is a subdirectory.
    public static func base(environment: ProcessEnvironment = .current) -> URL {
        URL(fileURLWithPath: basePath(environment: environment), isDirectory: true)
    }

    /// `base` as a path.
    public static func basePath(environment: ProcessEnvironment = .current) -> String {
        func nonEmpty(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let directory = nonEmpty("DUIZHAO_CACHE_DIR") { return directory }
        if let data = nonEmpty("DUIZHAO_DATA_DIR") { return data + "/cache" }
        if let cacheHome = nonEmpty("XDG_CACHE_HOME"), cacheHome.hasPrefix("/") { return cacheHome + "/duizhao" }
        return (nonEmpty("HOME") ?? accountHomeDirectory()) + "/.cache/duizhao"
    }

    public func filePath(forKey key: String) -> String { path + "/" + key + "." + fileExtension }

    /// The file's bytes (read with plain system calls: this is on the start-up path), marking it used; nil
    /// when there is none or it cannot be read.
    public func contents(forKey key: String) -> [UInt8]? {
        let descriptor = open(filePath(forKey: key), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        _ = futimens(descriptor, nil)  // last use, for pruning
        return bytes
    }

    /// Removes the file of `key` (e.g. one that did not decode).
    public func remove(key: String) {
        unlink(filePath(forKey: key))
    }

    /// Stores `bytes` under `key` atomically, then prunes. Returns whether the file is in place.
    @discardableResult
    public func write(_ bytes: some DataProtocol, forKey key: String) -> Bool {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            return false
        }
        let temporary = path + "/.\(key)-\(getpid())-\(UUID().uuidString).tmp"
        guard fileManager.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
        guard rename(temporary, filePath(forKey: key)) == 0 else {
            unlink(temporary)
            return false
        }
        prune()
        return true
    }

    /// Removes the least recently used files until the directory is within its bounds, and temporary files
    /// a killed writer left (older than a minute).
    public func prune() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        var entries: [(path: String, modified: Double, size: Int)] = []
        let staleTemporary = Date().timeIntervalSince1970 - 60
        for name in names {
            let filePath = path + "/" + name
            var status = stat()
            guard lstat(filePath, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            #if os(Linux)
                let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
            #else
                let modified = Double(status.st_mtimespec.tv_sec) + Double(status.st_mtimespec.tv_nsec) / 1e9
            #endif
            if name.hasSuffix(".tmp") {
                if modified < staleTemporary { unlink(filePath) }
                continue
            }
            guard name.hasSuffix("." + fileExtension) else { continue }
            entries.append((filePath, modified, Int(status.st_size)))
        }
        entries.sort { $0.modified > $1.modified }
        var bytes = 0
        for (index, entry) in entries.enumerated() {
            bytes += entry.size
            if index >= maximumFiles || bytes > maximumBytes { unlink(entry.path) }
        }
    }
}

/// What a file is now, cheaply (one `stat`): device, inode, size and modification time to the nanosecond, or
/// `-` when it does not exist. Two equal stamps mean the file was not replaced or written in between, for
/// keys of caches that must not outlive a change of their inputs.
public enum FileStamp {
    public static func of(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "-" }
        return stamp(status)
    }

    /// The stamp of a regular file; nil for anything else (a pipe is new at every start: no key to keep).
    public static func ofRegularFile(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return stamp(status)
    }

    private static func stamp(_ status: stat) -> String {
        #if os(Linux)
            let modified = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        #else
            let modified = "\(status.st_mtimespec.tv_sec).\(status.st_mtimespec.tv_nsec)"
        #endif
        return "\(status.st_dev):\(status.st_ino):\(status.st_size):\(modified)"
    }
}

extension StoreLocation {
    /// The state of the store in `directory` (its database and write-ahead log, by `FileStamp`): it changes
    /// with every write, so a cached frame showing bookmarks and a reading position is only used while it
    /// stays the same.
    public static func stamp(directoryPath: String) -> String {
        let database = directoryPath + "/" + databaseFileName
        return FileStamp.of(database) + "|" + FileStamp.of(database + "-wal")
    }
}
