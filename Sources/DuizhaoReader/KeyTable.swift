/// One entry of a key table: the keys, what the help says, the command they run.
public struct KeyBinding<Command: Sendable & Equatable>: Sendable {
    public let keys: [InputEvent]
    public let help: String
    public let command: Command

    public init(_ keys: [InputEvent], _ help: String, _ command: Command) {
        self.keys = keys
        self.help = help
        self.command = command
    }

    /// The keys as the help shows them (`j  ↓  Ctrl-N`).
    public var keyNames: String { keys.map(\.keyName).joined(separator: "  ") }
}

/// The keys of one mode (reading, outline, help, bookmark list, prompt). The same table drives dispatch
/// (`command(for:)`) and the `?` help, so a key cannot work without being listed or be listed without working.
public struct KeyTable<Command: Sendable & Equatable>: Sendable {
    /// The heading of this mode in the help.
    public let title: String
    public let bindings: [KeyBinding<Command>]

    public init(_ title: String, _ bindings: [KeyBinding<Command>]) {
        self.title = title
        self.bindings = bindings
    }

    /// The command bound to an event, if any (the first binding that lists it).
    public func command(for event: InputEvent) -> Command? {
        bindings.first { $0.keys.contains(event) }?.command
    }

    /// The table as the help lists it: a heading, then one line per binding.
    public var helpSection: HelpSection {
        HelpSection(title: title, lines: bindings.map { (keys: $0.keyNames, help: $0.help) })
    }
}

/// A titled block of the help overlay.
public struct HelpSection: Sendable {
    public let title: String
    public let lines: [(keys: String, help: String)]

    public init(title: String, lines: [(keys: String, help: String)]) {
        self.title = title
        self.lines = lines
    }
}

extension InputEvent {
    /// How the help names this key: `j`, `Space`, `↓`, `PgDn`, `Ctrl-F`, `Shift-Tab`.
    public var keyName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character):
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
                scalar.value >= 0x01, scalar.value <= 0x1A
            {
                return "Ctrl-" + String(Character(Unicode.Scalar(scalar.value + 0x40)!))
            }
            return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .resize: return "resize"
        case .wheel: return "mouse wheel"
        case .click: return "mouse click"
        }
    }
}

/// A control key as the terminal delivers it (`control("f")` is Ctrl-F).
func control(_ letter: Character) -> InputEvent {
    let value = letter.unicodeScalars.first!.value & 0x1F
    return .character(Character(Unicode.Scalar(value)!))
}

/// Shorthand for a character key in the tables.
func key(_ character: Character) -> InputEvent { .character(character) }
