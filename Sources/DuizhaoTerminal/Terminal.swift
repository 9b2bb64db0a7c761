import CNcursesw

/// Thin ncurses adapter (under construction): initialises and ends a screen.
public enum TerminalSession {
    /// Starts curses and ends it at once; proves the ncursesw wiring.
    public static func probe() {
        _ = setlocale(LC_ALL, "")
        let window = initscr()
        if window != nil { endwin() }
    }
}
