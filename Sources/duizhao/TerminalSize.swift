import DuizhaoCore
import DuizhaoTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// Columns of the terminal on stdout, or `$COLUMNS`, or nil.
func terminalColumns() -> Int? {
    if let size = kernelTerminalSize() { return size.width }
    if let columns = ProcessEnvironment.current["COLUMNS"], let value = Int(columns), value > 0 {
        return value
    }
    return nil
}

/// Whether standard input and output are both a terminal, so an interactive view can run.
func standardStreamsAreTerminal() -> Bool { isatty(STDOUT_FILENO) != 0 && isatty(STDIN_FILENO) != 0 }

/// Whether standard output is a terminal that may be coloured (`NO_COLOR` unset).
func standardOutputTakesColour() -> Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessEnvironment.current["NO_COLOR"] == nil
}
