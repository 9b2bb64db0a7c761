import DuizhaoCore
import GRDB

/// Bookmark store on SQLite (under construction).
public enum BookmarkStoreInfo {
    /// The schema version this build writes.
    public static let schemaVersion = 1
}
