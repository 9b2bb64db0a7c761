import DuizhaoCompare
import DuizhaoCore

extension StyleRole {
    /// How a change of `kind` looks on `side`: a localisation quietly; a change of force, of a number or of the
    /// responsible body in its own loud style on both sides; other wording and added or deleted text as the
    /// provincial insertions and national deletions of a plain diff.
    public static func change(_ kind: ChangeKind, side: DocumentSide) -> StyleRole {
        switch kind {
        case .localized: return .changeLocalized
        case .stronger: return .changeStronger
        case .weaker: return .changeWeaker
        case .number: return .changeNumber
        case .actor: return .changeActor
        case .wording, .added, .deleted: return side == .national ? .deleted : .inserted
        }
    }
}
