import DuizhaoReader
import DuizhaoTestSupport
import Foundation
import XCTest

/// The pieces `Scripts/install.sh` installs: completions for bash, zsh and fish and the command description the
/// man page is generated from, each covering every subcommand. The whole install (a release build and the
/// man-page plugin in a build directory of its own, since the test's `.build` is locked: many minutes) runs when
/// DUIZHAO_TEST_INSTALL=1.
final class InstallTests: XCTestCase {
    /// Every command path of the tool, e.g. `bookmarks note`.
    let commands = [
        "read", "outline", "show", "compare", "bookmarks", "bookmarks list", "bookmarks add", "bookmarks remove",
        "bookmarks note", "bookmarks export",
    ]

    func testCompletionScriptsOfferEverySubcommand() throws {
        let binary = try BuiltBinary.duizhao()
        for shell in ["bash", "zsh", "fish"] {
            let result = try runProcess(binary, ["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, "\(shell): \(result.standardError)")
            for name in Set(commands.map { String($0.split(separator: " ").last!) }) {
                XCTAssertTrue(result.standardOutput.contains(name), "\(shell) completion lacks \(name)")
            }
        }
    }

    func testTheManPageSourceDescribesEverySubcommand() throws {
        let result = try runProcess(try BuiltBinary.duizhao(), ["--experimental-dump-help"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        var found: [String: String] = [:]
        func walk(_ command: [String: Any], path: [String]) {
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String else { continue }
                let subPath = path + [name]
                found[subPath.joined(separator: " ")] = sub["abstract"] as? String ?? ""
                walk(sub, path: subPath)
            }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]), path: [])
        for command in commands {
            let abstract = try XCTUnwrap(found[command], "no \(command) in \(found.keys.sorted())")
            XCTAssertFalse(abstract.isEmpty, "\(command) has no abstract for the man page")
        }
    }

    /// duizhao(1) as `Scripts/install.sh` makes it: `duizhao --experimental-dump-help | duizhao-manual`.
    func testTheManPageKeepsChineseAndListsTheKeysTheEnvironmentAndTheFiles() throws {
        let binary = try BuiltBinary.duizhao()
        let generator = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent(
            "duizhao-manual"
        ).path
        let result = try runProcess(
            "/bin/sh", ["-c", "\(shellQuoted(binary)) --experimental-dump-help | \(shellQuoted(generator))"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let manual = result.standardOutput
        // The labels in the commands' help survive (the generate-manual plugin dropped every one).
        XCTAssertTrue(manual.contains("第二十四条"), "Chinese text kept")
        XCTAssertFalse(manual.contains("label ()"), "no emptied parentheses")
        for section in [".SH KEYS", ".SH ENVIRONMENT", ".SH FILES", ".SH COMMANDS"] {
            XCTAssertTrue(manual.contains(section), section)
        }
        for command in commands { XCTAssertTrue(manual.contains(String(command.split(separator: " ").last!)), command) }
        // Every key table's every line, as the reader's `?` lists it.
        for section in KeyReference.sections {
            for line in section.lines {
                let keys = line.keys.replacingOccurrences(of: "-", with: "\\-")
                XCTAssertTrue(manual.contains(".B " + keys + "\n"), "key \(line.keys) (\(section.title))")
            }
        }
        for variable in ["DUIZHAO_DATA_DIR", "DUIZHAO_CACHE_DIR", "NO_COLOR"] {
            XCTAssertTrue(manual.contains(".B " + variable + "\n"), variable)
        }
        XCTAssertTrue(manual.hasPrefix("'\\\" -*- coding: UTF-8 -*-"), "the encoding declared for preconv")
        // man(1), when installed, renders it without complaint.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let scratch = try ScratchDirectory("manual", removedBy: addTeardownBlock)
            let page = try scratch.write(manual, to: "duizhao.1")
            var environment = ProcessInfo.processInfo.environment
            environment["LANG"] = "C.UTF-8"
            environment["MANWIDTH"] = "80"
            let rendered = try runProcess("/usr/bin/man", ["-l", page], environment: environment)
            XCTAssertEqual(rendered.status, 0, rendered.standardError)
            XCTAssertTrue(rendered.standardOutput.contains("第二十四条"), "rendered with the Chinese text")
        }
    }

    func testTheInstallScriptInstallsEverything() throws {
        try XCTSkipUnless(
            ProcessInfo.processInfo.environment["DUIZHAO_TEST_INSTALL"] == "1",
            "the full install builds in release mode; set DUIZHAO_TEST_INSTALL=1 to run it")
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent(
            "duizhao-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        var environment = ProcessInfo.processInfo.environment
        environment["DUIZHAO_SCRATCH_PATH"] = package.appendingPathComponent(".build-install-test").path
        let result = try runProcess(
            "/bin/sh", [package.appendingPathComponent("Scripts/install.sh").path, prefix.path],
            environment: environment)
        XCTAssertEqual(result.status, 0, result.standardError)
        let installed = try runProcess(prefix.appendingPathComponent("bin/duizhao").path, ["--version"])
        XCTAssertEqual(installed.status, 0)
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/duizhao.1"), encoding: .utf8)
        for command in commands { XCTAssertTrue(manual.contains(String(command.split(separator: " ").last!)), command) }
        XCTAssertTrue(manual.contains("第二十四条") && manual.contains(".SH KEYS"))
        for path in [
            "share/bash-completion/completions/duizhao", "share/zsh/site-functions/_duizhao",
            "share/fish/vendor_completions.d/duizhao.fish",
        ] {
            XCTAssertFalse(try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8).isEmpty, path)
        }
    }
}
