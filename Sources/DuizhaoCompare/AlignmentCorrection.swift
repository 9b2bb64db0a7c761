import DuizhaoCore

/// A researcher's correction of the alignment, given to the engine by provision id: a link made by hand (with its
/// kind) or a rejection of the machine's link between the two provisions. The engine applies corrections before
/// it traces sentences, so provenance, coverage, the dropped and provincial-only lists and the change kinds all
/// follow them; a hand link carries `LinkSource.hand`. Storing corrections, and finding the provisions again when
/// the files change, is the store's job (`DuizhaoStore`).
public struct AlignmentCorrection: Sendable, Hashable, Codable {
    public var national: String
    public var provincial: String
    /// The kind of a hand link; nil for a rejection (no link of any kind between the two).
    public var kind: LinkKind?

    public init(national: String, provincial: String, kind: LinkKind?) {
        self.national = national
        self.provincial = provincial
        self.kind = kind
    }

    /// A hand link.
    public static func link(national: String, provincial: String, kind: LinkKind) -> Self {
        Self(national: national, provincial: provincial, kind: kind)
    }

    /// A rejection of whatever link the machine makes between the two.
    public static func rejection(national: String, provincial: String) -> Self {
        Self(national: national, provincial: provincial, kind: nil)
    }
}

/// Who made a link.
public enum LinkSource: String, Sendable, Codable {
    /// The engine.
    case auto
    /// A researcher (`AlignmentCorrection`).
    case hand
}
