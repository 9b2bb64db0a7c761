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
        for path in [
            "share/bash-completion/completions/duizhao", "share/zsh/site-functions/_duizhao",
            "share/fish/vendor_completions.d/duizhao.fish",
        ] {
            XCTAssertFalse(try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8).isEmpty, path)
        }
    }
}
