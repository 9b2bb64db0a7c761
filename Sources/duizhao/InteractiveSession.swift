import ArgumentParser
import DuizhaoCore
import DuizhaoSession
import DuizhaoStore
import DuizhaoTerminal

/// Runs an interactive session: an error (e.g. no usable terminal) is reported and exits 1, a termination signal
/// exits 128 + its number.
func runOnTerminal(_ session: () throws -> LoopOutcome) throws {
    let outcome: LoopOutcome
    do {
        outcome = try session()
    } catch {
        printError("duizhao: error: \(error)")
        throw ExitCode.failure
    }
    if case .signal(let signal) = outcome { throw ExitCode(128 + signal) }
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
