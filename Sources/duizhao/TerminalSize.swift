import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The size of the terminal on stdout from the kernel, or nil when it is not a terminal or does not say.
func terminalSize() -> (width: Int, height: Int)? {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
}

/// Columns of the terminal on stdout, or `$COLUMNS`, or nil.
func terminalColumns() -> Int? {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(columns), value > 0 {
        return value
    }
    return nil
}

/// Whether standard input and output are both a terminal, so an interactive view can run.
func standardStreamsAreTerminal() -> Bool { isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0 }

/// Whether standard output is a terminal that may be coloured (`NO_COLOR` unset).
func standardOutputTakesColour() -> Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}
