import DuizhaoReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the reader loop's event handler asks for after an event.
public enum LoopDecision: Sendable, Equatable {
    case `continue`
    case quit
}

/// How an interactive session ended.
public enum LoopOutcome: Sendable, Equatable {
    /// The user quit.
    case quit
    /// A termination signal arrived (exit status 128 + signal).
    case signal(Int32)
}

/// The event loop between a pure reader model and the terminal: draw the prepared screen, wait for an event,
/// hand it to the model, repeat. It knows nothing about documents; the caller binds the closures to its model.
public enum ReaderLoop {
    /// How often long background work (e.g. a comparison) is usually polled while it runs.
    public static let backgroundPollMilliseconds = 80
    /// A long safety-net timeout while idle, so that a signal arriving just before a blocking read is still
    /// noticed within this time (the read is normally interrupted by the signal itself).
    public static let idleTimeoutMilliseconds = 1000

    /// Runs until `handle` returns `.quit` or a termination signal arrives. An error thrown by a closure ends
    /// the loop; the caller restores the terminal (`TerminalScreen.end`) before reporting it.
    /// - Parameters:
    ///   - render: the current screen (pure, from the model).
    ///   - handle: applies one event to the model.
    ///   - pollBackground: called before every frame; feeds background progress or results into the model and
    ///     returns in how many milliseconds it wants to be polled again (nil: nothing runs, input may block).
    ///   - whileIdle: called after a frame when no input is waiting (e.g. to lay out what the next key needs).
    ///   - modelSize: the size the model was built at; the loop starts with a resize to the terminal's size
    ///     unless it is this one (a resize re-positions the panes, which lays out the end of the documents).
    public static func run(
        on terminal: TerminalScreen,
        modelSize: (width: Int, height: Int)? = nil,
        render: () throws -> Screen,
        handle: (InputEvent) throws -> LoopDecision,
        pollBackground: () throws -> Int? = { nil },
        whileIdle: () throws -> Void = {}
    ) rethrows -> LoopOutcome {
        if terminal.width > 0, terminal.height > 0,
            modelSize.map({ $0.width != terminal.width || $0.height != terminal.height }) ?? true,
            try handle(.resize(width: terminal.width, height: terminal.height)) == .quit
        {
            return .quit
        }
        while true {
            if let signal = terminal.receivedSignal { return .signal(signal) }
            let pollAgain = try pollBackground()
            terminal.draw(try render())  // draws only the rows that changed
            let timeout = pollAgain.map { max(1, min($0, idleTimeoutMilliseconds)) } ?? idleTimeoutMilliseconds
            var waiting = terminal.nextEvent(timeoutMilliseconds: 0)
            if waiting == nil, terminal.receivedSignal == nil {
                try whileIdle()
                waiting = terminal.nextEvent(timeoutMilliseconds: timeout)
                if waiting == nil, terminal.receivedSignal == nil, terminal.inputHasHungUp() {
                    return .signal(SIGHUP)  // the terminal is gone; without this the loop would spin
                }
            }
            guard let event = waiting else { continue }
            if try handle(event) == .quit { return .quit }
            // Coalesce input that is already waiting (key repeat, pasted text) into one frame.
            var drained = 0
            while drained < 64, terminal.receivedSignal == nil,
                let more = terminal.nextEvent(timeoutMilliseconds: 0)
            {
                if try handle(more) == .quit { return .quit }
                drained += 1
            }
        }
    }
}
