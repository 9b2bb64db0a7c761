import DuizhaoCompare
import DuizhaoCore
import XCTest

@testable import DuizhaoReader

/// Walks every key table: each key runs its binding's command, each command has a key, the help lists them all.
final class KeyTableTests: XCTestCase {

    /// Checks one table: no key is bound twice, every command is reachable, and `command(for:)` finds each key.
    func check<Command: CaseIterable & Equatable & Sendable>(
        _ table: KeyTable<Command>, file: StaticString = #filePath, line: UInt = #line
    ) {
        var seen: [InputEvent] = []
        for binding in table.bindings {
            XCTAssertFalse(binding.keys.isEmpty, "\(binding.command) has no key", file: file, line: line)
            XCTAssertFalse(binding.help.isEmpty, "\(binding.command) has no help text", file: file, line: line)
            for key in binding.keys {
                XCTAssertFalse(
                    seen.contains(key), "\(key.keyName) bound twice in \(table.title)", file: file, line: line)
                seen.append(key)
                XCTAssertEqual(table.command(for: key), binding.command, file: file, line: line)
            }
        }
        for command in Command.allCases {
            XCTAssertTrue(
                table.bindings.contains { $0.command == command }, "\(command) has no key in \(table.title)",
                file: file, line: line)
        }
    }

    func testEveryTableIsConsistent() {
        check(ReadingScreen.keys)
        check(ReadingScreen.outlineKeys)
        check(HelpScreen.keys)
        check(BookmarkListScreen.keys)
        check(PromptScreen.keys)
        check(MatrixScreenModel.keys)
    }

    /// A model in the middle of the fixture pair with a bookmark, so that most commands change something.
    func middleModel() -> ReaderModel {
        var model = Fixture.model(width: 80, height: 14)
        _ = model.update(
            .bookmarksLoaded([ReaderBookmark(id: 1, side: .national, clauseID: "1.2", clauseTitle: "2.基本原则")]))
        _ = model.type("/准入")
        model.press(.enter)
        _ = model.jump(toClause: "1.2", focus: .national)
        return model
    }

    /// Pressing any key of a reading binding does exactly what its command does.
    func testEveryReadingKeyRunsItsCommand() {
        let start = middleModel()
        for binding in ReadingScreen.keys.bindings {
            var direct = start
            let directEffects = direct.run { $0.perform(binding.command) }
            for key in binding.keys {
                var pressed = start
                let effects = pressed.update(.input(key))
                XCTAssertEqual(effects, directEffects, "\(key.keyName) → \(binding.command)")
                XCTAssertTrue(pressed.render() == direct.render(), "\(key.keyName) → \(binding.command)")
            }
        }
    }

    func testEveryOutlineKeyRunsItsCommandWhileTheOutlineHasTheFocus() {
        var start = middleModel()
        start.press(.tab)
        start.press(.tab)
        XCTAssertEqual(start.focus, .outline)
        for binding in ReadingScreen.outlineKeys.bindings {
            var direct = start
            _ = direct.run { screen in
                screen.perform(binding.command)
                return []
            }
            for key in binding.keys {
                var pressed = start
                XCTAssertEqual(pressed.update(.input(key)), [])
                XCTAssertTrue(pressed.render() == direct.render(), "\(key.keyName) → \(binding.command)")
            }
        }
    }

    func testUnboundKeysChangeNothing() {
        let start = middleModel()
        for key: InputEvent in [.character("v"), .character("z"), .character("龙"), .character("\u{01}")] {
            var pressed = start
            XCTAssertEqual(pressed.update(.input(key)), [])
            XCTAssertTrue(pressed.render() == start.render(), key.keyName)
        }
    }

    /// The help overlay, scrolled from top to bottom, shows every binding of every table with its help text.
    func testHelpListsEveryBindingOfEveryTable() {
        var model = Fixture.model(width: 100, height: 20)
        model.press(.character("?"))
        var shown = Set<String>()
        for _ in 0..<(model.topScreen as! HelpScreen).lines.count {
            for line in model.render().lines { shown.insert(line) }
            model.press(.character("j"))
        }
        XCTAssertTrue(model.isShowingHelp)
        let text = shown.joined(separator: "\n")
        for section in ReadingScreen.helpSections {
            XCTAssertTrue(text.contains(section.title), "help lacks the section \(section.title)")
            for line in section.lines {
                XCTAssertTrue(
                    shown.contains { $0.contains(line.keys) && $0.contains(line.help) },
                    "help lacks \(line.keys) \(line.help)")
            }
        }
        for key in ["f  Ctrl-F", "<", ">", "?  h", "Ctrl-B", "Ctrl-N", "Ctrl-P", "Enter"] {
            XCTAssertTrue(text.contains(key), "help lacks \(key)")
        }
    }

    func testKeyNames() {
        XCTAssertEqual(control("f").keyName, "Ctrl-F")
        XCTAssertEqual(InputEvent.character(" ").keyName, "Space")
        XCTAssertEqual(InputEvent.backTab.keyName, "Shift-Tab")
        XCTAssertEqual(KeyBinding([key("j"), .down], "", ReadingCommand.lineDown).keyNames, "j  ↓")
    }
}

extension ReaderModel {
    /// Runs a command on the top reading screen directly (not through a key), as the root would.
    mutating func run(_ command: (inout ReadingScreen) -> [ScreenAction]) -> [ReaderEffect] {
        let index = stack.count - 1
        var screen = stack[index] as! ReadingScreen
        message = nil
        var actions = command(&screen)
        if let text = screen.message { actions.append(.notice(text)) }
        screen.message = nil
        stack[index] = screen
        var effects: [ReaderEffect] = []
        apply(actions, from: index, into: &effects)
        return effects
    }
}
