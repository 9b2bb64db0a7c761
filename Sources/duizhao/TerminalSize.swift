import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Columns of the terminal on stdout, or `$COLUMNS`, or nil.
func terminalColumns() -> Int? {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(columns), value > 0 {
        return value
    }
    return nil
}
