import DuizhaoCompare
import DuizhaoCore

/// What a key does in the link picker (other characters filter the list).
public enum LinkPickerCommand: Sendable, Equatable, CaseIterable {
    case down, up, pageDown, pageUp, choose, cancel, deleteBackward
}

/// `a` in the reader: links the focused provision by hand to a provision of the other document. A list of the
/// other document's provisions (label and first words, the current links marked), filtered as you type; Enter
/// asks the kind (`m` match, `p` partial, `r` related) and sends the correction as an effect
/// (`ReaderEffect.correctAlignment`), which the session stores and applies by comparing again.
public struct LinkPickerScreen: ScreenModel {
    public static let keys = KeyTable<LinkPickerCommand>(
        "link by hand (a; other keys filter)",
        [
            .init([.down, InputEvent.character("\u{0E}")], "next provision", .down),
            .init([.up, InputEvent.character("\u{10}")], "previous provision", .up),
            .init([.pageDown], "page down", .pageDown),
            .init([.pageUp], "page up", .pageUp),
            .init([.enter], "choose it, then the kind: m match · p partial · r related", .choose),
            .init([.escape], "cancel (or back from the kind)", .cancel),
            .init([.backspace, .delete], "delete a filter character", .deleteBackward),
        ])

    /// One provision of the other document.
    public struct Candidate: Sendable, Equatable {
        public var id: String
        /// Label and title, or label and first words (`第八条 村民委员会的主要职责…`).
        public var name: String
        /// The kind of its current link with the focused provision, if any.
        public var linked: LinkKind?

        public init(id: String, name: String, linked: LinkKind?) {
            self.id = id
            self.name = name
            self.linked = linked
        }
    }

    /// The side of the focused provision, its id and its name.
    public let side: DocumentSide
    public let provision: String
    public let provisionName: String
    public let candidates: [Candidate]
    public private(set) var filter = ""
    public private(set) var cursor = 0
    /// The provision chosen, while the kind is asked.
    public private(set) var chosen: Candidate?
    var pageRows = 10

    public init(side: DocumentSide, provision: String, provisionName: String, candidates: [Candidate]) {
        self.side = side
        self.provision = provision
        self.provisionName = provisionName
        self.candidates = candidates
    }

    public var isOverlay: Bool { true }

    /// The candidates the filter lets through (every character of it, in order, in the name: `8` or `第八` or
    /// `职责`).
    public var shown: [Candidate] {
        guard !filter.isEmpty else { return candidates }
        return candidates.filter { $0.name.contains(filter) || $0.id == filter }
    }

    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        guard case .input(let event) = message else { return [] }
        if let chosen {
            return chooseKind(event, for: chosen)
        }
        let list = shown
        switch Self.keys.command(for: event) {
        case .down: cursor = min(cursor + 1, max(0, list.count - 1))
        case .up: cursor = max(cursor - 1, 0)
        case .pageDown: cursor = min(cursor + pageRows, max(0, list.count - 1))
        case .pageUp: cursor = max(cursor - pageRows, 0)
        case .choose:
            guard list.indices.contains(cursor) else { return [.notice("no provision matches '\(filter)'")] }
            chosen = list[cursor]
        case .cancel: return [.close]
        case .deleteBackward:
            if !filter.isEmpty { filter.removeLast() }
            cursor = 0
        case nil:
            guard case .character(let character) = event,
                !character.unicodeScalars.contains(where: TerminalSafe.isControl)
            else { return [] }
            filter.append(character)
            cursor = 0
        }
        return []
    }

    mutating func chooseKind(_ event: InputEvent, for candidate: Candidate) -> [ScreenAction] {
        let kinds: [Character: LinkKind] = ["m": .match, "p": .partial, "r": .related]
        if event == .escape {
            chosen = nil
            return []
        }
        guard case .character(let character) = event, let kind = kinds[character] else { return [] }
        let national = side == .national ? provision : candidate.id
        let provincial = side == .national ? candidate.id : provision
        let names = side == .national ? (provisionName, candidate.name) : (candidate.name, provisionName)
        return [
            .close,
            .effect(
                .correctAlignment(
                    .link(national: national, provincial: provincial, kind: kind),
                    description: "\(names.0) ⇄ \(names.1)")),
            .notice("✎ linked by hand (\(kind.rawValue)): \(names.0) ⇄ \(names.1) · u undoes"),
        ]
    }

    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        let list = shown
        let title =
            chosen.map { "m match · p partial · r related · Esc back — \(provisionName) ⇄ \($0.name)" }
            ?? "link \(provisionName) to: \(filter)▏ · Enter choose · Esc cancel"
        let innerWidth = max(1, min(area.width - 4, max(40, area.width * 3 / 4)))
        let box = writer.box(
            in: area, title: title, innerWidth: innerWidth, innerHeight: max(1, min(list.count, area.height - 4)))
        let limit = box.x + box.width
        guard !list.isEmpty else {
            writer.write("no provision matches '\(filter)'", row: box.y, column: box.x, limit: limit, role: .overlay)
            return
        }
        writer.list(list.map { ($0.linked.map { Self.mark($0) + " " } ?? "  ") + $0.name }, cursor: cursor, in: box)
    }

    /// How a current link shows in the list: ✓ match, ◐ partial, ~ related.
    static func mark(_ kind: LinkKind) -> String {
        switch kind {
        case .match: return "✓"
        case .partial: return "◐"
        case .related: return "~"
        }
    }
}

/// What a key does in a yes/no question.
public enum ConfirmCommand: Sendable, Equatable, CaseIterable {
    case yes, no
}

/// A yes/no question over the status line (`x`: remove a link). `y` performs the action's effect; anything
/// else keeps things as they are.
public struct ConfirmScreen: ScreenModel {
    public static let keys = KeyTable<ConfirmCommand>(
        "question (x)",
        [
            .init([InputEvent.character("y")], "yes", .yes),
            .init([InputEvent.character("n"), .escape], "no (any other key too)", .no),
        ])

    public let question: String
    public let effect: ReaderEffect
    public let done: String

    public init(question: String, effect: ReaderEffect, done: String) {
        self.question = question
        self.effect = effect
        self.done = done
    }

    public var isOverlay: Bool { true }

    public mutating func update(_ message: ReaderMessage) -> [ScreenAction] {
        guard case .input(let event) = message else { return [] }
        if Self.keys.command(for: event) == .yes { return [.close, .effect(effect), .notice(done)] }
        return [.close, .notice("unchanged")]
    }

    public func render(into writer: inout ScreenWriter, area: Area, context: RenderContext) {
        let row = area.bottom
        let limit = area.x + area.width
        writer.fill(row: row, from: area.x, to: limit, role: .status)
        let end = writer.write(question + " (y/n) ", row: row, column: area.x, limit: limit, role: .status)
        writer.screen.cursor = CursorPosition(row: row, column: min(end, limit - 1))
    }
}
