import DuizhaoReader
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Writes duizhao(1) in man(7) markup, UTF-8 throughout (swift-argument-parser's generate-manual plugin drops every
// non-ASCII character). Input: `duizhao --experimental-dump-help` on standard input. The KEYS section comes from
// the reader's key tables (`KeyReference`), so the page lists what `?` lists.
//   duizhao --experimental-dump-help | duizhao-manual >duizhao.1

// The parts of swift-argument-parser's help dump (ToolInfoV0; its module is not a product) the page uses.
struct ToolInfoV0: Decodable {
    var command: CommandInfoV0
}

struct CommandInfoV0: Decodable {
    var shouldDisplay: Bool?
    var commandName: String
    var abstract: String?
    var discussion: String?
    var subcommands: [CommandInfoV0]?
    var arguments: [ArgumentInfoV0]?
}

struct ArgumentInfoV0: Decodable {
    struct NameInfoV0: Decodable {
        enum KindV0: String, Decodable { case long, short, longWithSingleDash }
        var kind: KindV0
        var name: String
    }
    enum KindV0: String, Decodable { case positional, option, flag }
    var kind: KindV0
    var shouldDisplay: Bool
    var isOptional: Bool
    var isRepeating: Bool
    var names: [NameInfoV0]?
    var preferredName: NameInfoV0?
    var valueName: String?
    var defaultValue: String?
    var abstract: String?
    var discussion: String?
}

/// Text for a roff text line: backslashes escaped, a line that would start with a control character guarded.
func roff(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var escaped = ""
        for character in line {
            switch character {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            default: escaped.append(character)
            }
        }
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }.joined(separator: "\n")
}

/// A paragraph of free text: blank lines start new paragraphs.
func paragraphs(_ text: String) -> String {
    var blocks: [String] = []
    var current: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.allSatisfy(\.isWhitespace) {
            if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
            current = []
        } else {
            current.append(String(line))
        }
    }
    if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
    return blocks.map { ".PP\n" + roff($0) }.joined(separator: "\n")
}

func argumentSynopsis(_ argument: ArgumentInfoV0) -> String {
    let value = argument.valueName.map { " " + $0.uppercased() } ?? ""
    var text: String
    switch argument.kind {
    case .positional: text = (argument.valueName ?? "value").uppercased()
    case .option: text = (argument.preferredName.map(flagName) ?? "") + value
    case .flag: text = argument.preferredName.map(flagName) ?? ""
    }
    if argument.isRepeating { text += "…" }
    return argument.isOptional ? "[" + text + "]" : text
}

func flagName(_ name: ArgumentInfoV0.NameInfoV0) -> String {
    switch name.kind {
    case .long: "--" + name.name
    case .short: "-" + name.name
    case .longWithSingleDash: "-" + name.name
    }
}

func describe(_ command: CommandInfoV0, path: [String], into page: inout [String]) {
    // --help and --version are the same everywhere: said once, under OPTIONS.
    let arguments = (command.arguments ?? []).filter {
        $0.shouldDisplay && !["help", "version"].contains($0.preferredName?.name ?? "")
    }
    if !path.isEmpty {
        page.append(".SS " + roff((path + [command.commandName]).joined(separator: " ")))
        let synopsis = arguments.map(argumentSynopsis).joined(separator: " ")
        page.append(".B " + roff(([Tool.name] + path.dropFirst() + [command.commandName]).joined(separator: " ")))
        if !synopsis.isEmpty { page.append(roff(synopsis)) }
        if let abstract = command.abstract, !abstract.isEmpty { page.append(paragraphs(abstract)) }
        if let discussion = command.discussion, !discussion.isEmpty { page.append(paragraphs(discussion)) }
        for argument in arguments {
            let names =
                argument.kind == .positional
                ? (argument.valueName ?? "value").uppercased()
                : (argument.names ?? []).map(flagName).joined(separator: ", ")
                    + (argument.kind == .option ? " " + (argument.valueName ?? "value").uppercased() : "")
            page.append(".TP\n.B " + roff(names))
            var help = argument.abstract ?? ""
            if let discussion = argument.discussion, !discussion.isEmpty { help += " " + discussion }
            if let defaultValue = argument.defaultValue, !defaultValue.isEmpty {
                help += " (default: \(defaultValue))"
            }
            page.append(roff(help.isEmpty ? "—" : help))
        }
    }
    for sub in command.subcommands ?? [] where sub.shouldDisplay ?? true && sub.commandName != "help" {
        describe(sub, path: path + [command.commandName], into: &page)
    }
}

enum Tool {
    static let name = "duizhao"
}

func manual(_ info: ToolInfoV0) -> String {
    let root = info.command
    var page: [String] = []
    page.append("'\\\" -*- coding: UTF-8 -*-")
    page.append(".TH DUIZHAO 1 \"\" \"duizhao\" \"User Commands\"")
    page.append(".SH NAME")
    page.append(roff("duizhao — " + (root.abstract ?? "")))
    page.append(".SH SYNOPSIS")
    let names = (root.subcommands ?? []).filter { $0.shouldDisplay ?? true && $0.commandName != "help" }.map(
        \.commandName)
    page.append(".B duizhao\n[NATIONAL [PROVINCIAL]]")
    page.append(".br\n.B duizhao\n" + roff(names.joined(separator: " | ")) + " …")
    page.append(".SH DESCRIPTION")
    if let discussion = root.discussion { page.append(paragraphs(discussion)) }
    page.append(".SH OPTIONS")
    page.append(".TP\n.B \\-h, \\-\\-help\nShow help information (after any command: that command's help).")
    page.append(".TP\n.B \\-\\-version\nShow the version.")
    page.append(".SH COMMANDS")
    describe(root, path: [], into: &page)
    page.append(".SH KEYS")
    page.append(paragraphs("In the reader, ? lists these keys; each table is the one the reader dispatches from."))
    for section in KeyReference.sections {
        page.append(".SS " + roff(section.title))
        for line in section.lines {
            page.append(".TP\n.B " + roff(line.keys) + "\n" + roff(line.help))
        }
    }
    page.append(".SH ENVIRONMENT")
    let environment: [(String, String)] = [
        (
            "DUIZHAO_DATA_DIR",
            "Where bookmarks and the last reading positions live (bookmarks.sqlite); else $XDG_DATA_HOME/duizhao, "
                + "else ~/.local/share/duizhao."
        ),
        (
            "DUIZHAO_CACHE_DIR",
            "Where finished comparisons and the first screen of each pair read are cached; else "
                + "$DUIZHAO_DATA_DIR/cache, else $XDG_CACHE_HOME/duizhao, else ~/.cache/duizhao. Deleting it only "
                + "costs time."
        ),
        ("NO_COLOR", "When set and not empty, the reader uses no colours (attributes only); see https://no-color.org."),
        ("XDG_DATA_HOME, XDG_CACHE_HOME", "The base directories above when the DUIZHAO_ variables are not set."),
        ("LANG, LC_ALL, LC_CTYPE", "The reader needs a UTF-8 locale (e.g. C.UTF-8)."),
        ("TERM", "The terminal type ncurses reads the terminal's capabilities for."),
    ]
    for (name, text) in environment { page.append(".TP\n.B " + roff(name) + "\n" + roff(text)) }
    page.append(".SH FILES")
    let files: [(String, String)] = [
        ("~/.local/share/duizhao/bookmarks.sqlite", "Bookmarks and reading positions (SQLite)."),
        ("~/.cache/duizhao/", "Cached comparisons and first screens."),
    ]
    for (name, text) in files { page.append(".TP\n.I " + roff(name) + "\n" + roff(text)) }
    page.append(".SH SEE ALSO")
    page.append(roff("less(1), vimdiff(1); the documentation in the source tree's docs/ directory."))
    return page.joined(separator: "\n") + "\n"
}

var input: [UInt8] = []
var buffer = [UInt8](repeating: 0, count: 65536)
while true {
    let count = read(0, &buffer, buffer.count)
    if count <= 0 { break }
    input += buffer[0..<count]
}
do {
    let info = try JSONDecoder().decode(ToolInfoV0.self, from: Data(input))
    let text = manual(info)
    let bytes = Array(text.utf8)
    let total = bytes.count
    var offset = 0
    while offset < total {
        let written = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, total - offset) }
        if written <= 0 { exit(1) }
        offset += written
    }
} catch {
    let message = "duizhao-manual: standard input is not `duizhao --experimental-dump-help` output: \(error)\n"
    _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    exit(1)
}
