import DuizhaoCore
import DuizhaoReader
import Foundation

/// Prints human-readable text on standard output, every line through the reader's sanitiser
/// (`TerminalSafe`): document text never reaches a terminal or a pipe with its control characters raw.
/// JSON goes out as JSONEncoder escapes it, not through here.
func printText(_ text: String, terminator: String = "\n") {
    print(TerminalSafe.lines(text), terminator: terminator)
}

/// Prints JSON on standard output. The encoders escape C0 controls already; DEL and the C1 controls (U+0080–
/// U+009F, e.g. the CSI introducer U+009B) are escaped here too (`\u009b`), which is valid JSON because they
/// can only occur inside strings.
func printJSONText(_ json: String) {
    print(escapingRemainingControls(json))
}

/// A document in the commands' JSON (`compare`, `bookmarks`): its title, where it was loaded from and, for a
/// bookmark's document, its fingerprint.
struct DocumentJSON: Encodable {
    var title: String
    var fingerprint: String?
    var source: String
}

/// Prints `value` as JSON (`JSONOutput.text`) on standard output.
func printJSON(_ value: some Encodable) throws {
    printJSONText(try JSONOutput.text(value))
}

func escapingRemainingControls(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { TerminalSafe.isControl($0) && $0.value >= 0x7F }) else { return json }
    var result = ""
    for scalar in json.unicodeScalars {
        if TerminalSafe.isControl(scalar), scalar.value >= 0x7F {
            result += String(format: "\\u%04x", scalar.value)
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}
