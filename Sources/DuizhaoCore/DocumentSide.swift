/// Which of the two documents of a pair: the national document or its provincial implementation.
public enum DocumentSide: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case national
    case provincial

    /// The other document of the pair.
    @inlinable
    public var other: DocumentSide { self == .national ? .provincial : .national }
}

/// One value per document of a pair, indexed by `DocumentSide` (instead of a national/provincial pair of
/// properties and a `side == .national ? a : b` at every use). Inlinable: the reader reads it in its
/// innermost loops.
public struct Sides<Value> {
    public var national: Value
    public var provincial: Value

    @inlinable
    public init(national: Value, provincial: Value) {
        self.national = national
        self.provincial = provincial
    }

    /// The same value for both sides.
    @inlinable
    public init(repeating value: Value) {
        self.init(national: value, provincial: value)
    }

    /// Both sides from a function of the side.
    @inlinable
    public init(each make: (DocumentSide) throws -> Value) rethrows {
        self.init(national: try make(.national), provincial: try make(.provincial))
    }

    @inlinable
    public subscript(side: DocumentSide) -> Value {
        get {
            switch side {
            case .national: return national
            case .provincial: return provincial
            }
        }
        // In place: `sides[side][index] = value` must not copy the array it changes.
        _modify {
            switch side {
            case .national: yield &national
            case .provincial: yield &provincial
            }
        }
    }

    @inlinable
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> Sides<Other> {
        Sides<Other>(national: try transform(national), provincial: try transform(provincial))
    }
}

extension Sides: Sendable where Value: Sendable {}
extension Sides: Equatable where Value: Equatable {
    @inlinable
    public static func == (lhs: Sides, rhs: Sides) -> Bool {
        lhs.national == rhs.national && lhs.provincial == rhs.provincial
    }
}
extension Sides: Hashable where Value: Hashable {}
