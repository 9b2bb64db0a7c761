import DuizhaoCore

/// Aligns a provincial implementation with its national document. (Engine under construction.)
public enum Comparator {
    /// Compares two documents. `progress` receives values in 0…1 and may be called from the calling thread.
    public static func compare(
        national: PolicyDocument, provincial: PolicyDocument, progress: (@Sendable (Double) -> Void)? = nil
    ) -> Comparison {
        Comparison()
    }
}

/// Character-level differences between a national sentence and its provincial rewrite.
public enum CharacterDiff {
    /// Edits turning `national` into `provincial`, cleaned up into a few meaningful segments.
    public static func diff(national: String, provincial: String) -> [DiffSegment] {
        [DiffSegment(.delete, national), DiffSegment(.insert, provincial)]
    }
}
