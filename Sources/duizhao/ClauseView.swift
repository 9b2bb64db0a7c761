import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader

/// `compare --clause`: one linked pair side by side, drawn into a `Screen` (converted to ANSI or plain text by
/// the reader's one converter). Every change is styled by its kind and listed under its row as
/// `[kind: -national- +provincial+]`; without colour the changed text is also marked inline, `[-…-]` on the
/// national side and `{+…+}` on the provincial one.
struct ClauseView {
    let pair: LinkedPair
    let title: String
    let width: Int
    /// Inline markers for output without colour.
    let marked: Bool
    /// "(n more provincial sentence(s) … derive from national …)" when some do.
    let footnote: String?
    /// How a provincial division is named where a national sentence moved to it (`第八条 村民委员会的主要职责…`).
    var provincialName: (String) -> String = { $0 }

    /// A run of text in one style.
    struct Run {
        var text: String
        var role: StyleRole
    }

    typealias Line = [Run]

    /// The view as a screen exactly as tall as its lines.
    func screen() -> Screen {
        let lines = self.lines()
        var writer = ScreenWriter(screen: Screen(width: width, height: lines.count))
        for (row, line) in lines.enumerated() {
            var column = 0
            for run in line { column = writer.write(run.text, row: row, column: column, limit: width, role: run.role) }
        }
        return writer.screen
    }

    func lines() -> [Line] {
        let columnWidth = max(10, (width - 3) / 2)
        // The title's own lines (see `sideBySide`), each wrapped only when it alone is wider than the view.
        var lines: [Line] = title.split(separator: "\n").flatMap {
            wrap([Run(text: String($0), role: .heading)], width: width)
        }
        lines += wrap(legend(), width: width)
        lines.append([
            Run(
                text: String(repeating: "─", count: columnWidth) + "─┬─" + String(repeating: "─", count: columnWidth),
                role: .separator)
        ])
        for (index, row) in pair.rows.enumerated() {
            let left = styled(
                row.nationalText,
                ranges: row.changes.map { ($0.nationalRange, Self.role(of: $0.kind, side: .national)) },
                open: "[-", close: "-]")
            let right =
                row.movedTo.isEmpty
                ? styled(
                    row.provincialText,
                    ranges: row.changes.map { ($0.provincialRange, Self.role(of: $0.kind, side: .provincial)) },
                    open: "{+", close: "+}")
                : [Run(text: "→ " + row.movedTo.map(provincialName).joined(separator: "、"), role: .changeLabel)]
            let leftLines = wrap(left, width: columnWidth)
            let rightLines = wrap(right, width: columnWidth)
            for line in 0..<max(leftLines.count, rightLines.count) {
                var text: Line = line < leftLines.count ? leftLines[line] : []
                let used = text.reduce(0) { $0 + DisplayWidth.of($1.text) }
                text.append(Run(text: String(repeating: " ", count: max(0, columnWidth - used)) + " ", role: .normal))
                text.append(Run(text: "│", role: .separator))
                text.append(Run(text: " ", role: .normal))
                if line < rightLines.count { text += rightLines[line] }
                lines.append(text)
            }
            for change in row.changes { lines += wrap(changeLine(change), width: width) }
            if !row.movedTo.isEmpty {
                let names = row.movedTo.map(provincialName).joined(separator: "、")
                lines += wrap(
                    [Run(text: "  [moved to \(names): see --clause p:\(row.movedTo[0])]", role: .normal)], width: width)
            }
            if index < pair.rows.count - 1 {
                lines.append([
                    Run(text: String(repeating: " ", count: columnWidth + 1), role: .normal),
                    Run(text: "│", role: .separator),
                ])
            }
        }
        if let footnote { lines += wrap([Run(text: footnote, role: .normal)], width: width) }
        lines.append([])
        return lines
    }

    /// `kinds: localized stronger …`, each kind in its own style.
    func legend() -> Line {
        var line: Line = [Run(text: "kinds:", role: .normal)]
        for kind in ChangeKind.allCases {
            line.append(Run(text: " ", role: .normal))
            line.append(Run(text: kind.rawValue, role: Self.role(of: kind, side: .provincial)))
        }
        return line
    }

    /// `  [number: -十天- +七天+]`.
    func changeLine(_ change: Change) -> Line {
        var line: Line = [
            Run(text: "  [", role: .normal), Run(text: change.kind.rawValue, role: .changeLabel),
            Run(text: ":", role: .normal),
        ]
        if !change.national.isEmpty {
            line.append(Run(text: " -", role: .normal))
            line.append(Run(text: change.national, role: Self.role(of: change.kind, side: .national)))
            line.append(Run(text: "-", role: .normal))
        }
        if !change.provincial.isEmpty {
            line.append(Run(text: " +", role: .normal))
            line.append(Run(text: change.provincial, role: Self.role(of: change.kind, side: .provincial)))
            line.append(Run(text: "+", role: .normal))
        }
        line.append(Run(text: "]", role: .normal))
        return line
    }

    /// How a change of `kind` looks on one side: localisation quietly, substance loudly.
    static func role(of kind: ChangeKind, side: DocumentSide) -> StyleRole {
        StyleRole.change(kind, side: side)
    }

    /// `text` as runs, the characters in `ranges` in their role and, when marked, between `open` and `close`.
    func styled(_ text: String, ranges: [(Range<Int>, StyleRole)], open: String, close: String) -> Line {
        let characters = Array(text)
        var roles = [StyleRole?](repeating: nil, count: characters.count)
        for (range, role) in ranges where !range.isEmpty {
            for index in range.clamped(to: 0..<characters.count) { roles[index] = role }
        }
        var line: Line = []
        var index = 0
        while index < characters.count {
            let role = roles[index]
            var end = index
            while end < characters.count, roles[end] == role { end += 1 }
            let piece = String(characters[index..<end])
            if let role {
                line.append(Run(text: marked ? open + piece + close : piece, role: role))
            } else {
                line.append(Run(text: piece, role: .normal))
            }
            index = end
        }
        return line
    }

    /// Runs wrapped into lines of at most `width` cells, by the line breaker's rules (kinsoku included).
    func wrap(_ runs: Line, width: Int) -> [Line] {
        let text = runs.map(\.text).joined()
        guard !text.isEmpty else { return [[]] }
        var roleOfScalar: [StyleRole] = []
        for run in runs { roleOfScalar += repeatElement(run.role, count: run.text.unicodeScalars.count) }
        let scalars = Array(text.unicodeScalars)
        return LineBreaker.wrapLines(text, width: width).map { wrapped in
            var line: Line = []
            let end = wrapped.start + wrapped.text.unicodeScalars.count
            for offset in wrapped.start..<end {
                let role = roleOfScalar[offset]
                if let last = line.last, last.role == role {
                    line[line.count - 1].text.unicodeScalars.append(scalars[offset])
                } else {
                    line.append(Run(text: String(scalars[offset]), role: role))
                }
            }
            return line
        }
    }
}
