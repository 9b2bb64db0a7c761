import DuizhaoCore

/// What a key does in a one-line prompt (other characters are typed into it).
public enum PromptCommand: Sendable, Equatable, CaseIterable {
    case submit, cancel, deleteBackward
}

/// A one-line input over the status line (search, clause number, bookmark note). It tells the screen beneath
/// what was typed (`ScreenRequest.promptEdited` / `.promptSubmitted` / `.promptCancelled`) and closes on Enter
/// or Esc.
public struct PromptScreen: ScreenModel {
    public static let keys = KeyTable<PromptCommand>(
        "prompt (/ : M; other keys type)",
        [
            .init([.enter], "search, jump or save", .submit),
            .init([.escape], "cancel", .cancel),
            .init([.backspace, .delete], "delete a character (on an empty prompt: cancel)", .deleteBackward),
        ])

    public let kind: PromptKind
    public private(set) var text: String

    public init(_ kind: PromptKind, text: String = "") {
        self.kind = kind
        self.text = text
    }

    public var isOverlay: Bool { true }

    var label: String {
        switch kind {
        case .search: return "/"
        case .jump: return "clause: "
        case .note(let editing): return editing == nil ? "bookmark note: " : "edit note: "
        }
    }

    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        guard case .input(let event) = message else { return [] }
        switch Self.keys.command(for: event) {
        case .submit:
            return [.close, .request(.promptSubmitted(kind, text: text))]
        case .cancel:
            return [.close, .request(.promptCancelled(kind))]
        case .deleteBackward:
            if text.isEmpty { return [.close, .request(.promptCancelled(kind))] }
            text.removeLast()
        case nil:
            guard case .character(let character) = event,
                !character.unicodeScalars.contains(where: TerminalSafe.isControl)
            else { return [] }
            text.append(character)
        }
        return [.request(.promptEdited(kind, text: text))]
    }

    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        let row = area.bottom
        let limit = area.x + area.width
        writer.fill(row: row, from: area.x, to: limit, role: .status)
        let end = writer.write(label + text, row: row, column: area.x, limit: limit, role: .status)
        writer.screen.cursor = CursorPosition(row: row, column: min(end, limit - 1))
        if let notice = context.notice {
            writer.write("  " + notice, row: row, column: end, limit: limit, role: .statusMessage)
        }
    }
}
