import FoundationEssentials

/// The JSON the commands print (`compare`, `matrix`, `bookmarks`): pretty-printed, keys sorted (the same input
/// gives the same bytes), slashes unescaped (paths stay readable), shares and scores to three decimals.
public enum JSONOutput {
    public static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A share or score rounded to three decimals, as every figure in the JSON.
    public static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
