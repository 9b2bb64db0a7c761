#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Named variables of this process's environment, read with `getenv`: on the start-up path, where a copy
/// of the whole environment (`ProcessInfo`) costs more than the few values needed.
public enum ProcessEnvironment {
    /// The set variables among `names`, by name.
    public static func values(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
