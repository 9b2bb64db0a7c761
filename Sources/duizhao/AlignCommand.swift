import ArgumentParser
import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoStore
import FoundationEssentials

/// `duizhao align link|unlink|list|remove`: hand corrections of the alignment, kept in the bookmark store and
/// applied by `compare`, `matrix` and the reader.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align", abstract: "Correct the alignment by hand: link, unlink, list and remove corrections.",
        discussion: """
            A correction links a national provision with a provincial one by hand (kind match, partial or \
            related) or rejects the link the machine makes between them. Corrections are kept with the \
            bookmarks (bookmarks.sqlite in $DUIZHAO_DATA_DIR, else $XDG_DATA_HOME/duizhao, else \
            ~/.local/share/duizhao), anchored on each provision's label and text, and follow their provisions \
            into edited, re-encoded or moved copies of the files; one whose provision is gone is listed as \
            such and never applied. compare, matrix and the reader apply them and mark hand links ✎.
            """,
        version: duizhaoVersion,
        subcommands: [Link.self, Unlink.self, List.self, Remove.self],
        defaultSubcommand: List.self)

    /// The two documents and the two references of `link` and `unlink`.
    struct Pair: ParsableArguments {
        @Argument(help: "The national document (a file, or `national`).")
        var nationalDocument: String

        @Argument(help: "The provincial document (a file, or `provincial`).")
        var provincialDocument: String

        @Argument(help: "The national provision: an id (2.4), a number (27, 二十七) or a printed label (第二十七条).")
        var nationalReference: String

        @Argument(help: "The provincial provision, as NATIONAL_REF.")
        var provincialReference: String

        @Option(help: "A note to keep with the correction.")
        var note: String = ""

        /// Loads both documents and finds both provisions; a reference that names no provision is an error
        /// naming it and its file (nothing is stored), exit 1.
        func store(_ action: CorrectionAction) throws {
            let national = try loadDocument(DocumentChoice(nationalDocument))
            let provincial = try loadDocument(DocumentChoice(provincialDocument))
            let nationalDivision = try resolveReference(nationalReference, in: national)
            let provincialDivision = try resolveReference(provincialReference, in: provincial)
            let store = try openStore(forWriting: true)
            let stored = try storeOperation(store) {
                try store.addCorrection(
                    national: national, nationalID: nationalDivision.id, provincial: provincial,
                    provincialID: provincialDivision.id, action: action, note: note)
            }
            let verb = action == .rejected ? "unlinked" : "linked (\(action.rawValue))"
            printText(
                "#\(stored.id) \(verb): \(TerminalSafe.line(nationalDivision.namedHeading)) ⇄ "
                    + TerminalSafe.line(provincialDivision.namedHeading))
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a national provision with a provincial one by hand.", version: duizhaoVersion)

        @OptionGroup var pair: Pair

        @Option(help: "match, partial or related.")
        var kind: String = "match"

        func validate() throws {
            guard let action = CorrectionAction(rawValue: kind), action != .rejected else {
                throw ValidationError("--kind must be match, partial or related (not '\(kind)')")
            }
        }

        func run() throws {
            try pair.store(CorrectionAction(rawValue: kind) ?? .match)
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the link between two provisions (the machine's link does not come back).",
            version: duizhaoVersion)

        @OptionGroup var pair: Pair

        func run() throws {
            try pair.store(.rejected)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the corrections (all, or one pair's), with whether each still applies.",
            version: duizhaoVersion)

        @Argument(help: "The national document, to list one pair's corrections.")
        var nationalDocument: String?

        @Argument(help: "The provincial document.")
        var provincialDocument: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func validate() throws {
            if (nationalDocument == nil) != (provincialDocument == nil) {
                throw ValidationError("give both NATIONAL and PROVINCIAL documents, or neither for every correction")
            }
        }

        func run() throws {
            let store = try openStore(forWriting: false)
            let listed: [ListedCorrection]
            if let nationalDocument, let provincialDocument {
                let national = try loadDocument(DocumentChoice(nationalDocument))
                let provincial = try loadDocument(DocumentChoice(provincialDocument))
                let pair = try storeOperation(store) {
                    try store.corrections(national: national, provincial: provincial)
                }
                listed = pair.resolved.map { item in
                    ListedCorrection(
                        stored: item.stored,
                        national: Self.side(item.national, national),
                        provincial: Self.side(item.provincial, provincial))
                }
            } else {
                let all = try storeOperation(store) { try store.corrections() }
                var catalog = DocumentCatalog(sketches: (try? store.documentSketches()) ?? [:])
                listed = all.map { stored in
                    let national = catalog.locate(stored.national)
                    let provincial = catalog.locate(stored.provincial)
                    return ListedCorrection(
                        stored: stored, national: (national.status, national.division),
                        provincial: (provincial.status, provincial.division))
                }
            }
            if json {
                try printJSON(listed.map(ExportedCorrection.init))
                return
            }
            if listed.isEmpty {
                printText("no alignment corrections (\(store.databaseURL.path))")
                return
            }
            for item in listed {
                let stored = item.stored
                let verb = stored.action == .rejected ? "✗ unlinked" : "✎ \(stored.action.rawValue)"
                var line = "#\(stored.id)  \(verb)  \(item.nationalName) ⇄ \(item.provincialName)"
                switch item.status {
                case .exact: break
                case .relocated: line += "  (found again in an edited copy)"
                case .orphaned: line += "  (provision gone: not applied)"
                case .documentUnavailable: line += "  (document not available)"
                }
                printText(TerminalSafe.line(line))
                printText(
                    "    "
                        + TerminalSafe.line(
                            "\(stored.national.documentSource) ⇄ \(stored.provincial.documentSource)"))
                if !stored.note.isEmpty { printText("    " + TerminalSafe.line(stored.note)) }
            }
        }

        static func side(_ resolution: AnchorResolution, _ document: PolicyDocument) -> (LocationStatus, Division?) {
            switch resolution {
            case .exact(let id): return (.exact, document.division(id: id))
            case .relocated(let id, _): return (.relocated, document.division(id: id))
            case .orphaned: return (.orphaned, nil)
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a correction by its number (the machine's alignment applies again).",
            version: duizhaoVersion)

        @Argument(help: "The correction's number, as `align list` shows it (12 or #12).")
        var number: String

        func run() throws {
            guard let id = Int64(number.hasPrefix("#") ? String(number.dropFirst()) : number) else {
                printError("duizhao: error: '\(number)' is not a correction number (see `duizhao align list`)")
                throw ExitCode.failure
            }
            let store = try openStore(forWriting: true)
            try storeOperation(store) { try store.removeCorrection(id: id) }
            printText("removed correction #\(id)")
        }
    }
}

/// Finds the provision a clause reference names (an id, a number or a printed label), as `show` does; a
/// reference that names none is an error naming the file and the reference. The one place `align` resolves
/// references.
func resolveReference(_ reference: String, in document: PolicyDocument) throws -> Division {
    guard let division = document.resolveDivision(reference) else {
        printError("duizhao: error: \(document.source): no provision with id, number or label '\(reference)'")
        throw ExitCode.failure
    }
    // Only the compared provisions are aligned: a chapter or a paragraph inside an article links nothing.
    guard document.comparableUnits.contains(where: { $0.id == division.id }) else {
        let units = document.comparableUnits
        let example = units.prefix(3).map { $0.label.isEmpty ? $0.id : $0.label }.joined(separator: ", ")
        printError(
            "duizhao: error: \(document.source): '\(reference)' names \(division.namedHeading) [\(division.id)], "
                + "which is not a compared provision (\(units.count) are, e.g. \(example))")
        throw ExitCode.failure
    }
    return division
}

/// A stored correction with where its provisions are now.
struct ListedCorrection {
    var stored: StoredCorrection
    var national: (status: LocationStatus, division: Division?)
    var provincial: (status: LocationStatus, division: Division?)

    /// The worse of the two sides.
    var status: LocationStatus {
        let statuses = [national.status, provincial.status]
        for status in [LocationStatus.orphaned, .documentUnavailable, .relocated] where statuses.contains(status) {
            return status
        }
        return .exact
    }

    var nationalName: String { national.division?.namedHeading ?? stored.national.clauseHeading }
    var provincialName: String { provincial.division?.namedHeading ?? stored.provincial.clauseHeading }
}

/// The JSON of `align list --json`: the two files, both references as printed, kind, note, time and status.
struct ExportedCorrection: Encodable {
    var id: Int64
    var nationalFile: String
    var provincialFile: String
    /// The provision's printed label (its id when it has none), as it is now, else as stored.
    var nationalRef: String
    var provincialRef: String
    var nationalHeading: String
    var provincialHeading: String
    /// match, partial, related, or rejected (`align unlink`).
    var kind: String
    var note: String
    var time: String
    /// exact, relocated, orphaned (a provision is gone: not applied) or document-unavailable.
    var status: LocationStatus

    init(_ item: ListedCorrection) {
        id = item.stored.id
        nationalFile = item.stored.national.documentSource
        provincialFile = item.stored.provincial.documentSource
        nationalRef = Self.reference(item.national.division, item.stored.national)
        provincialRef = Self.reference(item.provincial.division, item.stored.provincial)
        nationalHeading = item.nationalName
        provincialHeading = item.provincialName
        kind = item.stored.action.rawValue
        note = item.stored.note
        time = Date.ISO8601FormatStyle().format(item.stored.createdAt)
        status = item.status
    }

    static func reference(_ division: Division?, _ anchor: BookmarkAnchor) -> String {
        if let division { return division.label.isEmpty ? division.id : division.label }
        return anchor.clauseID
    }
}

/// The corrections stored for a pair, for `compare` and the reader: none when there is no store file yet (a
/// command that only reads never creates one) or it cannot be read. A correction whose provision is gone is
/// reported on standard error when `warn` is true.
func storedCorrections(national: PolicyDocument, provincial: PolicyDocument, warn: Bool = true) -> PairCorrections {
    guard let store = existingStore() else { return .none }
    let pair = (try? store.corrections(national: national, provincial: provincial)) ?? .none
    if warn, let notice = pair.notice { printError("duizhao: warning: \(notice)") }
    return pair
}

/// The default store when its file exists (opened, possibly read-only); nil otherwise.
func existingStore() -> BookmarkStore? {
    let directory = StoreLocation.defaultDirectory()
    let file = directory.appendingPathComponent(StoreLocation.databaseFileName).path
    guard FileManager.default.fileExists(atPath: file) else { return nil }
    let store = BookmarkStore.openDefault()
    return store.access == .disabled || store.isBusy ? nil : store
}
