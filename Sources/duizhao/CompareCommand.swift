import ArgumentParser
import DuizhaoCompare
import DuizhaoCore
import DuizhaoMatrix
import FoundationEssentials

/// `duizhao compare [NATIONAL PROVINCIAL] [--json] [--clause ID]`: the clause alignment of a pair.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Align a provincial document with its national source.",
        discussion: """
            Prints one row per national clause with its provincial counterpart(s), the kind of link \
            (match: the provincial clause implements it; partial: only part of it is carried over), the \
            similarity score and the share of its sentences carried over; then the clauses only the \
            province has. With --clause, shows one linked pair side by side with the changed characters \
            marked: coloured on a terminal, [-deleted-] and {+inserted+} otherwise. With --html FILE, writes \
            the pair report: one self-contained page (no network; prints) with both documents side by side \
            along the alignment, the changes by kind, each link's evidence, the counts, the dropped and \
            provincial-only provisions and a table of contents.
            """,
        version: duizhaoVersion)

    @Argument(help: "The national document (a file, or `national`); give both documents or neither (bundled pair).")
    var nationalDocument: String?

    @Argument(help: "The provincial document (a file, or `provincial`).")
    var provincialDocument: String?

    @Flag(help: "Print the full comparison as JSON.")
    var json = false

    @Option(
        help:
            "Show one clause side by side: a national id (2.4), number (4, 二十四) or printed label (第二十四条, （三）), or p:REFERENCE for a provincial clause."
    )
    var clause: String?

    @Option(help: "Width in terminal cells for --clause (default: the terminal width, or 100).")
    var width: Int?

    @Option(
        help: ArgumentHelp(
            "Write the pair report, one self-contained HTML page, to FILE.", valueName: "file"))
    var html: String?

    func validate() throws {
        if (nationalDocument == nil) != (provincialDocument == nil) {
            throw ValidationError("give both NATIONAL and PROVINCIAL documents, or neither for the bundled pair")
        }
        if [json, clause != nil, html != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --json, --clause and --html")
        }
    }

    func run() throws {
        let national = try loadDocument(DocumentChoice(nationalDocument ?? "national"))
        let provincial = try loadDocument(DocumentChoice(provincialDocument ?? "provincial"))
        // Hand corrections kept in the bookmark store (`duizhao align`), applied before sentences are traced.
        let corrections = storedCorrections(national: national, provincial: provincial).corrections
        let comparison = Comparator.compare(national: national, provincial: provincial, corrections: corrections)
        let report = ComparisonReport(national: national, provincial: provincial, comparison: comparison)
        if let html {
            let page = PairReportHTML.page(national: national, provincial: provincial, comparison: comparison)
            do {
                try Data(page.utf8).write(to: URL(fileURLWithPath: html), options: .atomic)
            } catch {
                printError("duizhao: error: \(html): cannot write the report (\(fileErrorReason(error)))")
                throw ExitCode.failure
            }
            printText(
                "wrote \(html): \(comparison.links.count) links, \(comparison.nationalOnly.count) dropped, "
                    + "\(comparison.provincialOnly.count) provincial-only")
        } else if json {
            printJSONText(try report.json())
        } else if let clause {
            let columns = max(30, width ?? terminalColumns() ?? 100)
            let colour = standardOutputTakesColour()
            let text = try report.sideBySide(clause: clause, width: columns, colour: colour)
            // In colour the text carries its own SGR sequences (document fragments sanitised as they are placed).
            if colour { print(text, terminator: "") } else { printText(text, terminator: "") }
        } else {
            printText(report.table(), terminator: "")
        }
    }
}

/// Renders a comparison for the command line: table, JSON and the side-by-side clause view.
struct ComparisonReport {
    let national: PolicyDocument
    let provincial: PolicyDocument
    let comparison: Comparison
    private let nationalDivisions: [String: Division]
    private let provincialDivisions: [String: Division]
    private let nationalResolver: DivisionResolver
    private let provincialResolver: DivisionResolver

    init(national: PolicyDocument, provincial: PolicyDocument, comparison: Comparison) {
        self.national = national
        self.provincial = provincial
        self.comparison = comparison
        nationalDivisions = Dictionary(
            national.allDivisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        provincialDivisions = Dictionary(
            provincial.allDivisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        nationalResolver = DivisionResolver(national)
        provincialResolver = DivisionResolver(provincial)
    }

    /// A clause as the JSON names it: id, label and title (empty for an id the document lacks).
    func nationalClause(_ id: String) -> ClauseJSON { Self.clause(id, nationalDivisions) }
    func provincialClause(_ id: String) -> ClauseJSON { Self.clause(id, provincialDivisions) }

    static func clause(_ id: String, _ divisions: [String: Division]) -> ClauseJSON {
        ClauseJSON(id: id, label: divisions[id]?.label ?? "", title: divisions[id]?.title ?? "")
    }

    /// How the table and the clause view name a provision: its printed label and title, or excerpt for an
    /// untitled article (`第三条 村民委员会根据…`), with its id in brackets when its label alone would not find it.
    /// `withExcerpt` false: an untitled article by its label alone (where its text follows, as in the clause view).
    func nationalName(_ id: String, withExcerpt: Bool = true) -> String {
        Self.name(id, nationalDivisions, nationalResolver, withExcerpt: withExcerpt)
    }
    func provincialName(_ id: String, withExcerpt: Bool = true) -> String {
        Self.name(id, provincialDivisions, provincialResolver, withExcerpt: withExcerpt)
    }

    static func name(
        _ id: String, _ divisions: [String: Division], _ resolver: DivisionResolver, withExcerpt: Bool = true
    ) -> String {
        guard let division = divisions[id] else { return id }
        let name = withExcerpt || division.label.isEmpty ? division.namedHeading : division.heading
        return resolver.resolve(division.label)?.id == id ? name : name + " [" + id + "]"
    }

    func nationalSentence(_ ref: SentenceRef) -> String {
        let sentences = nationalDivisions[ref.division]?.sentences ?? []
        return sentences.indices.contains(ref.index) ? sentences[ref.index] : ""
    }

    func provincialSentence(_ ref: SentenceRef) -> String {
        let sentences = provincialDivisions[ref.division]?.sentences ?? []
        return sentences.indices.contains(ref.index) ? sentences[ref.index] : ""
    }

    // MARK: Table

    /// One row per national clause (its links, or "dropped"), then the provincial-only clauses and a summary.
    func table() -> String {
        let pairs = comparison.linkedPairs(national: national, provincial: provincial)
        let nationalWidth = 34
        let provincialWidth = 38
        var lines: [String] = []
        lines.append("national:   " + TerminalSafeText.sanitize(national.title))
        lines.append("provincial: " + TerminalSafeText.sanitize(provincial.title))
        lines.append("")
        lines.append(
            pad("national clause", nationalWidth) + pad("provincial clause", provincialWidth)
                + pad("kind", 9) + pad("score", 7) + pad("carried", 8) + "changes")
        let changesOfLink = Dictionary(
            pairs.map { ("\($0.link.national)⇄\($0.link.provincial)", $0.changes) },
            uniquingKeysWith: { first, _ in first })
        let coverage = Dictionary(
            comparison.nationalCoverage.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for unit in national.comparableUnits {
            let links = comparison.links.filter { $0.national == unit.id }
            let carried =
                coverage[unit.id].map { TextFormatting.fixed($0.carriedShare * 100, digits: 0, width: 3) + "%" } ?? ""
            let nationalCell = fit(nationalName(unit.id), nationalWidth)
            if links.isEmpty {
                lines.append(
                    pad(nationalCell, nationalWidth) + pad("—", provincialWidth) + pad("dropped", 9) + pad("", 7)
                        + carried)
                continue
            }
            for (index, link) in links.enumerated() {
                lines.append(
                    pad(index == 0 ? nationalCell : "", nationalWidth)
                        + pad(fit(provincialName(link.provincial), provincialWidth), provincialWidth)
                        + pad(link.kind.rawValue + (link.source == .hand ? " ✎" : ""), 9)
                        + pad(TextFormatting.fixed(link.score, digits: 3), 7)
                        + pad(index == 0 ? carried : "", 8)
                        + Self.countsText(
                            ChangeClassifier.counts(changesOfLink["\(link.national)⇄\(link.provincial)"] ?? []),
                            short: true))
            }
        }
        lines.append("")
        let newShares = Dictionary(
            comparison.provincialCoverage.map { ($0.id, $0.newShare) }, uniquingKeysWith: { first, _ in first })
        if comparison.provincialOnly.isEmpty {
            lines.append("provincial-only clauses: none")
        } else {
            lines.append("provincial-only clauses:")
            for id in comparison.provincialOnly { lines.append("  " + TerminalSafeText.sanitize(provincialName(id))) }
        }
        lines.append("changes: " + Self.countsText(ChangeClassifier.counts(pairs.flatMap(\.changes)), short: false))
        let matches = comparison.links.filter { $0.kind == .match }.count
        let partials = comparison.links.filter { $0.kind == .partial }.count
        let related = comparison.links.count - matches - partials
        let hand = comparison.links.filter { $0.source == .hand }.count
        let newSentences = comparison.provenance.filter { $0.sources.isEmpty }.count
        let meanNewShare = newShares.values.isEmpty ? 0 : newShares.values.reduce(0, +) / Double(newShares.count)
        lines.append(
            "\(matches + partials) links (\(matches) match, \(partials) partial)"
                + (related > 0 ? ", \(related) related" : "")
                + (hand > 0 ? ", \(hand) by hand ✎; " : "; ")
                + "\(comparison.nationalOnly.count) national clauses dropped; "
                + "\(comparison.provincialOnly.count) provincial-only; "
                + "\(newSentences) of \(comparison.provenance.count) provincial sentences new "
                + "(mean \(TextFormatting.percent(meanNewShare)) new per clause)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Short names of the change kinds for the table's changes column.
    static let shortKindNames: [ChangeKind: String] = [
        .localized: "loc", .stronger: "str", .weaker: "weak", .number: "num", .actor: "act", .wording: "word",
        .added: "add", .deleted: "del",
    ]

    /// `loc 3 num 1` (short) or `3 localized, 1 number` for the kinds present, in the order of `ChangeKind`.
    static func countsText(_ counts: [ChangeKind: Int], short: Bool) -> String {
        let present = ChangeKind.allCases.filter { (counts[$0] ?? 0) > 0 }
        if present.isEmpty { return short ? "" : "none" }
        return present.map { kind in
            short ? "\(shortKindNames[kind] ?? kind.rawValue) \(counts[kind]!)" : "\(counts[kind]!) \(kind.rawValue)"
        }.joined(separator: short ? " " : ", ")
    }

    /// `text` cut to at most `width - 1` cells, with … when shortened.
    func fit(_ text: String, _ width: Int) -> String {
        let safe = TerminalSafeText.sanitize(text)
        if DisplayWidth.of(safe) < width { return safe }
        var result = ""
        var used = 0
        for character in safe {
            let characterWidth = DisplayWidth.of(String(character))
            if used + characterWidth > width - 2 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }

    // MARK: JSON

    /// A clause in the JSON: id, label and title, with its coverage in the `coverage` lists (national: status and
    /// carried share; provincial: new share; both: change counts). Absent fields are left out.
    struct ClauseJSON: Encodable {
        var id: String
        /// As printed (`第三条`, `4.`).
        var label: String
        var title: String
        var status: String?
        var carriedShare: Double?
        var newShare: Double?
        /// The changes of every link of this provision, per kind.
        var changeCounts: [String: Int]?
    }

    struct LinkJSON: Encodable {
        var national: ClauseJSON
        var provincial: ClauseJSON
        var kind: String
        var score: Double
        /// `auto` (the engine's) or `hand` (a researcher's correction).
        var source: String
        /// Why the link was made: shared sentences, citations, a matching heading.
        var evidence: LinkEvidence
        /// Every classified change of the linked pair, in row order.
        var changes: [ChangeJSON]
        var changeCounts: [String: Int]
    }

    struct ChangeJSON: Encodable {
        var kind: String
        /// The changed text on each side ("" for an added or deleted clause's other side).
        var national: String
        var provincial: String
        /// The sentences the change is in, and its offset (in characters) in their joined text.
        var nationalSentences: [SentenceRef]
        var provincialSentence: SentenceRef?
        var nationalOffset: Int
        var provincialOffset: Int
    }

    /// A sentence in the JSON: its place, with its text (in `sentences`) or its fate (in `nationalSentences`).
    struct SentenceJSON: Encodable {
        var division: String
        var index: Int
        var text: String?
        var fate: String?
    }

    struct ProvenanceJSON: Encodable {
        var provincial: SentenceJSON
        /// Empty when the sentence is new in the provincial text.
        var sources: [SentenceJSON]
        var score: Double
    }

    struct ReportJSON: Encodable {
        var national: DocumentJSON
        var provincial: DocumentJSON
        var links: [LinkJSON]
        var nationalOnly: [ClauseJSON]
        var provincialOnly: [ClauseJSON]
        var sentences: [ProvenanceJSON]
        var nationalSentences: [SentenceJSON]
        var coverage: [ClauseJSON]
        var provincialCoverage: [ClauseJSON]
        /// The changes of the whole document, per kind.
        var changeCounts: [String: Int]
    }

    static func countsJSON(_ changes: [Change]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ChangeClassifier.counts(changes).map { ($0.key.rawValue, $0.value) })
    }

    static func changesJSON(_ pair: LinkedPair) -> [ChangeJSON] {
        pair.rows.flatMap { row in
            row.changes.map { change in
                ChangeJSON(
                    kind: change.kind.rawValue, national: change.national, provincial: change.provincial,
                    nationalSentences: row.national,
                    provincialSentence: row.provincial,
                    nationalOffset: change.nationalRange.lowerBound, provincialOffset: change.provincialRange.lowerBound
                )
            }
        }
    }

    func json() throws -> String {
        let pairs = comparison.linkedPairs(national: national, provincial: provincial)
        // Changes per provision, gathered once (a filter per provision would be quadratic on long documents).
        var byNational: [String: [Change]] = [:]
        var byProvincial: [String: [Change]] = [:]
        for pair in pairs {
            byNational[pair.link.national, default: []] += pair.changes
            byProvincial[pair.link.provincial, default: []] += pair.changes
        }
        let report = ReportJSON(
            national: DocumentJSON(title: national.title, source: national.source),
            provincial: DocumentJSON(title: provincial.title, source: provincial.source),
            links: pairs.map { pair in
                let link = pair.link
                return LinkJSON(
                    national: nationalClause(link.national), provincial: provincialClause(link.provincial),
                    kind: link.kind.rawValue, score: JSONOutput.rounded(link.score), source: link.source.rawValue,
                    evidence: link.evidence, changes: Self.changesJSON(pair),
                    changeCounts: Self.countsJSON(pair.changes))
            }
                // Related pairs carry nothing, so they have no changes.
                + comparison.links.filter { $0.kind == .related }.map { link in
                    LinkJSON(
                        national: nationalClause(link.national), provincial: provincialClause(link.provincial),
                        kind: link.kind.rawValue, score: JSONOutput.rounded(link.score),
                        source: link.source.rawValue, evidence: link.evidence, changes: [],
                        changeCounts: Self.countsJSON([]))
                },
            nationalOnly: comparison.nationalOnly.map(nationalClause),
            provincialOnly: comparison.provincialOnly.map(provincialClause),
            sentences: comparison.provenance.map { entry in
                ProvenanceJSON(
                    provincial: SentenceJSON(
                        division: entry.provincial.division, index: entry.provincial.index,
                        text: provincialSentence(entry.provincial)),
                    sources: entry.sources.map {
                        SentenceJSON(division: $0.division, index: $0.index, text: nationalSentence($0))
                    },
                    score: JSONOutput.rounded(entry.score))
            },
            nationalSentences: comparison.nationalFates.keys.sorted().map {
                SentenceJSON(division: $0.division, index: $0.index, fate: comparison.nationalFates[$0]!.rawValue)
            },
            coverage: comparison.nationalCoverage.map { coverage in
                var clause = nationalClause(coverage.id)
                clause.status = coverage.status.rawValue
                clause.carriedShare = JSONOutput.rounded(coverage.carriedShare)
                clause.changeCounts = Self.countsJSON(byNational[coverage.id] ?? [])
                return clause
            },
            provincialCoverage: comparison.provincialCoverage.map { coverage in
                var clause = provincialClause(coverage.id)
                clause.newShare = JSONOutput.rounded(coverage.newShare)
                clause.changeCounts = Self.countsJSON(byProvincial[coverage.id] ?? [])
                return clause
            },
            changeCounts: Self.countsJSON(pairs.flatMap(\.changes)))
        return try JSONOutput.text(report)
    }

    // MARK: Side by side

    /// The clause `reference` (national id, number or label, or `p:REFERENCE` for a provincial clause) next to each clause it is
    /// linked with: one row per provincial sentence with its national source(s), dropped national sentences
    /// on the left alone, new provincial sentences on the right alone.
    func sideBySide(clause reference: String, width: Int, colour: Bool) throws -> String {
        let isProvincial = reference.hasPrefix("p:")
        let id = isProvincial ? String(reference.dropFirst(2)) : reference
        let document = isProvincial ? provincial : national
        let resolver = isProvincial ? provincialResolver : nationalResolver
        let resolution = resolver.resolution(id)
        guard let division = resolution.division else {
            printError("duizhao: error: \(document.source): " + (resolver.problem(resolution, reference: id) ?? id))
            throw ExitCode.failure
        }
        let units = Set(document.comparableUnits.map(\.id))
        guard units.contains(division.id) else {
            printError(
                "duizhao: error: \(document.source): \(division.id) is not a compared clause (compared: \(document.comparableUnits.map(\.id).joined(separator: ", ")))"
            )
            throw ExitCode.failure
        }
        let links =
            isProvincial
            ? comparison.nationalLinks(ofProvincial: division.id)
            : comparison.provincialLinks(ofNational: division.id)
        guard !links.isEmpty else {
            let side =
                isProvincial
                ? "provincial clause \(provincialName(division.id)) has no national source (new in the provincial text)"
                : "national clause \(nationalName(division.id)) has no provincial counterpart (dropped)"
            return TerminalSafeText.sanitize(side) + "\n"
        }
        var output = ""
        let level = Localization.dominantLevel(of: provincial)
        for link in links {
            let pair = LinkedPair(
                link: link, comparison: comparison, national: national, provincial: provincial, localLevel: level)
            let nationalPart = nationalName(link.national, withExcerpt: false)
            let rest =
                "⇄  \(provincialName(link.provincial, withExcerpt: false))  · \(link.kind.rawValue) \(TextFormatting.fixed(link.score, digits: 3))"
                + (link.source == .hand ? " ✎ by hand" : "")
            // One line when it fits; else the national provision, then the link on a line of its own (never a
            // break in the middle of a name).
            let oneLine = nationalPart + "  " + rest
            let title = DisplayWidth.of(oneLine) <= width ? oneLine : nationalPart + "\n" + rest
            var footnote: String?
            if !pair.sourcesElsewhere.isEmpty {
                let sources = Array(Set(pair.sourcesElsewhere)).sorted().joined(separator: ", ")
                footnote =
                    "(\(pair.sourcesElsewhere.count) more provincial sentence(s) of \(link.provincial) derive from national \(sources): see --clause \(sources))"
            }
            var view = ClauseView(pair: pair, title: title, width: width, marked: !colour, footnote: footnote)
            view.provincialName = { TerminalSafeText.sanitize(provincialName($0)) }
            let screen = view.screen()
            output += colour ? screen.ansiText(colors: true) : screen.plainText
        }
        return output
    }
}
