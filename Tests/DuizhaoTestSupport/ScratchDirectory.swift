import Foundation

/// An empty directory of one test's own under the system's temporary directory, for the files it writes and the
/// processes it runs. Its removal is handed to the test's teardown (TestSupport does not link XCTest), so a test
/// writes `let scratch = try ScratchDirectory("duizhao-cli", removedBy: addTeardownBlock)`.
public struct ScratchDirectory: Sendable {
    public let url: URL

    public init(_ prefix: String, removedBy addTeardownBlock: (@escaping @Sendable () -> Void) -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        self.url = url
    }

    /// The path of `name` inside the directory (nothing is created).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` as UTF-8 to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Writes `data` to `name` inside the directory and returns its path.
    @discardableResult
    public func write(_ data: Data, to name: String) throws -> String {
        let path = path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
