import ArgumentParser
import DuizhaoCore
import DuizhaoSession
import DuizhaoStore
import DuizhaoTerminal

/// Runs an interactive session: an error (e.g. no usable terminal) is reported and exits 1, SIGINT, SIGTERM or
/// SIGHUP exits 128 + its number, any other signal that ends a process (SIGQUIT, SIGUSR1, SIGPIPE, …) ends it by
/// that signal, the terminal restored first.
func runOnTerminal(_ session: () throws -> LoopOutcome) throws {
    let outcome: LoopOutcome
    do {
        outcome = try session()
    } catch {
        printError("duizhao: error: \(error)")
        throw ExitCode.failure
    }
    if case .signal(let signal) = outcome {
        if TerminalSignals.fatalByDefault.contains(signal) { TerminalSignals.terminate(by: signal) }
        throw ExitCode(128 + signal)
    }
}

/// The bookmark store for a pair (`store` when it is open already, else the default one); a read-only or
/// disabled store never stops a reader (its notice is shown).
func storeStartup(
    national: PolicyDocument, provincial: PolicyDocument?, store: BookmarkStore? = nil, notice: String? = nil
) -> PersistenceStartup {
    let persistence = StorePersistence(
        store: store ?? BookmarkStore.openDefault(), national: national, provincial: provincial)
    return PersistenceStartup(persistence, notice: persistence.notice ?? notice)
}
