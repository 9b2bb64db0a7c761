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
        let lastLine = max(0, lines.count - 1)
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
        let box = writer.box(
            in: area, title: "keys · ? or Esc closes, j/k scroll",
            innerWidth: max(titleWidth, keyColumn + 2 + helpWidth),
            innerHeight: lines.count)
        let limit = box.x + box.width
        for (offset, line) in lines.dropFirst(scroll).prefix(box.height).enumerated() {
            let row = box.y + offset
            switch line {
            case .title(let title):
                writer.write(title, row: row, column: box.x, limit: limit, role: .overlayHeading)
            case .binding(let keys, let help):
                writer.write(keys, row: row, column: box.x, limit: limit, role: .overlay)
                writer.write(help, row: row, column: box.x + keyColumn + 2, limit: limit, role: .overlay)
            case .blank:
                break
            }
        }
    }
}
