/// A rectangle of the terminal, in cells.
public struct Area: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The last row (the status line of a full-screen area).
    public var bottom: Int { y + height - 1 }
}

/// What a screen's `render` may know beyond its own state.
public struct RenderContext: Sendable {
    /// The status-line message shown until the next key (the root's), if any.
    public var notice: String?
    /// Whether the notice reports a problem (`ReaderMessage.problem`): drawn in `statusProblem`.
    public var noticeIsProblem: Bool

    public init(notice: String? = nil, noticeIsProblem: Bool = false) {
        self.notice = notice
        self.noticeIsProblem = noticeIsProblem
    }

    /// The role a screen draws the notice in.
    public var noticeRole: StyleRole { noticeIsProblem ? .statusProblem : .statusMessage }
}

/// One screen of the reader: it owns its state, its `update` and its `render`. The root `ReaderModel` keeps
/// them in a stack; the top one has the keyboard.
///
/// Screens today: `ReadingScreen` (the two panes, outline and status line), and the overlays `HelpScreen`,
/// `BookmarkListScreen` and `PromptScreen`. A new screen (e.g. the corpus matrix) is a new type conforming to
/// this protocol: another screen pushes it with `.push`, it closes itself with `.close`, and the screen beneath
/// is on top again. A screen at the bottom of the stack (the matrix) may push a `ReadingScreen` on a pair; `q`
/// in the reading screen closes it and the matrix is back; closing the last screen quits.
public protocol ScreenModel: Sendable {
    /// Handles a message. Keys and mouse events reach only the top screen; resizes and background news
    /// (comparison progress and result, bookmarks, a position to restore) reach every screen, bottom first.
    mutating func update(_ message: ReaderMessage) -> [ScreenAction]
    /// A request from a screen above (a prompt's text, a chosen bookmark). Return nil when this screen does not
    /// take it: it is passed on to the screen beneath.
    mutating func receive(_ request: ScreenRequest) -> [ScreenAction]?
    /// Draws the screen into `area`. An overlay draws over what the screens beneath drew.
    func render(into writer: inout ScreenWriter, area: Area, context: RenderContext)
    /// Whether the screens beneath stay visible (drawn first).
    var isOverlay: Bool { get }
}

extension ScreenModel {
    public mutating func receive(_ request: ScreenRequest) -> [ScreenAction]? { nil }
    public var isOverlay: Bool { false }
}

/// What a screen asks of the root, in order.
public enum ScreenAction: Sendable {
    /// Something for the adapter (quit, store a bookmark, …).
    case effect(ReaderEffect)
    /// A status-line message until the next key.
    case notice(String)
    /// Opens a screen on top.
    case push(any ScreenModel)
    /// Closes the screen that asked (the root quits when the last screen closes).
    case close
    /// Hands a request to the screens beneath the one that asked, nearest first, until one takes it.
    case request(ScreenRequest)
    /// Sends a message to every screen (e.g. the bookmark list changed here).
    case broadcast(ReaderMessage)
}

/// What a one-line prompt is for.
public enum PromptKind: Sendable, Equatable {
    /// Incremental search in both documents.
    case search
    /// A clause number to jump to.
    case jump
    /// A bookmark note: for a new bookmark on the current clause (nil), or for an existing one.
    case note(editing: Int64?)
}

/// A request from an overlay to the screen it sits on.
public enum ScreenRequest: Sendable, Equatable {
    /// The prompt's text changed (incremental search).
    case promptEdited(PromptKind, text: String)
    /// Enter in a prompt.
    case promptSubmitted(PromptKind, text: String)
    /// Esc (or Backspace on an empty prompt).
    case promptCancelled(PromptKind)
    /// Enter in the bookmark list.
    case openBookmark(ReaderBookmark)
}
