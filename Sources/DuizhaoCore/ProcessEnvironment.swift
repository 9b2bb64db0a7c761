#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Environment variables as the start-up code reads them: this process's, one `getenv` per name asked
/// (`.current`: no copy of the whole environment, no dictionary built before the first frame), or a fixed set
/// (tests; a dictionary literal).
public struct ProcessEnvironment: Sendable, ExpressibleByDictionaryLiteral {
    private let lookup: @Sendable (String) -> String?

    /// This process's environment.
    public static let current = ProcessEnvironment { name in getenv(name).map { String(cString: $0) } }

    private init(lookup: @escaping @Sendable (String) -> String?) {
        self.lookup = lookup
    }

    /// A fixed set of variables.
    public init(_ values: [String: String]) {
        lookup = { values[$0] }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements) { $1 })
    }

    /// The variable's value, nil when it is not set.
    public subscript(name: String) -> String? { lookup(name) }
}
