import DuizhaoCore

/// What a key does in the bookmark list.
public enum BookmarkListCommand: Sendable, Equatable, CaseIterable {
    case down, up, first, last, filter, jump, delete, editNote, close
}

/// Which bookmarks the `B` list shows.
enum BookmarkFilter: Sendable, Equatable, CaseIterable {
    case all, national, provincial

    var label: String {
        switch self {
        case .all: return "all"
        case .national: return DocumentSide.national.label
        case .provincial: return DocumentSide.provincial.label
        }
    }

    func includes(_ mark: ReaderBookmark) -> Bool {
        switch self {
        case .all: return true
        case .national: return mark.side == .national
        case .provincial: return mark.side == .provincial
        }
    }
}

/// The `B` overlay: the bookmarks of the open pair. Enter asks the screen beneath to open one
/// (`ScreenRequest.openBookmark`); `e` opens a note prompt over the list, which is back when it closes.
public struct BookmarkListScreen: ScreenModel {
    public static let keys = KeyTable<BookmarkListCommand>(
        "bookmark list",
        [
            .init([key("j"), .down], "next bookmark", .down),
            .init([key("k"), .up], "previous bookmark", .up),
            .init([key("g"), .home], "first bookmark", .first),
            .init([key("G"), .end], "last bookmark", .last),
            .init([key("f"), .tab], "show all / national / provincial", .filter),
            .init([.enter], "jump to the bookmark", .jump),
            .init([key("d"), .delete], "delete the bookmark", .delete),
            .init([key("e")], "edit its note", .editNote),
            .init([key("q"), .escape, key("B")], "close", .close),
        ])

    public private(set) var bookmarks: [ReaderBookmark]
    var filter: BookmarkFilter = .all
    /// The selected row of the filtered list.
    var cursor = 0

    public init(bookmarks: [ReaderBookmark]) {
        self.bookmarks = bookmarks
    }

    public var isOverlay: Bool { true }

    var shown: [ReaderBookmark] { bookmarks.filter(filter.includes) }

    var selected: ReaderBookmark? {
        let list = shown
        return list.indices.contains(cursor) ? list[cursor] : nil
    }

    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        switch message {
        case .bookmarksLoaded(let marks):
            bookmarks = marks
            cursor = min(cursor, max(0, shown.count - 1))
            return []
        case .input(let event):
            guard let command = Self.keys.command(for: event) else { return [] }
            return perform(command)
        default:
            return []
        }
    }

    mutating func perform(_ command: BookmarkListCommand) -> [ScreenAction] {
        let count = shown.count
        switch command {
        case .down: cursor = min(cursor + 1, max(0, count - 1))
        case .up: cursor = max(0, cursor - 1)
        case .first: cursor = 0
        case .last: cursor = max(0, count - 1)
        case .filter:
            let all = BookmarkFilter.allCases
            filter = all[(all.firstIndex(of: filter)! + 1) % all.count]
            cursor = 0
        case .jump:
            guard let mark = selected else { return [] }
            return [.close, .request(.openBookmark(mark))]
        case .delete:
            guard let mark = selected else { return [] }
            bookmarks.removeAll { $0.id == mark.id }
            cursor = min(cursor, max(0, shown.count - 1))
            return [
                .effect(.removeBookmark(id: mark.id)), .notice("bookmark deleted: " + mark.clauseTitle),
                .broadcast(.bookmarksLoaded(bookmarks)),
            ]
        case .editNote:
            guard let mark = selected else { return [] }
            return [.push(PromptScreen(.note(editing: mark.id), text: mark.note))]
        case .close:
            return [.close]
        }
        return []
    }

    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        let list = shown
        // The box widens for its title where the screen allows; on a narrow one the hints go, last first.
        var parts = ["bookmarks (\(filter.label))", "Enter jump", "e note", "d delete", "f filter", "Esc"]
        let fullWidth = DisplayWidth.of(parts.joined(separator: " · "))
        let innerWidth = max(1, min(area.width - 4, max(40, area.width * 3 / 4, fullWidth)))
        while parts.count > 1, DisplayWidth.of(parts.joined(separator: " · ")) > innerWidth {
            parts.removeLast()
        }
        let box = writer.box(
            in: area, title: parts.joined(separator: " · "), innerWidth: innerWidth,
            innerHeight: max(1, min(list.count, area.height - 4)))
        let limit = box.x + box.width
        if list.isEmpty {
            writer.write(
                "no bookmarks · m bookmarks the current clause", row: box.y, column: box.x, limit: limit,
                role: .overlay)
            return
        }
        let entries = list.map { mark in
            var text = mark.side.label + " " + mark.clauseTitle
            if mark.isOrphaned { text += " (orphaned)" }
            if !mark.note.isEmpty { text += " — " + mark.note }
            return text
        }
        writer.list(entries, cursor: cursor, in: box)
    }
}

extension DocumentSide {
    /// How the reader names the document: 国家 / 省级.
    var label: String {
        switch self {
        case .national: return "国家"
        case .provincial: return "省级"
        }
    }
}
