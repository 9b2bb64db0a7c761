import DuizhaoTestSupport
import Foundation
import XCTest

@testable import DuizhaoCore

/// One test per input shape the importer must handle. All texts are invented for these tests.
final class ImporterShapeTests: XCTestCase {
    private func headings(_ document: PolicyDocument) -> [String] {
        document.allDivisions.map { "\($0.id) \($0.title)" }
    }

    private func fixtureURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    private func writeTemporary(_ bytes: [UInt8], name: String = "doc.txt") throws -> String {
        try ScratchDirectory("duizhao-tests", removedBy: addTeardownBlock).write(Data(bytes), to: name)
    }

    static let cleanText = """
        关于加强城市绿地管理的意见
        2020年4月1日
        为改善人居环境，现提出如下意见。
        一、总体要求
        1.指导思想。坚持生态优先。推动绿色发展。
        2.基本原则。统筹规划，分步实施。
        二、主要任务
        3.扩大绿地面积
        新建一批城市公园。
        改造老旧街头绿地。
        4.加强养护管理。建立养护标准。
        """

    // MARK: Encodings and line ends

    func testUTF8WithBOMAndCRLF() throws {
        let text = Self.cleanText.replacingOccurrences(of: "\n", with: "\r\n")
        let path = try writeTemporary([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let document = try PolicyImporter.importFile(at: path)
        XCTAssertEqual(document.title, "关于加强城市绿地管理的意见")
        XCTAssertEqual(headings(document), ["1 总体要求", "1.1 指导思想", "1.2 基本原则", "2 主要任务", "2.3 扩大绿地面积", "2.4 加强养护管理"])
        XCTAssertEqual(document.division(id: "2.3")?.paragraphs, ["新建一批城市公园。", "改造老旧街头绿地。"])
        XCTAssertFalse(document.allDivisions.flatMap(\.paragraphs).contains { $0.contains("\r") })
    }

    func testOldMacCRLineEnds() throws {
        let path = try writeTemporary(Array(Self.cleanText.replacingOccurrences(of: "\n", with: "\r").utf8))
        let document = try PolicyImporter.importFile(at: path)
        XCTAssertEqual(document.allDivisions.count, 6)
        XCTAssertEqual(document.date, "2020-04-01")
        XCTAssertEqual(document.preamble, ["为改善人居环境，现提出如下意见。"])
    }

    func testGB18030FileIsDetectedWithRestartingNumberingAndFullWidthDigits() throws {
        let document = try PolicyImporter.importFile(at: fixtureURL("gb18030-restarting.txt").path)
        XCTAssertEqual(document.title, "关于加强农田水利建设的意见")
        XCTAssertEqual(document.documentNumber, "甘农发〔2019〕7号")
        XCTAssertEqual(document.date, "2019-03-05")
        XCTAssertEqual(document.issuers, ["甘肃省农业农村厅"])
        XCTAssertEqual(headings(document), ["1 总体要求", "1.1 指导思想", "1.2 基本原则", "2 重点任务", "2.1 完善灌溉设施", "2.2 推进高效节水"])
        XCTAssertEqual(document.division(id: "2.1")?.label, "1．")
        XCTAssertEqual(document.warnings.first, .decoded(.gb18030))
        XCTAssertEqual(document.division(id: "2.2")?.paragraphs, ["推广喷灌、滴灌等高效节水技术。"])
    }

    func testUTF16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.cleanText.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let document = try PolicyImporter.importFile(at: try writeTemporary(bytes))
        XCTAssertEqual(document.allDivisions.count, 6)
    }

    // MARK: Indentation and web residue

    func testTabsIdeographicSpacesNbspAndMarkdownAreIndentationAndResidue() {
        let text = """
            <p>关于加强城市绿地管理的意见</p>
            **一、总体要求**
            \t1.指导思想。坚持&nbsp;生态优先。
            &nbsp;&nbsp;2.基本原则。统筹规划，[分步实施](http://example.invalid/x)。
            **　二、主要任务**
            　　3.扩大绿地面积。新建一批城市公园。
            """
        let document = PolicyImporter.importText(text, source: "web")
        XCTAssertEqual(document.title, "关于加强城市绿地管理的意见")
        XCTAssertEqual(headings(document), ["1 总体要求", "1.1 指导思想", "1.2 基本原则", "2 主要任务", "2.3 扩大绿地面积"])
        XCTAssertEqual(document.division(id: "1.1")?.paragraphs, ["坚持 生态优先。"])
        XCTAssertEqual(document.division(id: "1.2")?.paragraphs, ["统筹规划，分步实施。"])
    }

    // MARK: Noise around the document

    func testBlogWrapperQuotingAClauseAndTrailingNewsAreDropped() {
        let text = """
            # 读《意见》有感 - 某某的博客
            2020年05月02日 08:15:33 阅读数：88
            意见第4条写得好，条文如下：
            4.加强养护管理。建立养护标准。
            我们要认真学习。
            新华社北京4月1日电 近日，某某部印发了《关于加强城市绿地管理的意见》，要求认真贯彻落实。
            《关于加强城市绿地管理的意见》全文如下。
            为改善人居环境，现提出如下意见。
            一、总体要求
            1.指导思想。坚持生态优先。
            2.基本原则。统筹规划。
            二、主要任务
            3.扩大绿地面积。新建一批城市公园。
            4.加强养护管理。建立养护标准。
            (责任编辑: 张三 )
            二、另一篇新闻的小标题
            某地召开绿化工作会议
            """
        let document = PolicyImporter.importText(text, source: "blog")
        XCTAssertEqual(document.title, "关于加强城市绿地管理的意见")
        XCTAssertEqual(document.issuers, ["某某部"])
        XCTAssertEqual(document.date, "2020-04-01")
        XCTAssertEqual(document.preamble, ["为改善人居环境，现提出如下意见。"])
        XCTAssertEqual(document.notice.count, 1)
        XCTAssertTrue(document.notice[0].hasPrefix("新华社北京4月1日电"))
        let clauses = document.allDivisions.filter { $0.kind == .clause }
        XCTAssertEqual(clauses.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(document.division(id: "2.4")?.paragraphs, ["建立养护标准。"])
        XCTAssertEqual(document.divisions.count, 2)
    }

    func testTimestampIsNotAClauseAndTrailingHeadlinesAreNotPartOfTheLastClause() {
        let text = """
            关于加强城市绿地管理的实施意见
            23.11.2020  18:33
            一、总体要求
            1.指导思想。坚持生态优先。
            2.基本原则。统筹规划。
            二、主要任务
            3.扩大绿地面积。新建一批城市公园。
            全省绿化工作会议召开
            某市启动春季植树活动
            """
        let document = PolicyImporter.importText(text, source: "news")
        XCTAssertEqual(document.allDivisions.filter { $0.kind == .clause }.map(\.number), [1, 2, 3])
        XCTAssertEqual(document.division(id: "2.3")?.paragraphs, ["新建一批城市公园。"])
        XCTAssertTrue(
            document.warnings.contains { if case .ignoredTrailing = $0 { return true } else { return false } },
            "\(document.warnings)")
        XCTAssertFalse(document.preamble.contains { $0.contains("18:33") })
    }

    // MARK: PDF copies

    func testHardWrappedPDFTextWithPageFootersAndNoBlankLines() {
        // Wrapped at 20 cells; continuation lines are not indented; page footers in between.
        let text = """
            关于加强城市绿地管理的意见
            一、总体要求
            1.指导思想。坚持生态优先，推
            动绿色发展，建设美丽城市，让
            群众共享绿色福利。
            2.基本原则。统筹规划，分步实
            施，因地制宜，突出重点，注重
            实效。
            — 2 —
            二、主要任务
            3.扩大绿地面积。新建一批城市
            公园，改造老旧街头绿地，增加

            - 3 -

            口袋公园数量。
            4.加强养护管理。建立养护标准。
            """
        let document = PolicyImporter.importText(text, source: "pdf")
        XCTAssertEqual(headings(document), ["1 总体要求", "1.1 指导思想", "1.2 基本原则", "2 主要任务", "2.3 扩大绿地面积", "2.4 加强养护管理"])
        XCTAssertEqual(document.division(id: "1.1")?.paragraphs, ["坚持生态优先，推动绿色发展，建设美丽城市，让群众共享绿色福利。"])
        XCTAssertEqual(document.division(id: "2.3")?.paragraphs, ["新建一批城市公园，改造老旧街头绿地，增加口袋公园数量。"])
        XCTAssertFalse(
            document.allDivisions.flatMap(\.paragraphs).contains { $0.contains("—") || $0.contains("- 3 -") })
    }

    func testHardWrappedTextWithIndentedParagraphStarts() {
        let text = """
            关于加强城市绿地管理的意见
            一、总体要求
            1.指导思想
            　　坚持生态优先，推动绿色发展。
            建设美丽城市，让群众共享绿色福
            利。
            　　坚持以人民为中心，加快城市
            更新。
            2.基本原则
            　　统筹规划，分步实施，因地制宜
            ，突出重点。
            """
        let document = PolicyImporter.importText(text, source: "pdf-indented")
        XCTAssertEqual(
            document.division(id: "1.1")?.paragraphs, ["坚持生态优先，推动绿色发展。建设美丽城市，让群众共享绿色福利。", "坚持以人民为中心，加快城市更新。"])
        XCTAssertEqual(document.division(id: "1.2")?.paragraphs, ["统筹规划，分步实施，因地制宜，突出重点。"])
    }

    // MARK: Numbering styles

    func testInlineAndStandAloneTitlesWithAllNumberingStyles() {
        let text = """
            关于加强城市绿地管理的意见
            一、总体要求
            （一）基本思路。坚持生态优先。
            1。重要性和紧迫性。绿地是城市的肺。
            2、指导思想。坚持以人民为中心。
            （1）第一项。内容一。
            （2）第二项。内容二。
            (二)工作目标
            １．到2025年，绿地率达到40%。
            二、保障措施
            (一)加强领导。各地要高度重视。
            """
        let document = PolicyImporter.importText(text, source: "styles")
        XCTAssertEqual(
            document.allDivisions.map { "\($0.id)|\($0.kind.rawValue)|\($0.label)|\($0.title)" },
            [
                "1|section|一、|总体要求",
                "1.1|item|（一）|基本思路",
                "1.1.1|clause|1。|重要性和紧迫性",
                "1.1.2|clause|2、|指导思想",
                "1.1.2.1|subitem|（1）|第一项",
                "1.1.2.2|subitem|（2）|第二项",
                "1.2|item|(二)|工作目标",
                "1.2.1|clause|１．|",  // a sentence, not a title: shown by its excerpt
                "2|section|二、|保障措施",
                "2.1|item|(一)|加强领导",
            ])
        XCTAssertEqual(document.division(id: "1.1")?.paragraphs, ["坚持生态优先。"])
        XCTAssertEqual(document.division(id: "1.1.2.2")?.paragraphs, ["内容二。"])
        XCTAssertEqual(document.division(id: "1.2.1")?.paragraphs, ["到2025年，绿地率达到40%。"])
        XCTAssertEqual(document.division(id: "1.2.1")?.excerpt, "到2025年，绿地率达到40%…")
    }

    func testItemsNumberedStraightThroughTheSectionsAreItems() {
        let text = """
            关于加强城市绿地管理的意见
            一、总体要求
            （一）指导思想。坚持生态优先。
            （二）基本原则。统筹规划。
            二、主要任务
            （三）扩大绿地面积。新建公园。
            （四）加强养护管理。建立标准。
            """
        let document = PolicyImporter.importText(text, source: "items")
        XCTAssertEqual(headings(document), ["1 总体要求", "1.1 指导思想", "1.2 基本原则", "2 主要任务", "2.3 扩大绿地面积", "2.4 加强养护管理"])
        XCTAssertFalse(document.warnings.contains { if case .outOfSequence = $0 { return true } else { return false } })
    }

    /// The bundled texts, hard-wrapped at several widths as a PDF copy would be, give the same outline and paragraphs.
    func testBundledTextsHardWrappedAtAnyWidthImportLikeTheOriginals() {
        for bundled in BundledDocument.allCases {
            let original = bundled.load()
            for width in [23, 31, 37, 44] {
                let wrapped = bundled.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
                    line -> [String] in
                    let characters = Array(line)
                    if characters.count <= width { return [String(line)] }
                    return stride(from: 0, to: characters.count, by: width).map {
                        String(characters[$0..<min($0 + width, characters.count)])
                    }
                }.joined(separator: "\n")
                let document = PolicyImporter.importText(wrapped, source: "wrapped")
                XCTAssertEqual(document.title, original.title, "\(bundled) at \(width)")
                XCTAssertEqual(
                    document.allDivisions.map(\.heading), original.allDivisions.map(\.heading), "\(bundled) at \(width)"
                )
                XCTAssertEqual(
                    document.allDivisions.map(\.paragraphs), original.allDivisions.map(\.paragraphs),
                    "\(bundled) at \(width)")
                XCTAssertEqual(document.preamble, original.preamble, "\(bundled) at \(width)")
            }
        }
    }

    func testAQuotedSectionBeforeTheDocumentAndAnAttachmentWithItsOwnNumbering() {
        let text = """
            某网友：我最喜欢这一段——
            一、总体要求
            关于加强城市绿地管理的意见
            一、总体要求
            1.指导思想。坚持生态优先。
            二、主要任务
            2.扩大绿地面积。新建公园。
            附件
            一、分工安排
            1.市园林局。负责总体推进。
            二、进度要求
            2.年底前。完成建设任务。
            """
        let document = PolicyImporter.importText(text, source: "attachment")
        XCTAssertEqual(document.title, "关于加强城市绿地管理的意见")
        XCTAssertEqual(
            headings(document),
            [
                "1 总体要求", "1.1 指导思想", "2 主要任务", "2.2 扩大绿地面积",
                "A1 ", "A1.1 分工安排", "A1.1.1 市园林局", "A1.2 进度要求", "A1.2.2 年底前",
            ])
        XCTAssertEqual(document.division(id: "A1")?.label, "附件")
        XCTAssertEqual(document.division(id: "2.2")?.paragraphs, ["新建公园。"])
    }

    func testDecimalNumbersAndOutOfSequenceNumbersAreText() {
        let text = """
            关于加强城市绿地管理的意见
            一、总体要求
            1.指导思想。坚持生态优先。
            1.5倍于去年的投入将用于绿化。
            2.基本原则。统筹规划。
            7.这一行编号跳跃，不是条款。
            3.工作目标。绿地率达到40%。
            """
        let document = PolicyImporter.importText(text, source: "numbers")
        XCTAssertEqual(document.allDivisions.filter { $0.kind == .clause }.map(\.number), [1, 2, 3])
        XCTAssertEqual(document.division(id: "1.1")?.paragraphs, ["坚持生态优先。", "1.5倍于去年的投入将用于绿化。"])
        XCTAssertEqual(document.division(id: "1.2")?.paragraphs, ["统筹规划。", "7.这一行编号跳跃，不是条款。"])
        XCTAssertTrue(document.warnings.contains { if case .outOfSequence = $0 { return true } else { return false } })
    }

    // MARK: No structure and bad input

    func testUnstructuredTextOpensAsOneDivisionWithAWarning() throws {
        let path = try writeTemporary(Array("城市绿化是一项长期工作。\n各地要持续推进。\n".utf8), name: "note.txt")
        let document = try PolicyImporter.importFile(at: path)
        XCTAssertEqual(document.divisions.count, 1)
        XCTAssertEqual(document.divisions[0].kind, .body)
        XCTAssertEqual(document.divisions[0].paragraphs, ["城市绿化是一项长期工作。", "各地要持续推进。"])
        XCTAssertTrue(document.warnings.contains(.noNumbering))
        XCTAssertEqual(document.title, "note")
    }

    func testBadInputGivesErrorsNamingTheFile() throws {
        func problem(_ path: String) -> ImportError.Problem? {
            do {
                _ = try PolicyImporter.importFile(at: path)
                return nil
            } catch let error as ImportError {
                XCTAssertEqual(error.path, path)
                XCTAssertTrue(error.description.hasPrefix(path + ": "), error.description)
                return error.problem
            } catch {
                XCTFail("\(error)")
                return nil
            }
        }
        let empty = try writeTemporary([], name: "empty.txt")
        XCTAssertEqual(problem(empty), .empty)
        XCTAssertEqual(problem(try writeTemporary(Array(" \n\u{3000}\n".utf8), name: "blank.txt")), .onlyWhitespace)
        let directory = (empty as NSString).deletingLastPathComponent
        XCTAssertEqual(problem(directory), .isDirectory)
        XCTAssertEqual(
            problem(try writeTemporary([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00], name: "a.out")),
            .binary)
        XCTAssertEqual(
            problem(try writeTemporary([0xE4, 0xB8, 0x80, 0xFF, 0x80, 0x41, 0x42, 0x0A], name: "bad.txt")), .undecodable
        )
        XCTAssertEqual(problem(directory + "/missing.txt"), .noSuchFile)
        XCTAssertEqual(problem(empty + "/below-a-file.txt"), .noSuchFile)
        // Special files: /dev/null reads as empty, an endless device stops at its first bytes.
        XCTAssertEqual(problem("/dev/null"), .empty)
        XCTAssertEqual(problem("/dev/zero"), .binary)
        XCTAssertEqual(ImportError.Problem.notARegularFile(kind: "socket").description, "is a socket, not a text file")
    }

    func testAPipeIsReadAndANamedFIFOIsRefusedWithoutWaiting() throws {
        // A pipe this process holds (as process substitution or standard input give one): read to its end.
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        let writer = Thread { [ends] in
            let handle = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
            handle.write(Data(Self.cleanText.utf8))
            try? handle.close()
        }
        writer.start()
        let document = try PolicyImporter.importFile(at: "/dev/fd/\(ends[0])")
        close(ends[0])
        XCTAssertEqual(document.title, "关于加强城市绿地管理的意见")
        XCTAssertEqual(document.provisions.count, 4)
        // A named FIFO nobody writes to: refused at once (this call would block forever if it opened it).
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-fifo-\(UUID().uuidString)")
            .path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        addTeardownBlock { unlink(fifo) }
        XCTAssertThrowsError(try PolicyImporter.importFile(at: fifo)) { error in
            XCTAssertEqual((error as? ImportError)?.problem, .notARegularFile(kind: "FIFO (named pipe)"))
            XCTAssertTrue("\(error)".contains(fifo), "\(error)")
        }
        // The same through a symbolic link.
        let link = fifo + ".txt"
        XCTAssertEqual(symlink(fifo, link), 0)
        addTeardownBlock { unlink(link) }
        XCTAssertThrowsError(try PolicyImporter.importFile(at: link))
    }

    func testUnreadableFileSaysPermissionDenied() throws {
        try XCTSkipIf(getuid() == 0, "permissions do not apply to root")
        let path = try writeTemporary(Array("关于某事的通知".utf8), name: "secret.txt")
        chmod(path, 0)
        addTeardownBlock { chmod(path, 0o600) }
        XCTAssertThrowsError(try PolicyImporter.importFile(at: path)) {
            XCTAssertEqual(($0 as? ImportError)?.problem, .permissionDenied)
        }
    }
}
