import ArgumentParser

/// Manages bookmarks. (Under construction.)
struct BookmarksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks", abstract: "List, add, remove and export bookmarks.", version: duizhaoVersion)

    func run() throws {
        throw ValidationError("bookmarks are not built yet")
    }
}
