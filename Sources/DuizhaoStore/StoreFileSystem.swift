import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the store asks of the file system itself (everything else goes through SQLite). An injectable seam, so
/// tests can change the files between the store's look and SQLite's open, as another process would.
public protocol StoreFileSystem: Sendable {
    /// Whether `path` is missing, a directory or something else.
    func itemKind(atPath path: String) -> StoreItemKind
    /// Creates the directory and its parents.
    func createDirectory(atPath path: String) throws
    /// Whether files can be created and removed in the directory (access(2) `W_OK | X_OK`). Asked only of the
    /// store directory, which no other duizhao process creates or removes, so the answer cannot go stale.
    func canCreateFiles(inDirectory path: String) -> Bool
    /// Tries to open an existing file (for writing, or for reading) and closes it again: 0 when that works,
    /// else the errno (`ENOENT` when the file is not there, `EACCES`/`EPERM`/`EROFS` when it is refused).
    func openError(atPath path: String, writing: Bool) -> Int32
}

/// The answer of `StoreFileSystem.itemKind(atPath:)`.
public enum StoreItemKind: Sendable, Equatable {
    case missing
    case directory
    /// A file (or anything that is not a directory).
    case file
}

/// The real file system.
public struct LocalStoreFileSystem: StoreFileSystem {
    public init() {}

    public func itemKind(atPath path: String) -> StoreItemKind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    public func createDirectory(atPath path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func canCreateFiles(inDirectory path: String) -> Bool {
        access(path, W_OK | X_OK) == 0
    }

    public func openError(atPath path: String, writing: Bool) -> Int32 {
        let descriptor = open(path, (writing ? O_WRONLY : O_RDONLY) | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return errno }
        close(descriptor)
        return 0
    }
}

/// How long the store waits for another process's lock, and the file system it looks at.
public struct StoreOptions: Sendable {
    /// How long one operation (or the opening) waits for a lock held by another process before it gives up
    /// with `StoreError.busy`. SQLite's busy handler waits first; busy answers that come back without waiting
    /// are retried until the same deadline.
    public var busyTimeout: TimeInterval
    public var fileSystem: any StoreFileSystem

    public init(busyTimeout: TimeInterval = 10, fileSystem: any StoreFileSystem = LocalStoreFileSystem()) {
        self.busyTimeout = busyTimeout
        self.fileSystem = fileSystem
    }

    /// The environment variable that overrides `busyTimeout` (seconds) for `BookmarkStore.openDefault`.
    public static let busyTimeoutVariable = "DUIZHAO_STORE_BUSY_TIMEOUT"

    /// The default options, with `busyTimeout` from `$DUIZHAO_STORE_BUSY_TIMEOUT` when it is a number ≥ 0.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StoreOptions
    {
        var options = StoreOptions()
        if let text = environment[busyTimeoutVariable], let seconds = TimeInterval(text), seconds >= 0, seconds.isFinite
        {
            options.busyTimeout = seconds
        }
        return options
    }
}

/// The home directory of the account running duizhao (from the password database), for when `$HOME` is unset.
func accountHomeDirectory() -> String {
    guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return "/" }
    return String(cString: directory)
}
