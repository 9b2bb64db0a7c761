import CNcursesw
import DuizhaoCore
import DuizhaoReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The thin ncurses adapter: starts curses, draws prepared `Screen`s (only what changed since the last frame)
/// and turns keys, mouse wheel and resizes into `InputEvent`s. Use from the main thread only.
public final class TerminalScreen {
    /// Columns and rows of the terminal as curses sees them now.
    public private(set) var width: Int
    public private(set) var height: Int
    public let colorScheme: ColorScheme

    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: StylePalette
    private var previous: Screen?
    private var ended = false
    private var cursorVisible = false
    /// Scratch space for one cell: a spacing character, combining marks and the terminating zero.
    private let cellCharacters = UnsafeMutablePointer<wchar_t>.allocate(capacity: Int(CCHARW_MAX) + 1)
    private let complexCell = UnsafeMutablePointer<cchar_t>.allocate(capacity: 1)
    /// `wcwidth` of the Basic Multilingual Plane, filled lazily (-2: not asked yet).
    private let basicPlaneWidths = UnsafeMutablePointer<Int8>.allocate(capacity: 0x10000)

    /// Starts curses on the controlling terminal: a UTF-8 locale, cbreak input with keypad and mouse wheel,
    /// hidden cursor, hardware line scrolling allowed (`idlok`), colours per `ColorScheme.choose`.
    /// Throws before touching the screen when the locale or the terminal type cannot work.
    public init(environment: ProcessEnvironment = .current) throws {
        try UTF8Locale.activate()
        TerminalGuard.install()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw TerminalError("cannot open the terminal on standard input and output")
        }
        let terminalName = environment["TERM"] ?? ""
        guard newterm(nil, output, input) != nil else {
            throw TerminalError(
                "cannot use the terminal type '\(terminalName)' (no terminfo entry?); try TERM=xterm-256color")
        }
        // A terminal type without cursor addressing (`dumb`, `unknown`) would show a blank screen with a status
        // line: refused with the same advice as an unknown one, before anything is drawn.
        let cursorAddress = tigetstr("cup")
        if cursorAddress == nil || Int(bitPattern: cursorAddress) == -1 {
            endwin()
            throw TerminalError(
                "cannot use the terminal type '\(terminalName)' (it cannot move the cursor); try TERM=xterm-256color")
        }
        guard let standard = duizhao_standard_screen() else {
            endwin()
            throw TerminalError("curses did not create a screen")
        }
        window = standard
        TerminalGuard.cursesStarted()
        // Draw once. ncurses 6.4 keeps a new screen in its "initial" state (`SP->_endwin == ewInitial`, meant for
        // low-level terminfo callers that mix their own output with curses') and flushes its buffer after every
        // cursor move in that state: a frame would be dozens of writes. Only endwin() and the doupdate() after it
        // (state "running") leave it; no setvbuf or NCURSES_NO_SETBUF changes that, ncurses writes from its own
        // buffer. So the screen is suspended at once, while newterm's set-up is still in the buffer (it reaches
        // the terminal together with the suspension, before anything is drawn), and the first `draw`'s doupdate
        // resumes it: entering the alternate screen and the whole first frame go out in one write.
        endwin()
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = idlok(window, true)
        _ = scrollok(window, false)  // writing the bottom-right cell must never scroll the window
        _ = leaveok(window, true)
        _ = curs_set(0)
        _ = set_escdelay(25)
        // No typeahead checks while updating: ncurses would flush and poll the keyboard every few rows,
        // turning one frame into dozens of small writes. Frames are small; keys are read right after.
        _ = typeahead(-1)
        _ = mouseinterval(0)
        _ = mousemask(duizhao_mouse_mask_wheel_and_clicks(), nil)
        colorScheme = ColorScheme.choose(environment: environment, terminalHasColors: has_colors())
        palette = StylePalette(scheme: colorScheme)
        width = Int(duizhao_window_columns(window))
        height = Int(duizhao_window_rows(window))
        basicPlaneWidths.initialize(repeating: -2, count: 0x10000)
        complexCell.initialize(to: cchar_t())
    }

    deinit {
        end()
        cellCharacters.deallocate()
        complexCell.deallocate()
        basicPlaneWidths.deallocate()
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor). Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        _ = mousemask(0, nil)
        _ = curs_set(1)
        endwin()
        TerminalGuard.cursesEnded()
    }

    /// The termination signal (SIGINT, SIGTERM, SIGHUP or one of `TerminalSignals.fatalByDefault`) received since
    /// the screen started, if any.
    public var receivedSignal: Int32? { TerminalGuard.receivedSignal }

    /// Forgets the last frame so the next `draw` repaints everything (after Ctrl-L or when the terminal
    /// may have been scribbled on).
    public func invalidate() {
        previous = nil
        _ = clearok(duizhao_current_screen(), true)
    }

    // MARK: Drawing

    /// Draws `screen`, touching only the cells that differ from the previous frame (`Screen.changes(since:)`),
    /// then refreshes. Every cell is placed at its own column with the wide-character API; the right half of a
    /// double-width character is skipped when the character really is double-width on this terminal, else
    /// drawn blank.
    public func draw(_ screen: Screen) {
        let rows = min(screen.height, height)
        let columns = min(screen.width, width)
        if let old = previous, old.width != screen.width || old.height != screen.height { previous = nil }
        if previous == nil { _ = werase(window) }
        for change in screen.changes(since: previous) where change.row < rows && change.columns.lowerBound < columns {
            drawCells(
                screen.rows[change.row], row: change.row, from: change.columns.lowerBound,
                through: min(change.columns.upperBound, columns - 1), columns: columns)
        }
        previous = screen
        placeCursor(screen.cursor, rows: rows, columns: columns)
        _ = wnoutrefresh(window)
        _ = doupdate()
        // A pseudo-terminal's output reaches the terminal through a kernel worker queued on this CPU. Yield once,
        // so that it runs now rather than after whatever this thread does next (the rest of start-up after a kept
        // frame, the idle prefetch after any frame): on two cores, without this, a frame reached the terminal
        // 1–4 ms after `doupdate` returned.
        sched_yield()
    }

    /// Shows the cursor at a prompt's insertion point, hides it otherwise.
    private func placeCursor(_ cursor: CursorPosition?, rows: Int, columns: Int) {
        if let cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns {
            _ = leaveok(window, false)
            _ = wmove(window, Int32(cursor.row), Int32(cursor.column))
            if !cursorVisible {
                _ = curs_set(1)
                cursorVisible = true
            }
        } else {
            _ = leaveok(window, true)
            if cursorVisible {
                _ = curs_set(0)
                cursorVisible = false
            }
        }
    }

    private func drawCells(_ cells: [Cell], row: Int, from first: Int, through last: Int, columns: Int) {
        guard first <= last else { return }
        var previousWasWide = false
        var column = first
        while column <= last {
            let cell = cells[column]
            if cell.isContinuation {
                if !previousWasWide || column == first { put(" ", cell.role, row: row, column: column) }
                previousWasWide = false
                column += 1
                continue
            }
            let wantsTwo = column + 1 < columns && cells[column + 1].isContinuation
            previousWasWide = put(cell.text, cell.role, row: row, column: column, expectedWidth: wantsTwo ? 2 : 1)
            column += 1
        }
    }

    /// Draws one cell's text; returns true when a double-width glyph was drawn (it covers the next column).
    @discardableResult
    private func put(_ text: String, _ role: StyleRole, row: Int, column: Int, expectedWidth: Int = 1) -> Bool {
        // Fast path: one printable ASCII character, or one character as wide as the grid says.
        var scalars = text.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil, first.value >= 0x20, first.value != 0x7F {
            let value = wchar_t(bitPattern: first.value)
            let width = first.value < 0x7F ? 1 : characterWidth(first.value)
            if width == expectedWidth {
                let style = palette.style(role)
                duizhao_fill_cell(complexCell, value, style.attributes, style.pair)
                _ = duizhao_put_cell(window, Int32(row), Int32(column), complexCell)
                return width == 2
            }
        }
        let characters = cellCharacters
        var count = 0
        var drawnWidth = 1
        for scalar in text.unicodeScalars {
            let value = wchar_t(bitPattern: scalar.value)
            if count == 0 {
                let width = Int(duizhao_character_width(value))
                if scalar.value < 0x20 || scalar.value == 0x7F || width <= 0 {
                    characters[0] = 0xFFFD  // never send a control character to the terminal
                } else if width != expectedWidth {
                    // The terminal's idea of the width disagrees with the grid: keep the grid aligned.
                    characters[0] = width == 2 ? 0xFFFD : value
                } else {
                    characters[0] = value
                    drawnWidth = width
                }
                count = 1
            } else if count < Int(CCHARW_MAX), scalar.value >= 0x20, duizhao_character_width(value) == 0 {
                characters[count] = value  // combining mark
                count += 1
            }
        }
        if count == 0 {
            characters[0] = 0x20
            count = 1
        }
        characters[count] = 0
        let style = palette.style(role)
        _ = duizhao_set_cell(complexCell, characters, style.attributes, style.pair)
        _ = duizhao_put_cell(window, Int32(row), Int32(column), complexCell)
        return drawnWidth == 2
    }

    /// The C library's width of a character (cached for the Basic Multilingual Plane).
    private func characterWidth(_ value: UInt32) -> Int {
        guard value < 0x10000 else { return Int(duizhao_character_width(wchar_t(bitPattern: value))) }
        var cached = basicPlaneWidths[Int(value)]
        if cached == -2 {
            cached = Int8(max(-1, min(2, duizhao_character_width(wchar_t(bitPattern: value)))))
            basicPlaneWidths[Int(value)] = cached
        }
        return Int(cached)
    }

    // MARK: Input

    /// Waits for the next key, mouse or resize event. `timeoutMilliseconds` nil blocks until input or a
    /// signal; returns nil on timeout, on an interrupting signal and for keys that mean nothing to the reader.
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        wtimeout(window, Int32(timeoutMilliseconds ?? -1))
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return keyEvent(Int32(bitPattern: character)) }
        if character == 0x1B { return escapeEvent() }
        return characterEvent(character)
    }

    /// Esc, or the rest of an escape sequence curses did not know for this TERM (Home as `ESC [ 1 ~` under
    /// `TERM=xterm-256color` inside tmux): known sequences become their keys, unknown ones are dropped whole, so
    /// their bytes never arrive as keys (`[` would move to the previous clause).
    private func escapeEvent() -> InputEvent? {
        wtimeout(window, 0)
        var introducer: wint_t = 0
        guard wget_wch(window, &introducer) != ERR else { return .escape }
        guard introducer == 0x5B || introducer == 0x4F else {
            // Esc and then another key, typed at once: the key comes next.
            unget_wch(wchar_t(bitPattern: UInt32(introducer)))
            return .escape
        }
        var body = ""
        while body.unicodeScalars.count < 16 {
            var next: wint_t = 0
            guard wget_wch(window, &next) != ERR, let scalar = Unicode.Scalar(UInt32(next)) else { break }
            body.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(next) { break }  // the final byte of a sequence
        }
        return Self.escapeSequenceKeys[body]
    }

    /// Sequences terminals send for keys (after `ESC [` or `ESC O`) that a terminfo entry may not list.
    static let escapeSequenceKeys: [String: InputEvent] = [
        "1~": .home, "7~": .home, "H": .home, "4~": .end, "8~": .end, "F": .end,
        "5~": .pageUp, "6~": .pageDown, "3~": .delete,
        "A": .up, "B": .down, "C": .right, "D": .left, "Z": .backTab,
    ]

    /// True when the terminal has gone away (the input side reports hang-up or an error): reading would
    /// return at once forever, so the caller should end as for SIGHUP.
    public func inputHasHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func characterEvent(_ character: wint_t) -> InputEvent? {
        switch character {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x0C:  // Ctrl-L: repaint everything
            invalidate()
            return .resize(width: width, height: height)
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func keyEvent(_ key: Int32) -> InputEvent? {
        switch key {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_RESIZE:
            width = Int(duizhao_window_columns(window))
            height = Int(duizhao_window_rows(window))
            previous = nil
            return .resize(width: width, height: height)
        case KEY_MOUSE:
            return mouseEvent()
        default:
            return nil
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let column = Int(event.x)
        let row = Int(event.y)
        if duizhao_mouse_is_wheel_up(event.bstate) != 0 { return .wheel(column: column, row: row, lines: -3) }
        if duizhao_mouse_is_wheel_down(event.bstate) != 0 { return .wheel(column: column, row: row, lines: 3) }
        if duizhao_mouse_is_click(event.bstate) != 0 { return .click(column: column, row: row) }
        return nil
    }
}
