import Foundation

/// Linear growth: every command's time on one long section, the input doubled four times (`duizhao-bench growth
/// [--start SENTENCES] [--binary PATH]`). A national 意见 whose 一、 section holds N sentences (about 50 bytes each)
/// and a provincial one that keeps most of them, reworded or new one in five; each command runs against the
/// `duizhao` binary (the best of three runs) and each doubling prints its time ratio: about 2 is linear, about
/// 4 quadratic.
func runGrowthBenchmark(_ arguments: [String]) throws {
    let binary = try duizhaoBinary(
        arguments.firstIndex(of: "--binary").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil })
    let start =
        arguments.firstIndex(of: "--start").flatMap { $0 + 1 < arguments.count ? Int(arguments[$0 + 1]) : nil }
        ?? 250
    let sizes = (0..<5).map { start << $0 }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-growth-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let commands: [(String, (String, String) -> [String])] = [
        ("outline", { national, _ in ["outline", national] }),
        ("show 1", { national, _ in ["show", "1", "--doc", national, "--width", "80"] }),
        ("compare", { national, provincial in ["compare", national, provincial] }),
        ("compare --json", { national, provincial in ["compare", national, provincial, "--json"] }),
        ("matrix --csv", { national, provincial in ["matrix", national, provincial, "--csv"] }),
        ("matrix --json", { national, provincial in ["matrix", national, provincial, "--json"] }),
    ]
    var times: [[Double]] = Array(repeating: [], count: commands.count)
    var bytes: [Int] = []
    for sentences in sizes {
        let (nationalText, provincialText) = growthPair(sentences: sentences)
        let national = directory.appendingPathComponent("national-\(sentences).txt")
        let provincial = directory.appendingPathComponent("provincial-\(sentences).txt")
        try Data(nationalText.utf8).write(to: national)
        try Data(provincialText.utf8).write(to: provincial)
        bytes.append(nationalText.utf8.count)
        for (index, command) in commands.enumerated() {
            let arguments = command.1(national.path, provincial.path)
            var best = Double.infinity
            for _ in 0..<3 {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let begin = DispatchTime.now().uptimeNanoseconds
                try process.run()
                process.waitUntilExit()
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6
                guard process.terminationStatus == 0 else {
                    throw BenchError("duizhao \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
                }
                best = min(best, elapsed)
            }
            times[index].append(best)
        }
    }
    print("one section of N sentences (national bytes); best of 3 runs in ms; ×: ratio to the size before")
    print(
        "command          "
            + zip(sizes, bytes).map { rightAligned("\($0) (\($1 / 1000) KB)", 14) }.joined())
    for (index, command) in commands.enumerated() {
        var line = command.0.padding(toLength: 16, withPad: " ", startingAt: 0)
        for (position, time) in times[index].enumerated() {
            let ratio = position == 0 ? "" : String(format: " ×%.1f", time / times[index][position - 1])
            line += rightAligned(String(format: "%.0f", time) + ratio, 14)
        }
        print(line)
    }
}

private func rightAligned(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(1, width - text.count)) + text
}

/// A national text with one section of `sentences` sentences and a provincial text that implements it.
private func growthPair(sentences: Int) -> (String, String) {
    let subjects = ["各地区", "各部门", "有关单位", "市县政府", "行业主管部门"]
    let actions = ["加强", "完善", "推进", "落实", "健全"]
    let objects = ["组织实施", "监督检查", "统筹协调", "考核评价", "信息公开", "风险防控", "资金保障"]
    var national = "国务院办公厅关于推进长文测试工作的意见\n\n一、总体要求\n"
    var provincial = "某某省人民政府办公厅关于推进长文测试工作的实施意见\n\n一、总体要求\n"
    var nationalParagraph = ""
    var provincialParagraph = ""
    for index in 0..<sentences {
        let sentence =
            "\(subjects[index % 5])要\(actions[(index / 5) % 5])第\(index + 1)项\(objects[(index / 25) % 7])工作机制。"
        nationalParagraph += sentence
        switch index % 5 {
        case 1: provincialParagraph += "全省\(subjects[index % 5])要切实\(actions[(index / 5) % 5])第\(index + 1)项相关工作。"
        case 3: provincialParagraph += sentence + "省级财政给予第\(index + 1)批专项支持。"
        default: provincialParagraph += sentence
        }
        if index % 10 == 9 || index == sentences - 1 {
            national += nationalParagraph + "\n"
            provincial += provincialParagraph + "\n"
            nationalParagraph = ""
            provincialParagraph = ""
        }
    }
    return (national, provincial)
}
