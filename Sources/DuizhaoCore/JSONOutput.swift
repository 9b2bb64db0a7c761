import FoundationEssentials

/// The JSON the commands print (`compare`, `matrix`, `bookmarks`): pretty-printed, keys sorted (the same input
/// gives the same bytes), slashes unescaped (paths stay readable), shares and scores to three decimals. Nothing
/// in it can act on a terminal or reorder what a viewer shows: the encoder escapes C0 controls, and `text` also
/// escapes DEL, C1 controls and the bidirectional controls (`\u202e`), which can only occur inside strings.
public enum JSONOutput {
    public static func text(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingInvisibleControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `json` with DEL, C1 and bidirectional controls written as `\uXXXX` escapes (the same string once decoded).
    public static func escapingInvisibleControls(_ json: String) -> String {
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            (TerminalSafeText.isControl(scalar) && scalar.value >= 0x7F) || TerminalSafeText.isBidiControl(scalar)
        }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16)
                result.append(
                    contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A share or score rounded to three decimals, as every figure in the JSON.
    public static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
