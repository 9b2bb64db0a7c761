import DuizhaoCompare
import DuizhaoCore
import Foundation

/// `duizhao-bench features NATIONAL PROVINCIAL…`: the link features of every candidate pair, one JSON object a
/// line (with the pair's printed labels), for fitting the link model to the hand-made truth
/// (`Scripts/fit-link-model.py`). Not part of `all`: it prints data, not figures.
func runFeatures(_ arguments: [String]) throws {
    guard arguments.count >= 2 else { throw BenchError("usage: duizhao-bench features NATIONAL PROVINCIAL…") }
    let national = try PolicyImporter.importFile(at: arguments[0])
    let prepared = Comparator.prepare(national: national)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for path in arguments.dropFirst() {
        let provincial = try PolicyImporter.importFile(at: path)
        let nationalLabels = Dictionary(national.provisions.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let provincialLabels = Dictionary(
            provincial.provisions.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        let links = prepared.compare(with: provincial).links
        for row in Comparator.linkFeatures(national: national, provincial: provincial) {
            var object = try JSONSerialization.jsonObject(with: encoder.encode(row)) as! [String: Any]
            object["file"] = path
            object["nationalLabel"] = nationalLabels[row.national] ?? ""
            object["provincialLabel"] = provincialLabels[row.provincial] ?? ""
            object["engine"] =
                links.first { $0.national == row.national && $0.provincial == row.provincial }?.kind.rawValue ?? ""
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
