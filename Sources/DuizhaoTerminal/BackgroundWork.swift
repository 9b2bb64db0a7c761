import CNcursesw
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One piece of long work (e.g. the comparison of a large pair) run on its own thread while the reader
/// stays responsive. The worker reports progress in 0…1; the main thread polls `progress` and takes the
/// result once. All shared state sits behind a lock.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let lock = Mutex(())
    private var currentProgress = 0.0
    private var result: Value?
    private var resultTaken = false
    private let work: @Sendable (_ report: @escaping @Sendable (Double) -> Void) -> Value
    private let yieldsToInteraction: Bool

    /// `work` runs on a background thread; it may call `report` with progress values from any thread.
    /// `yieldsToInteraction`: run the thread at a lower priority (nice +10) so that it never slows drawing
    /// and key handling (for long work such as a comparison; not for short work the reader waits for).
    public init(
        yieldsToInteraction: Bool = false,
        _ work: @escaping @Sendable (_ report: @escaping @Sendable (Double) -> Void) -> Value
    ) {
        self.yieldsToInteraction = yieldsToInteraction
        self.work = work
    }

    /// Starts the work on a new thread that does not receive the termination or resize signals
    /// (so the reader's blocking key read is the one they interrupt).
    public func start() {
        DetachedThread.start { [self] in
            TerminalGuard.blockSignalsInCurrentThread()
            if yieldsToInteraction { _ = duizhao_lower_thread_priority(10) }
            let value = work { [self] fraction in
                lock.withLock { _ in currentProgress = min(1, max(currentProgress, fraction)) }
            }
            lock.withLock { _ in
                result = value
                currentProgress = 1
            }
        }
    }

    /// The progress reported so far (1 once finished).
    public var progress: Double { lock.withLock { _ in currentProgress } }

    /// True until the result has been taken.
    public var isPending: Bool { lock.withLock { _ in !resultTaken } }

    /// Waits (polling every millisecond, at most `timeoutSeconds`) for the work to finish, then takes the result.
    public func waitForResult(timeoutSeconds: Double) -> Value? {
        let deadline = ContinuousClock.now + .milliseconds(Int((timeoutSeconds * 1000).rounded(.up)))
        while isPending {
            if let value = takeResult() { return value }
            if ContinuousClock.now >= deadline { return nil }
            usleep(1000)
        }
        return nil
    }

    /// The result, once, when the work has finished; nil before and after.
    public func takeResult() -> Value? {
        lock.withLock { _ in
            guard let value = result, !resultTaken else { return nil }
            resultTaken = true
            result = nil
            return value
        }
    }
}

/// A new POSIX thread running a closure, detached (Foundation's `Thread.detachNewThread` without Foundation).
public enum DetachedThread {
    /// Runs `body` on a new thread; a failure to start one runs `body` on the calling thread instead, so the work
    /// is never lost.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        final class Context {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let context = Unmanaged.passRetained(Context(body))
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { raw in
                let context = Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue()
                context.body()
                return nil
            }, context.toOpaque())
        if started == 0 {
            pthread_detach(thread)
        } else {
            context.takeRetainedValue().body()
        }
    }
}
