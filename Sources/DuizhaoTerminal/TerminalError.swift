/// Why the terminal could not be used; the message is meant for the user.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
