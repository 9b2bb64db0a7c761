// swift-tools-version:6.0
import PackageDescription

/// The library modules a reading session is built on (the reader's executables link them all).
let sessionModules: [Target.Dependency] = [
    "DuizhaoCore", "DuizhaoCompare", "DuizhaoMatrix", "DuizhaoStore", "DuizhaoReader", "DuizhaoTerminal",
]

let package = Package(
    name: "duizhao",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "duizhao", targets: ["duizhao"]),
        .executable(name: "duizhao-bench", targets: ["duizhao-bench"]),
        .library(name: "DuizhaoCore", targets: ["DuizhaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // System ncursesw (wide-character build), linked by DuizhaoTerminal's settings. The shim sets the
        // feature macros itself: the pkg-config file's `-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600` are flags SwiftPM
        // refuses (and warns about) anyway.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
        ),
        // Pure core: document model, importer, text measurement and wrapping, bundled documents. OpenCC (繁→简
        // folding for matching; Debian `libopencc-dev`) is loaded on first use, not linked: see `TextFolding`; so
        // are libxml2 and libzip (`CDocumentFormats`). PDFs are read by `pdftotext` (poppler-utils), a subprocess.
        // libxml2 (HTML and XML parsers) and libzip for saved web pages and Word files, loaded on first use with
        // dlopen, not linked (their dependencies, ICU and libstdc++, libcrypto, would cost every start): a C target
        // compiled against their headers (Debian `libxml2-dev`, `libzip-dev`), its own header naming none of their
        // types.
        .target(
            name: "CDocumentFormats",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2", "-I/usr/local/opt/libxml2/include/libxml2"])]
        ),
        .target(name: "DuizhaoCore", dependencies: ["CDocumentFormats"]),
        // Pure comparison engine: clause alignment, sentence provenance, character diffs, coverage.
        .target(name: "DuizhaoCompare", dependencies: ["DuizhaoCore"]),
        // Pure adoption matrix: one national document against many implementations (summaries, shared additions,
        // JSON/CSV/Markdown/HTML).
        .target(name: "DuizhaoMatrix", dependencies: ["DuizhaoCore", "DuizhaoCompare"]),
        // System SQLite (C API), linked by DuizhaoStore's settings. The store reaches it through one wrapper file
        // (`SQLite.swift`) only.
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // Bookmark and reading-state store on SQLite's C API (no GRDB: it imports full Foundation, whose
        // initialisers every start would pay, issue 13); the on-disk cache of finished comparisons.
        .target(
            name: "DuizhaoStore", dependencies: ["DuizhaoCore", "DuizhaoCompare", "CSQLite"],
            // SQLite: its archive in a Linux release build (no loading and symbol binding of a shared object at
            // every start, issue 13; `libsqlite3-dev` ships it), shared otherwise.
            linkerSettings: [
                .linkedLibrary("sqlite3", .when(platforms: [.macOS])),
                .linkedLibrary("sqlite3", .when(platforms: [.linux], configuration: .debug)),
                .unsafeFlags(["-Xlinker", "-l:libsqlite3.a"], .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // Pure reader: app state, key handling, layout into a grid of styled cells.
        .target(name: "DuizhaoReader", dependencies: ["DuizhaoCore", "DuizhaoCompare", "DuizhaoMatrix"]),
        // Thin ncurses adapter: draws a prepared grid, reads keys.
        .target(
            name: "DuizhaoTerminal", dependencies: ["CNcursesw", "DuizhaoCore", "DuizhaoReader"],
            // ncursesw and its terminfo library: archives in a Linux release build (no loading and symbol binding
            // of two shared objects at every start, issue 13; `libncursesw5-dev` ships both), shared otherwise.
            linkerSettings: [
                .linkedLibrary("ncursesw", .when(platforms: [.macOS])),
                .linkedLibrary("ncursesw", .when(platforms: [.linux], configuration: .debug)),
                .unsafeFlags(
                    ["-Xlinker", "-l:libncursesw.a", "-Xlinker", "-l:libtinfo.a"],
                    .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // A reading session: the reader model, its persistence (bookmark store) and the terminal loop.
        .target(name: "DuizhaoSession", dependencies: sessionModules),
        .executableTarget(
            name: "duizhao",
            dependencies: sessionModules + [
                "DuizhaoSession", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release executable links the Swift runtime and Foundation statically: no dynamic loading
            // and relocation of a dozen Swift libraries at every start (issue 13). Only this executable.
            // (Compiled with the flag too, so its objects name the static libraries Foundation needs.) Linked
            // position-dependent (`-no-pie`): no relative relocations for the loader to apply at each start.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release)
                )
            ]
        ),
        // Fuzzing harness: libFuzzer entry point under `Scripts/fuzz.sh`, a replayer of saved inputs otherwise.
        .executableTarget(name: "duizhao-fuzz", dependencies: ["DuizhaoCore", "DuizhaoCompare"]),
        .executableTarget(name: "duizhao-bench", dependencies: sessionModules + ["DuizhaoSession"]),
        // The man page, duizhao(1), from `duizhao --experimental-dump-help` and the reader's key tables (UTF-8
        // kept: swift-argument-parser's generate-manual plugin drops non-ASCII text). Used by Scripts/install.sh.
        .executableTarget(name: "duizhao-manual", dependencies: ["DuizhaoReader"]),
        .testTarget(
            name: "DuizhaoCoreTests", dependencies: ["DuizhaoCore", "DuizhaoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DuizhaoCompareTests", dependencies: ["DuizhaoCompare", "DuizhaoTestSupport"], exclude: ["Truth"]),
        .testTarget(
            name: "DuizhaoStoreTests", dependencies: ["DuizhaoStore", "DuizhaoCompare", "DuizhaoTestSupport"]),
        .testTarget(name: "DuizhaoMatrixTests", dependencies: ["DuizhaoMatrix", "DuizhaoTestSupport"]),
        .testTarget(
            name: "DuizhaoReaderTests", dependencies: ["DuizhaoReader", "DuizhaoTestSupport"], exclude: ["Frames"]),
        .testTarget(name: "DuizhaoSessionTests", dependencies: ["DuizhaoSession", "DuizhaoTestSupport"]),
        // Shared test helpers: finding the built binary, running processes, driving tmux; fixture documents.
        .target(name: "DuizhaoTestSupport", dependencies: ["DuizhaoCore"], path: "Tests/DuizhaoTestSupport"),
        .testTarget(
            name: "DuizhaoCLITests",
            dependencies: ["DuizhaoCore", "DuizhaoReader", "DuizhaoSession", "DuizhaoTestSupport"]),
    ]
)
