import DuizhaoCore

/// What a key does in the help overlay (any other key closes it).
public enum HelpCommand: Sendable, Equatable, CaseIterable {
    case down, up, close
}

/// One line of the help overlay.
enum HelpLine: Sendable, Equatable {
    case title(String)
    case binding(keys: String, help: String)
    case blank
}

/// The `?` overlay: the key tables of the screen beneath, scrollable.
public struct HelpScreen: ScreenModel {
    public static let keys = KeyTable<HelpCommand>(
        "this help (any other key closes it)",
        [
            .init([key("j"), .down], "scroll down", .down),
            .init([key("k"), .up], "scroll up", .up),
            .init([key("q"), .escape, key("?"), .enter, key(" ")], "close", .close),
        ])

    let lines: [HelpLine]
    /// The first line shown.
    var scroll = 0

    /// A help listing `sections` in order (the opening screen's key tables).
    public init(sections: [HelpSection]) {
        lines = sections.enumerated().flatMap { index, section in
            (index == 0 ? [] : [HelpLine.blank]) + [HelpLine.title(section.title)]
                + section.lines.map { HelpLine.binding(keys: $0.keys, help: $0.help) }
        }
    }

    public var isOverlay: Bool { true }

    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        guard case .input(let event) = message else { return [] }
        // Rows as at the narrowest help column (the render stops at the last page for the actual width).
        let lastLine = max(0, rows(helpRoom: 10).count - 1)
        switch event {
        case .resize:
            return []
        case .wheel(_, _, let count):
            scroll = min(max(0, scroll + count), lastLine)
            return []
        default:
            switch Self.keys.command(for: event) {
            case .down: scroll = min(scroll + 1, lastLine)
            case .up: scroll = max(0, scroll - 1)
            case .close, nil: return [.close]
            }
            return []
        }
    }

    /// One row of the box: a title, the first row of a binding (with its keys) or a continuation of its help.
    enum Row {
        case title(String)
        case help(keys: String, text: String)
        case blank
    }

    /// The lines laid out in rows: help text longer than `helpRoom` cells wraps under itself (never cut).
    func rows(helpRoom: Int) -> [Row] {
        lines.flatMap { line -> [Row] in
            switch line {
            case .title(let title): return [.title(title)]
            case .blank: return [.blank]
            case .binding(let keys, let help):
                let wrapped = LineBreaker.wrapLines(help, width: max(1, helpRoom)).map(\.text)
                return wrapped.enumerated().map { .help(keys: $0.offset == 0 ? keys : "", text: $0.element) }
            }
        }
    }

    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        var keyColumn = 0
        var helpWidth = 0
        var titleWidth = 0
        for line in lines {
            switch line {
            case .title(let title): titleWidth = max(titleWidth, DisplayWidth.of(title))
            case .binding(let keys, let help):
                keyColumn = max(keyColumn, DisplayWidth.of(keys))
                helpWidth = max(helpWidth, DisplayWidth.of(help))
            case .blank: break
            }
        }
        // The help column gets what the box leaves after the keys (at least 10 cells): longer help wraps.
        let helpRoom = min(helpWidth, max(10, area.width - 4 - keyColumn - 2))
        let rows = rows(helpRoom: helpRoom)
        let box = writer.box(
            in: area, title: "keys · ? or Esc closes, j/k scroll",
            innerWidth: max(titleWidth, keyColumn + 2 + helpRoom),
            innerHeight: rows.count)
        let limit = box.x + box.width
        for (offset, line) in rows.dropFirst(min(scroll, max(0, rows.count - box.height))).prefix(box.height)
            .enumerated()
        {
            let row = box.y + offset
            switch line {
            case .title(let title):
                writer.write(title, row: row, column: box.x, limit: limit, role: .overlayHeading)
            case .help(let keys, let text):
                writer.write(keys, row: row, column: box.x, limit: limit, role: .overlay)
                writer.write(text, row: row, column: box.x + keyColumn + 2, limit: limit, role: .overlay)
            case .blank:
                break
            }
        }
    }
}
