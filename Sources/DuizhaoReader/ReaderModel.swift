import DuizhaoCompare
import DuizhaoCore

/// The reader: a small root model over a stack of screens (`ScreenModel`s), bottom first; the top one has the
/// keyboard. Pure and value-typed. Everything reaches it as a `ReaderMessage` through `update(_:)`, which
/// returns the effects the adapter must perform; `render()` draws the stack into a `Screen`.
///
/// Message flow: a key or mouse event goes to the top screen; a resize and background news (comparison,
/// bookmarks, a position to restore) go to every screen; a `.notice` is the status-line message until the next
/// key. A screen answers with `ScreenAction`s: effects for the adapter, a notice, `.push` a screen, `.close`
/// itself, `.request` something of the screens beneath (a prompt's text), `.broadcast` a message. Closing the
/// last screen quits.
///
/// An adapter's loop (`ReaderSession` / `TerminalSession` in DuizhaoSession are the real one):
///
///     var model = ReaderModel(national: n, provincial: p, width: cols, height: rows)
///     model.update(.restorePosition(saved)); model.update(.bookmarksLoaded(store.bookmarks(of: n, p)))
///     loop {
///         draw(model.render())                               // a Screen: styled cells, cursor, scroll rows
///         for effect in model.update(.input(nextEvent())) {  // keys, .resize, .wheel, .click
///             switch effect {
///             case .quit: return
///             case .saveReadingState(let position): store.save(position)
///             case .addBookmark, .removeBookmark, .updateBookmarkNote: apply it; send .bookmarksLoaded(reloaded)
///             }
///         }
///         send .comparisonProgress(f) while the comparison runs, .comparisonFinished(c) when it is done
///     }
public struct ReaderModel: Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public let options: ReaderOptions
    /// The screens, bottom first; the last one has the keyboard.
    var stack: [any ScreenModel]
    /// The status-line message shown until the next key.
    public internal(set) var message: String?
    /// Whether `message` reports a problem (`.problem`), drawn red rather than as an ordinary message.
    public internal(set) var messageIsProblem = false

    /// A reader whose bottom screen is `root` (e.g. a corpus matrix that opens reading screens).
    public init(root: any ScreenModel, width: Int, height: Int, options: ReaderOptions = .init()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.options = options
        stack = [root]
    }

    /// A reader on one document or a pair: a reading screen alone.
    public init(
        national: PolicyDocument, provincial: PolicyDocument?, width: Int, height: Int,
        options: ReaderOptions = .init()
    ) {
        self.init(
            root: ReadingScreen(
                national: national, provincial: provincial, width: width, height: height, options: options),
            width: width, height: height, options: options)
    }

    // MARK: Messages

    /// Applies one message; returns what the adapter must do (quit, store a bookmark, …), in order.
    public mutating func update(_ message: ReaderMessage) -> [ReaderEffect] {
        var effects: [ReaderEffect] = []
        switch message {
        case .notice(let text):
            self.message = text
            messageIsProblem = false
        case .problem(let text):
            self.message = text
            messageIsProblem = true
        case .input(let event):
            let event = Self.normalizedControlCharacter(event)
            if case .resize(let newWidth, let newHeight) = event {
                width = max(0, newWidth)
                height = max(0, newHeight)
                broadcast(.input(.resize(width: width, height: height)), into: &effects)
            } else if let top = stack.indices.last {
                self.message = nil
                messageIsProblem = false
                let actions = stack[top].update(.input(event))
                apply(actions, from: top, into: &effects)
            }
        case .comparisonProgress, .comparisonFinished, .bookmarksLoaded, .restorePosition, .matrixColumn,
            .matrixColumnFailed:
            broadcast(message, into: &effects)
        }
        return effects
    }

    /// Control characters some terminals deliver as characters, mapped to the keys they stand for.
    static func normalizedControlCharacter(_ event: InputEvent) -> InputEvent {
        guard case .character(let character) = event else { return event }
        switch character {
        case "\n", "\r", "\r\n": return .enter
        case "\t": return .tab
        case "\u{1B}": return .escape
        case "\u{7F}", "\u{08}": return .backspace
        default: return event
        }
    }

    /// Sends a message to every screen, bottom first.
    mutating func broadcast(_ message: ReaderMessage, into effects: inout [ReaderEffect]) {
        var index = 0
        while index < stack.count {
            let actions = stack[index].update(message)
            apply(actions, from: index, into: &effects)
            index += 1
        }
    }

    /// Carries out the actions of the screen at `index`, in order.
    mutating func apply(_ actions: [ScreenAction], from index: Int, into effects: inout [ReaderEffect]) {
        var index = index
        for action in actions {
            switch action {
            case .effect(let effect):
                effects.append(effect)
            case .notice(let text):
                message = text
                messageIsProblem = false
            case .push(let screen):
                stack.append(screen)
            case .close:
                guard stack.indices.contains(index) else { continue }
                stack.remove(at: index)
                if stack.isEmpty { effects.append(.quit) }
            case .request(let request):
                var below = min(index, stack.count) - 1
                while below >= 0 {
                    if let answer = stack[below].receive(request) {
                        apply(answer, from: below, into: &effects)
                        break
                    }
                    below -= 1
                }
            case .broadcast(let message):
                broadcast(message, into: &effects)
            }
            index = min(index, stack.count)
        }
    }

    // MARK: Drawing

    /// The screen for the current state: the top screen and, under an overlay, the screens beneath it.
    public func render() -> Screen {
        var writer = ScreenWriter(screen: Screen(width: width, height: height))
        guard width > 0, height > 0 else { return writer.screen }
        if isTooSmall {
            renderTooSmall(&writer)
            return writer.screen
        }
        let area = Area(x: 0, y: 0, width: width, height: height)
        let context = RenderContext(notice: message, noticeIsProblem: messageIsProblem)
        let base = stack.lastIndex { !$0.isOverlay } ?? 0
        for screen in stack[min(base, stack.count)...] {
            screen.render(into: &writer, area: area, context: context)
        }
        return writer.screen
    }

    /// The smallest screen the reader draws on (never below 12x3: header, one text row, status).
    var minimumSize: (width: Int, height: Int) {
        (max(12, options.minimumWidth), max(3, options.minimumHeight))
    }

    var isTooSmall: Bool { width < minimumSize.width || height < minimumSize.height }

    func renderTooSmall(_ writer: inout ScreenWriter) {
        var lines = ["terminal too small", "\(width)x\(height) < \(minimumSize.width)x\(minimumSize.height)"]
        if width >= 24 { lines.append("enlarge it or press q") }
        let first = max(0, (height - lines.count) / 2)
        for (index, line) in lines.enumerated() where first + index < height {
            let column = max(0, (width - DisplayWidth.of(line)) / 2)
            writer.write(
                line, row: first + index, column: column, limit: width, role: index == 0 ? .statusProblem : .normal)
        }
    }

    // MARK: The reading screen

    /// The topmost reading screen, if any (nil only when a screen of another kind is alone, or all closed).
    public var reading: ReadingScreen? {
        stack.last { $0 is ReadingScreen } as? ReadingScreen
    }

    /// The screen with the keyboard.
    public var topScreen: (any ScreenModel)? { stack.last }

    /// Where the topmost reading screen is (also sent as `.saveReadingState` when it closes).
    public var readingPosition: ReadingPosition? { reading?.readingPosition }

    /// Lays out what the next key of the top reading screen needs (see `ReadingScreen.prefetch`).
    public func prefetch(pages: Int = 2) {
        (stack.last as? ReadingScreen)?.prefetch(pages: pages)
    }

    /// Whether an overlay (help, bookmark list) or a prompt is on top.
    public var isShowingHelp: Bool { stack.last is HelpScreen }
    public var isShowingBookmarks: Bool { stack.last is BookmarkListScreen }
    public var isPrompting: Bool { stack.last is PromptScreen }
}
