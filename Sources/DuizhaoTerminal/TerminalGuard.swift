import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the terminal restorable whatever happens while curses runs.
///
/// - SIGINT, SIGTERM and SIGHUP only record the signal (async-signal-safe); the reader loop sees it,
///   restores the terminal and exits with 128 + signal. A signal delivered to another thread is forwarded
///   to the main thread so that its blocking read is interrupted.
/// - Every other signal whose default action ends the process (SIGQUIT from Ctrl-\, SIGUSR1, SIGUSR2, SIGPIPE,
///   SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU) is recorded the same way; once the terminal is restored the process
///   dies by that signal (`TerminalSignals.terminate(by:)`), as it would have without curses. SIGXFSZ is
///   ignored for the whole program (`TerminalSignals.ignoreFileSizeLimitSignal`), so a write past a file size
///   limit fails with EFBIG and is reported instead of killing the process.
/// - Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT) restore the terminal as a last resort,
///   replay what was written to standard error, and re-raise the signal.
/// - Standard error is captured in a temporary file while curses owns the screen, so stray messages
///   cannot scribble over it; they are replayed after the terminal is restored.
enum TerminalGuard {
    nonisolated(unsafe) private static var pendingSignal: sig_atomic_t = 0
    nonisolated(unsafe) private static var mainThread: pthread_t?
    nonisolated(unsafe) private static var cursesActive: sig_atomic_t = 0
    nonisolated(unsafe) private static var savedStandardError: Int32 = -1
    nonisolated(unsafe) private static var capturedStandardError: Int32 = -1

    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP] + TerminalSignals.fatalByDefault
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// The termination signal received since `install`, if any.
    static var receivedSignal: Int32? { pendingSignal == 0 ? nil : Int32(pendingSignal) }

    /// Installs the handlers; call on the main thread before curses starts (ncurses then keeps its hands off).
    static func install() {
        mainThread = pthread_self()
        for signal in terminationSignals { setHandler(signal, handleTermination) }
        for signal in crashSignals { setHandler(signal, handleCrash) }
    }

    /// Marks curses as running (crash handlers restore the terminal only then).
    static func cursesStarted() {
        captureStandardError()
        cursesActive = 1
    }

    /// Marks curses as ended and replays captured standard error.
    static func cursesEnded() {
        cursesActive = 0
        releaseStandardError()
    }

    /// Blocks the termination and resize signals in the calling thread (background workers call this,
    /// so the main thread's read is the one interrupted).
    static func blockSignalsInCurrentThread() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in terminationSignals + [SIGWINCH] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Installs `handler` (a function, or `SIG_DFL`) for `signal`, with an empty mask and no flags.
    static func setHandler(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocking read returns EINTR and the loop sees the flag
        sigaction(signal, &action, nil)
    }

    private static let handleTermination: @convention(c) (Int32) -> Void = { signal in
        TerminalGuard.pendingSignal = sig_atomic_t(signal)
        if let main = TerminalGuard.mainThread, pthread_equal(pthread_self(), main) == 0 {
            pthread_kill(main, signal)
        }
    }

    private static let handleCrash: @convention(c) (Int32) -> Void = { signal in
        if TerminalGuard.cursesActive != 0 {
            TerminalGuard.cursesActive = 0
            endwin()  // best effort: the process is going down anyway
            TerminalGuard.releaseStandardError()
        }
        setHandler(signal, SIG_DFL)
        raise(signal)
    }

    private static func captureStandardError() {
        guard savedStandardError < 0, isatty(STDERR_FILENO) != 0 else { return }
        var template = Array("/tmp/duizhao-stderr-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0 else {
            close(file)
            return
        }
        savedStandardError = saved
        capturedStandardError = file
        dup2(file, STDERR_FILENO)
    }

    /// Restores standard error and copies what was captured to it. Async-signal-safe (dup2, lseek, read, write).
    private static func releaseStandardError() {
        guard savedStandardError >= 0 else { return }
        dup2(savedStandardError, STDERR_FILENO)
        close(savedStandardError)
        savedStandardError = -1
        let file = capturedStandardError
        capturedStandardError = -1
        lseek(file, 0, SEEK_SET)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            while true {
                let count = read(file, raw.baseAddress, raw.count)
                if count <= 0 { break }
                var written = 0
                while written < count {
                    let result = write(STDERR_FILENO, raw.baseAddress! + written, count - written)
                    if result <= 0 { break }
                    written += result
                }
            }
        }
        close(file)
    }
}

/// How the program meets the signals that would end it without a word (see `TerminalGuard`).
public enum TerminalSignals {
    /// The signals, besides SIGINT, SIGTERM and SIGHUP, whose default action ends the process and that a user or
    /// another program may send while the reader runs: after the terminal is restored the process dies by them.
    public static let fatalByDefault: [Int32] = [
        SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    ]

    /// Ignores SIGXFSZ: a write past the file size limit (`ulimit -f`) then fails with EFBIG, which the store
    /// reports, instead of killing the process with the terminal left as curses had it. Call first thing.
    public static func ignoreFileSizeLimitSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Ends the process by `signal` with its default action, the terminal already restored; for SIGINT, SIGTERM
    /// and SIGHUP (and should the signal not end it) it exits with 128 + signal instead.
    public static func terminate(by signal: Int32) -> Never {
        if fatalByDefault.contains(signal) {
            TerminalGuard.setHandler(signal, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(signal)
        }
        exit(128 + signal)
    }
}
