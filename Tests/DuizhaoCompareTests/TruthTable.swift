import DuizhaoCompare
import Foundation

/// A hand-made truth table stored as data in `Truth/NAME.tsv`: one record a line, a record name and its fields
/// separated by tabs; blank lines and lines starting with `#` are comments. Every record name must be one the
/// reader expects, with its number of fields, so a typo in the table is an error naming the file and line.
struct TruthTable {
    struct Row {
        var fields: [String]
        /// `file:line`, for error messages.
        var place: String
    }

    private var rowsByRecord: [String: [Row]] = [:]

    /// Reads `Truth/NAME.tsv`; `fieldCounts` names the records it may hold and how many fields each has.
    init(named name: String, fieldCounts: [String: Int]) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Truth/\(name).tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let place = "\(url.lastPathComponent):\(index + 1)"
            let record = columns[0]
            guard let count = fieldCounts[record] else {
                throw TruthTableError("\(place): unknown record \(record.debugDescription)")
            }
            guard columns.count == count + 1, !columns.contains(where: \.isEmpty) else {
                throw TruthTableError("\(place): \(record) wants \(count) non-empty fields, has \(columns.count - 1)")
            }
            rowsByRecord[record, default: []].append(Row(fields: Array(columns.dropFirst()), place: place))
        }
    }

    /// The rows of one record, in file order.
    func rows(_ record: String) -> [Row] { rowsByRecord[record] ?? [] }

    /// The value of a record that stands exactly once.
    func value(_ record: String) throws -> String {
        let rows = rows(record)
        guard rows.count == 1 else { throw TruthTableError("\(record) stands \(rows.count) times, wants once") }
        return rows[0].fields[0]
    }
}

/// A link of a truth table: a provincial provision implements (`match`) or takes part of (`partial`) a national
/// one. Provisions are printed article numbers (laws) or importer ids (the bundled pair).
struct TruthLink<Provision: Hashable>: Hashable {
    var national: Provision
    var provincial: Provision
    var kind: LinkKind
    /// Why: the shared wording or the citation that shows the derivation.
    var evidence: String
}

extension TruthTable {
    /// The `link` records (national, provincial, kind, evidence); `provision` reads field 0 or 1 of a row.
    func links<Provision>(_ provision: (Row, Int) throws -> Provision) throws -> [TruthLink<Provision>] {
        try rows("link").map {
            TruthLink(
                national: try provision($0, 0), provincial: try provision($0, 1), kind: try $0.kind(2),
                evidence: $0.fields[3])
        }
    }
}

extension TruthTable.Row {
    func number(_ index: Int) throws -> Int {
        guard let number = Int(fields[index]) else {
            throw TruthTableError("\(place): field \(index + 1) \(fields[index].debugDescription) is not a number")
        }
        return number
    }

    func kind(_ index: Int) throws -> LinkKind {
        guard let kind = LinkKind(rawValue: fields[index]) else {
            throw TruthTableError("\(place): field \(index + 1) \(fields[index].debugDescription) is not a link kind")
        }
        return kind
    }
}

struct TruthTableError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
