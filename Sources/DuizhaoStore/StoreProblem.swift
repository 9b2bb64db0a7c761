import DuizhaoCore
import FoundationEssentials

/// What a store opened as: fully usable, readable only, or not at all.
public enum StoreAccess: String, Sendable, Equatable {
    /// Bookmarks and reading state can be read and written.
    case readWrite = "read-write"
    /// Bookmarks can be listed; every change is refused (the file is never written).
    case readOnly = "read-only"
    /// Nothing can be read or written; the reader runs without bookmarks.
    case disabled
}

/// Why a store is not fully usable: which file and what is wrong with it.
public struct StoreProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Not an SQLite database, or a damaged one.
        case corrupt
        /// An SQLite database, but not a duizhao bookmark store.
        case notAStore = "not-a-store"
        /// Written by a newer duizhao with schema changes this version does not know.
        case newerSchema = "newer-schema"
        /// The file exists but cannot be read (permissions).
        case unreadable
        /// The file or its directory cannot be written (permissions, read-only file system).
        case readOnlyLocation = "read-only-location"
        /// The directory for a new store cannot be created.
        case cannotCreate = "cannot-create"
        /// SQLite refused to open the file for another reason.
        case openFailed = "open-failed"
    }

    public var kind: Kind
    /// The file (or directory) concerned.
    public var path: String
    /// What is wrong, in words.
    public var detail: String

    public var description: String { "\(path): \(detail)" }
}

/// Errors of store operations.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A change was asked of a store opened read-only or disabled; the problem says why.
    case notWritable(StoreProblem)
    /// A read was asked of a disabled store.
    case unavailable(StoreProblem)
    /// No bookmark has this id.
    case noSuchBookmark(Int64)
    /// No alignment correction has this id.
    case noSuchCorrection(Int64)
    /// The document has no division with this id.
    case noSuchClause(id: String, document: String)
    /// Another process held the store's lock for longer than the busy timeout; nothing was changed.
    case busy(path: String)
    /// SQLite failed during an operation (disk full, I/O error, …).
    case databaseFailure(path: String, detail: String)

    public var description: String {
        switch self {
        case .notWritable(let problem): return "bookmarks are read-only: \(problem)"
        case .unavailable(let problem): return "bookmarks are unavailable: \(problem)"
        case .noSuchBookmark(let id): return "no bookmark with id \(id)"
        case .noSuchCorrection(let id): return "no alignment correction with id \(id) (see duizhao align list)"
        case .noSuchClause(let id, let document): return "\(document): no division with id '\(id)'"
        case .busy(let path): return "\(path): the bookmark store is busy; try again"
        case .databaseFailure(let path, let detail): return "\(path): \(detail)"
        }
    }
}

/// Where the store lives.
public enum StoreLocation {
    /// The file name of the database inside the store directory.
    public static let databaseFileName = "bookmarks.sqlite"

    /// `$DUIZHAO_DATA_DIR` if set, else `$XDG_DATA_HOME/duizhao`, else `~/.local/share/duizhao`.
    public static func defaultDirectory(
        environment: ProcessEnvironment = .current
    ) -> URL {
        URL(fileURLWithPath: defaultDirectoryPath(environment: environment), isDirectory: true)
    }

    /// `defaultDirectory` as a path.
    public static func defaultDirectoryPath(
        environment: ProcessEnvironment = .current
    ) -> String {
        if let directory = environment["DUIZHAO_DATA_DIR"], !directory.isEmpty { return directory }
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty, dataHome.hasPrefix("/") {
            return dataHome + "/duizhao"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? accountHomeDirectory()
        return home + "/.local/share/duizhao"
    }
}
