import ArgumentParser
import DuizhaoCompare
import DuizhaoCore
import DuizhaoReader
import DuizhaoSession
import DuizhaoStore
import DuizhaoTerminal
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `duizhao [NATIONAL [PROVINCIAL]]`: the full-screen reader (the default command).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (the default command).",
        discussion: """
            With no files, reads the bundled pair. With one file, reads that document alone. With two, \
            reads the national document (left) and its provincial implementation (right) side by side, \
            scrolled together; the comparison runs in the background. Press ? in the reader for the keys.
            """,
        version: duizhaoVersion)

    @Argument(help: "NATIONAL [PROVINCIAL]: one file to read alone, or a pair; the bundled pair when omitted.")
    var files: [String] = []

    func validate() throws {
        if files.count > 2 { throw ValidationError("give at most two files: NATIONAL PROVINCIAL") }
    }

    func run() throws {
        try Self.read(files)
    }

    /// Reads `files` (none: the bundled pair); what `run` does, callable without building the command (the
    /// start-up fast path in `Duizhao.main`).
    static func read(_ files: [String]) throws {
        let interactive = standardStreamsAreTerminal()
        // A session read before at this size starts with its cached first frame, before anything is imported
        // (the inputs' stamps and the store's are its key); the real first frame then goes over it through the
        // screen diff, sending nothing when they agree.
        let build = buildIdentity()
        let frames = StartFrames(files: files, build: build)
        var terminal: TerminalScreen?
        if interactive, let size = kernelTerminalSize(),
            let frame = frames?.frame(width: size.width, height: size.height)
        {
            terminal = try? TerminalScreen()
            terminal?.draw(frame)
            tcdrain(STDOUT_FILENO)
        }
        // Import first: a bad file is reported on a normal terminal, before curses touches it. (With a cached
        // frame on the screen the files imported before; warnings wait until the terminal is restored.)
        let national: PolicyDocument
        var provincial: PolicyDocument?
        let printingWarnings = terminal == nil
        func load(_ path: String) throws -> PolicyDocument {
            try loadDocument(.file(path), printingWarnings: printingWarnings) { terminal?.end() }
        }
        switch files.count {
        case 0:
            national = BundledDocument.national.load()
            provincial = BundledDocument.provincial.load()
        case 1:
            national = try load(files[0])
        default:
            national = try load(files[0])
            provincial = try load(files[1])
        }
        var warnings = printingWarnings ? [] : warningLines(national) + (provincial.map(warningLines) ?? [])
        defer { warnings.forEach(printError) }
        guard interactive else {
            printError(Self.nonInteractiveUsage(stdoutIsTerminal: isatty(STDOUT_FILENO) != 0))
            throw ExitCode(2)
        }
        // A pair compared before opens aligned: its comparison comes from the cache before the first frame;
        // otherwise it is computed in the background after the first frame and then cached.
        // Hand corrections (`duizhao align`) are applied, and are part of the cache key; one whose provision is
        // gone is reported in the status line (and, with the import warnings, when the terminal is restored).
        let pairCorrections = provincial.map { storedCorrections(national: national, provincial: $0, warn: false) }
        let corrections = pairCorrections?.corrections ?? []
        let correctionNotice = pairCorrections?.notice
        if let correctionNotice { warnings.append("duizhao: warning: \(correctionNotice)") }
        let cache = ComparisonCache(directory: ComparisonCache.defaultDirectory(), toolVersion: build)
        let cacheKey = provincial.map { cache.key(national: national, provincial: $0, corrections: corrections) }
        let cached = cacheKey.flatMap(cache.comparison(forKey:))
        var storeInCache: (@Sendable (Comparison) -> Void)?
        if let cacheKey { storeInCache = { comparison in cache.store(comparison, forKey: cacheKey) } }
        // Bookmarks and the last reading position live in the bookmark store; a read-only or disabled store
        // never stops the reader (its notice is shown in the status line). For documents of ordinary size they
        // are applied before the first frame, so the first screen is the one the user reads; identifying large
        // documents takes longer than a first screen may, so their store opens in the background after it
        // (and their first frame is not cached: it would show a position the start does not have yet).
        let ordinarySize = Self.textBytes(national) + (provincial.map(Self.textBytes) ?? 0) <= Self.ordinaryTextBytes
        var keepFrame: ((Screen) -> Void)?
        if ordinarySize, let frames {
            keepFrame = { [national, provincial] frame in
                frames.keep(frame, national: national, provincial: provincial)
            }
        }
        try runOnTerminal {
            try TerminalSession.run(
                national: national, provincial: provincial, terminal: terminal, comparison: cached,
                comparisonFinished: storeInCache, corrections: corrections,
                persistenceBeforeFirstFrame: ordinarySize,
                openPersistence: { [national, provincial] in
                    storeStartup(
                        national: national, provincial: provincial, store: frames?.takeOpenedStore(),
                        notice: correctionNotice)
                },
                frameForNextStart: keepFrame)
        }
    }

    /// Names the build that computes comparisons, for the cache: the version and the executable's size and
    /// modification time (a rebuilt importer or comparator never reads an older build's results).
    static func buildIdentity() -> String {
        #if os(Linux)
            var status = stat()
            guard stat("/proc/self/exe", &status) == 0 else { return duizhaoVersion }
            return "\(duizhaoVersion) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        #else
            return duizhaoVersion + " " + CommandLine.arguments[0]
        #endif
    }

    /// Up to this much text (both documents, UTF-8), the store is read before the first frame.
    static let ordinaryTextBytes = 1 << 20

    /// The UTF-8 size of a document's paragraphs and headings.
    static func textBytes(_ document: PolicyDocument) -> Int {
        func size(_ division: Division) -> Int {
            division.title.utf8.count + division.paragraphs.reduce(0) { $0 + $1.utf8.count }
                + division.children.reduce(0) { $0 + size($1) }
        }
        return document.preamble.reduce(0) { $0 + $1.utf8.count } + document.divisions.reduce(0) { $0 + size($1) }
    }

    /// What to do instead when there is no terminal to draw on.
    static func nonInteractiveUsage(stdoutIsTerminal: Bool) -> String {
        let which = stdoutIsTerminal ? "standard input" : "standard output"
        return """
            duizhao: the reader needs a terminal, but \(which) is not one.
            Without a terminal, use the non-interactive commands:
              duizhao outline [FILE] [--json]                    the section and clause hierarchy
              duizhao show ID [--doc national|provincial|FILE]   the full text of one clause or section
              duizhao compare [NATIONAL PROVINCIAL] [--json]     how the provincial clauses align with the national
              duizhao matrix NATIONAL DOC... [--json|--csv|--html F]  one national document against its implementations
              duizhao bookmarks list|add|remove|export           saved places
              duizhao align link|unlink|list|remove              hand corrections of the alignment
            Run 'duizhao help COMMAND' for the options of each.
            """
    }
}

/// The frame cache as the reader's start uses it: keys of the build, the inputs (regular files, by their
/// `FileStamp`; the bundled pair is part of the build) and the size. A kept frame is used when the store's files
/// are as they were (`StoreLocation.stamp`), or else when what the frame shows of the store is
/// (`BookmarkStore.firstFrameView`: the store is opened for that, and handed on to the session).
private final class StartFrames: @unchecked Sendable {
    let cache = FrameCache(path: FrameCache.defaultPath())
    let storeDirectory = StoreLocation.defaultDirectoryPath()
    let build: String
    let inputs: [String]
    /// The store opened to check a kept frame, until the session takes it (once).
    private var openedStore: BookmarkStore?
    private let lock = Mutex(())

    /// Nil when an input is not a regular file (a pipe, a device): nothing to find again.
    init?(files: [String], build: String) {
        var inputs: [String] = []
        for file in files {
            guard let stamp = FileStamp.ofRegularFile(file) else { return nil }
            inputs.append("file:\(stamp):\(file)")
        }
        self.build = build
        self.inputs = inputs
    }

    /// The kept first frame at this size, when it shows the store as it is.
    func frame(width: Int, height: Int) -> Screen? {
        guard let kept = cache.kept(forKey: key(width, height)) else { return nil }
        if kept.storeStamp == StoreLocation.stamp(directoryPath: storeDirectory) { return kept.screen }
        let store = BookmarkStore.openDefault()
        lock.withLock { _ in openedStore = store }
        return store.firstFrameView(of: DocumentPairKey(rawValue: kept.pairKey)) == kept.storeView ? kept.screen : nil
    }

    /// The store opened by `frame`, once.
    func takeOpenedStore() -> BookmarkStore? {
        lock.withLock { _ in
            defer { openedStore = nil }
            return openedStore
        }
    }

    /// Keeps the next start's first frame of `national` and `provincial` (the session's store is closed).
    func keep(_ frame: Screen, national: PolicyDocument, provincial: PolicyDocument?) {
        let pair = DocumentPairKey(national: national, provincial: provincial)
        // The view first: the stamp is taken once this store is closed again (closing may remove its WAL file).
        let view = BookmarkStore.openDefault().firstFrameView(of: pair)
        cache.store(
            frame, forKey: key(frame.width, frame.height),
            storeStamp: StoreLocation.stamp(directoryPath: storeDirectory), pairKey: pair.rawValue, storeView: view)
    }

    private func key(_ width: Int, _ height: Int) -> String {
        FrameCache.key(build: build, inputs: inputs, width: width, height: height)
    }
}
