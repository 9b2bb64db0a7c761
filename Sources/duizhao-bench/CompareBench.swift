import DuizhaoCompare
import DuizhaoCore
import Foundation

/// Benchmark of the comparison engine (release mode):
/// - the bundled pair, import of both texts plus the full comparison;
/// - scaling on synthetic national/provincial pairs of 100, 1,000 and 5,000 clauses per side (about 2 KB per
///   clause), each size in a fresh child process so its time and peak memory are its own; the generator knows
///   which clauses it derived from which, so the table also shows how many of those links the engine found.
/// - real law pairs from `Tests/Fixtures/corpus` (the national 村民委员会组织法, 41 articles, with Henan's 61-article and
///   Zhejiang's 48-article 实施办法), import and comparison timed separately;
/// - that national law against all its implementations, each pair on its own and with the national side prepared
///   once (`Comparator.prepare`), as `duizhao matrix` does;
/// `duizhao-bench compare [--sizes 100,1000,5000] [--corpus DIR]`; the child mode is `compare --child N`.
func runCompareBenchmark(_ arguments: [String]) throws {
    if let childIndex = arguments.firstIndex(of: "--child"), childIndex + 1 < arguments.count,
        let clauses = Int(arguments[childIndex + 1])
    {
        compareChild(clauses: clauses)
        return
    }
    let sizes =
        arguments.firstIndex(of: "--sizes").flatMap { index in
            index + 1 < arguments.count ? arguments[index + 1].split(separator: ",").compactMap { Int($0) } : nil
        } ?? [100, 1000, 5000]

    // The bundled pair: import both texts and compare, many times.
    var importAndCompare: [Double] = []
    var compareOnly: [Double] = []
    var linkCount = 0
    for run in 0..<60 {
        let start = DispatchTime.now().uptimeNanoseconds
        let national = PolicyImporter.importText(BundledDocument.national.text, source: "bundled:national")
        let provincial = PolicyImporter.importText(BundledDocument.provincial.text, source: "bundled:provincial")
        let imported = DispatchTime.now().uptimeNanoseconds
        let comparison = Comparator.compare(national: national, provincial: provincial)
        let end = DispatchTime.now().uptimeNanoseconds
        linkCount = comparison.links.count
        if run >= 10 {  // the first runs warm caches and the allocator
            importAndCompare.append(Double(end - start) / 1e6)
            compareOnly.append(Double(end - imported) / 1e6)
        }
    }
    importAndCompare.sort()
    compareOnly.sort()
    print(
        String(
            format:
                "bundled pair (24 + 20 clauses, %d links): import + compare median %.2f ms (best %.2f ms); compare alone median %.2f ms (best %.2f ms)",
            linkCount, importAndCompare[importAndCompare.count / 2], importAndCompare[0],
            compareOnly[compareOnly.count / 2],
            compareOnly[0]))

    let corpus =
        arguments.firstIndex(of: "--corpus").flatMap { index in
            index + 1 < arguments.count ? arguments[index + 1] : nil
        } ?? "Tests/Fixtures/corpus"
    benchmarkLawPairs(corpus: corpus)
    benchmarkPreparedNational(corpus: corpus)

    // Scaling, one child process per size.
    print("")
    print("synthetic pairs (each size in a fresh process; peak RSS from VmHWM):")
    print(
        "clauses/side  MB/side  sentences/side  import ms  compare ms  peak RSS MB  compare +MB  derived links found  wrong links"
    )
    var results: [(clauses: Int, seconds: Double, megabytes: Double)] = []
    for clauses in sizes {
        let child = try runBenchChild(["compare", "--child", String(clauses)])
        let fields = child.figures
        guard child.status == 0, fields.count == 9 else {
            print("\(clauses): child failed (status \(child.status)): \(child.output)")
            continue
        }
        let (megabytesPerSide, sentences, importMilliseconds, compareMilliseconds) = (
            fields[0], fields[1], fields[2], fields[3]
        )
        let (peakBefore, peakAfter, expected, found, wrong) = (fields[4], fields[5], fields[6], fields[7], fields[8])
        print(
            String(
                format: "%12d  %7.2f  %14.0f  %9.1f  %10.1f  %11.1f  %11.1f  %8.0f / %-8.0f  %11.0f",
                clauses, megabytesPerSide, sentences, importMilliseconds, compareMilliseconds, peakAfter / 1e6,
                (peakAfter - peakBefore) / 1e6, found, expected, wrong))
        results.append((clauses, compareMilliseconds, (peakAfter - peakBefore) / 1e6))
    }
    for (previous, next) in zip(results, results.dropFirst()) {
        let factor = Double(next.clauses) / Double(previous.clauses)
        let timeRatio = next.seconds / previous.seconds
        let memoryRatio = next.megabytes / max(previous.megabytes, 0.1)
        print(
            String(
                format:
                    "%d → %d clauses (×%.0f): compare time ×%.1f (exponent %.2f), compare memory ×%.1f (exponent %.2f)",
                previous.clauses, next.clauses, factor, timeRatio, log(timeRatio) / log(factor),
                memoryRatio, log(memoryRatio) / log(factor)))
    }
}

/// Import and comparison times of real law pairs (median of 50 runs after 10 warm-up runs).
private func benchmarkLawPairs(corpus: String) {
    let pairs = [
        ("cunweihui/national.md", "cunweihui/henan-undated.md"),
        ("cunweihui/national.md", "cunweihui/zhejiang-2020.md"),
        // The largest pair of the corpus, and the bundled pair (corpus/../../../Resources).
        ("daibiaofa/national.md", "daibiaofa/chongqing-2016.md"),
        ("../../../Resources/national.txt", "../../../Resources/provincial.txt"),
    ]
    print("")
    for (nationalFile, provincialFile) in pairs {
        let nationalPath = corpus + "/" + nationalFile
        let provincialPath = corpus + "/" + provincialFile
        guard FileManager.default.fileExists(atPath: nationalPath),
            FileManager.default.fileExists(atPath: provincialPath)
        else {
            print("law pair \(provincialFile): corpus not found under \(corpus) (use --corpus DIR)")
            continue
        }
        var importTimes: [Double] = []
        var compareTimes: [Double] = []
        var summary = ""
        for run in 0..<60 {
            let start = DispatchTime.now().uptimeNanoseconds
            guard let national = try? PolicyImporter.importFile(at: nationalPath),
                let provincial = try? PolicyImporter.importFile(at: provincialPath)
            else {
                print("law pair \(provincialFile): import failed")
                return
            }
            let imported = DispatchTime.now().uptimeNanoseconds
            let comparison = Comparator.compare(national: national, provincial: provincial)
            let end = DispatchTime.now().uptimeNanoseconds
            if run >= 10 {
                importTimes.append(Double(imported - start) / 1e6)
                compareTimes.append(Double(end - imported) / 1e6)
            }
            summary =
                "\(national.provisions.count) + \(provincial.provisions.count) articles, \(comparison.links.count) links"
        }
        importTimes.sort()
        compareTimes.sort()
        print(
            String(
                format: "law pair %@ (%@): import of both median %.2f ms; compare median %.2f ms (best %.2f ms)",
                provincialFile, summary, importTimes[importTimes.count / 2], compareTimes[compareTimes.count / 2],
                compareTimes[0]))
    }
}

/// One national law against all its implementations in the corpus, on one thread: each pair compared on its own
/// (`Comparator.compare`, the national side prepared every time) against the national side prepared once
/// (`Comparator.prepare(national:)`, then `compare(with:)` per implementation), rounds alternating; the results
/// must be equal.
private func benchmarkPreparedNational(corpus: String) {
    let directory = corpus + "/cunweihui"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory),
        let national = try? PolicyImporter.importFile(at: directory + "/national.md")
    else {
        print("prepared national: corpus not found under \(corpus) (use --corpus DIR)")
        return
    }
    let implementations = names.filter { $0.hasSuffix(".md") && $0 != "national.md" }.sorted()
        .compactMap { try? PolicyImporter.importFile(at: directory + "/" + $0) }
    var pairwise: [Double] = []
    var prepared: [Double] = []
    var preparation: [Double] = []
    for round in 0..<30 {
        let start = DispatchTime.now().uptimeNanoseconds
        let separate = implementations.map { Comparator.compare(national: national, provincial: $0) }
        let middle = DispatchTime.now().uptimeNanoseconds
        let once = Comparator.prepare(national: national)
        let preparedAt = DispatchTime.now().uptimeNanoseconds
        let shared = implementations.map { once.compare(with: $0) }
        let end = DispatchTime.now().uptimeNanoseconds
        guard separate == shared else {
            print("prepared national: results differ from the pairwise comparisons")
            return
        }
        if round >= 5 {
            pairwise.append(Double(middle - start) / 1e6)
            prepared.append(Double(end - middle) / 1e6)
            preparation.append(Double(preparedAt - middle) / 1e6)
        }
    }
    pairwise.sort()
    prepared.sort()
    preparation.sort()
    print(
        String(
            format:
                "cunweihui national (41 articles) × %d implementations, one thread: each pair on its own median %.2f ms; national prepared once median %.2f ms (of which preparing %.2f ms); ratio %.2f",
            implementations.count, pairwise[pairwise.count / 2], prepared[prepared.count / 2],
            preparation[preparation.count / 2], prepared[prepared.count / 2] / pairwise[pairwise.count / 2]))
}

/// Generates, imports and compares one synthetic pair; prints one line of figures for the parent.
private func compareChild(clauses: Int) {
    let pair = SyntheticPair(clauses: clauses, seed: 20_171_108)
    let importStart = DispatchTime.now().uptimeNanoseconds
    let national = PolicyImporter.importText(pair.national, source: "synthetic:national")
    let provincial = PolicyImporter.importText(pair.provincial, source: "synthetic:provincial")
    let importEnd = DispatchTime.now().uptimeNanoseconds
    let peakBefore = peakResidentBytes()
    let compareStart = DispatchTime.now().uptimeNanoseconds
    let comparison = Comparator.compare(national: national, provincial: provincial)
    let compareEnd = DispatchTime.now().uptimeNanoseconds
    let peakAfter = peakResidentBytes()
    let found = Set(comparison.links.map { "\($0.national)>\($0.provincial)" })
    let expected = pair.derivedLinks
    let sentences = national.comparableUnits.reduce(0) { $0 + $1.sentences.count }
    let megabytes: Double = Double(pair.national.utf8.count) / 1e6
    let importMilliseconds: Double = Double(importEnd - importStart) / 1e6
    let compareMilliseconds: Double = Double(compareEnd - compareStart) / 1e6
    let foundExpected: Int = expected.intersection(found).count
    let wrong: Int = found.subtracting(expected).count
    var figures: [Double] = [megabytes, Double(sentences), importMilliseconds, compareMilliseconds]
    figures += [peakBefore, peakAfter, Double(expected.count), Double(foundExpected), Double(wrong)]
    print(figures.map { String($0) }.joined(separator: " "))
}

/// A synthetic national document and a provincial implementation derived from it with the edits provinces make:
/// dropped clauses, merged clauses, renamed titles, dropped, rewritten and added sentences, new clauses, and
/// neighbouring clauses swapped. National sentences are built from comma phrases of the bundled texts (shared
/// boilerplate) plus invented terms that make each clause distinctive, about 2 KB per clause; the province's own
/// sentences are invented terms only. Deterministic.
struct SyntheticPair {
    var national = ""
    var provincial = ""
    /// `nationalID>provincialID` for every provincial clause derived from a national one.
    var derivedLinks = Set<String>()

    private var state: UInt64

    private mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    private mutating func chance(_ probability: Double) -> Bool { Double(next() % 10_000) < probability * 10_000 }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    private mutating func term() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<(3 + Int(next() % 2)) { scalars.append(Unicode.Scalar(UInt32(0x4E00 + next() % 0x51A0))!) }
        return String(scalars)
    }

    /// A sentence of the province's own, sharing no phrase with the national text.
    private mutating func ownSentence() -> String {
        "我省" + term() + "，实施" + term() + "行动，加快" + term() + "和" + term() + "发展，推进" + term() + "。"
    }

    private struct Clause {
        var title: String
        var sentences: [String]
        var sources: [Int]
    }

    init(clauses: Int, seed: UInt64) {
        state = seed
        let phrases = Self.phrasePool()
        var nationalClauses: [Clause] = []
        for index in 0..<clauses {
            var sentences: [String] = []
            for _ in 0..<8 {
                var parts = (0..<4).map { _ in pick(phrases) }
                parts.insert("推进" + term() + "建设", at: Int(next() % 5))
                sentences.append(parts.joined(separator: "，") + "。")
            }
            nationalClauses.append(
                Clause(title: term() + pick(["制度", "工程", "体系", "能力"]), sentences: sentences, sources: [index]))
        }

        var provincialClauses: [Clause] = []
        for clause in nationalClauses {
            if chance(0.08) { continue }  // dropped by the province
            var sentences: [String] = []
            for sentence in clause.sentences {
                if chance(0.1) { continue }
                if chance(0.2) {
                    var parts = sentence.dropLast().split(separator: "，").map(String.init)
                    parts[Int(next() % UInt64(parts.count))] = "结合我省实际" + pick(phrases)
                    sentences.append(parts.joined(separator: ",") + "。")
                } else {
                    sentences.append(sentence.replacingOccurrences(of: "，", with: ","))
                }
                if chance(0.1) { sentences.append(ownSentence()) }
            }
            if sentences.isEmpty { continue }
            if chance(0.05), !provincialClauses.isEmpty {  // merged into the previous provincial clause
                provincialClauses[provincialClauses.count - 1].sentences += sentences
                provincialClauses[provincialClauses.count - 1].sources += clause.sources
                continue
            }
            provincialClauses.append(
                Clause(title: (chance(0.5) ? "进一步" : "") + clause.title, sentences: sentences, sources: clause.sources))
            if chance(0.06) {  // the province's own clause
                var own: [String] = []
                for _ in 0..<8 { own.append(ownSentence()) }
                provincialClauses.append(Clause(title: term() + "行动", sentences: own, sources: []))
            }
        }
        var index = 0
        while index + 1 < provincialClauses.count {  // neighbouring clauses swapped
            if chance(0.1) {
                provincialClauses.swapAt(index, index + 1)
                index += 1
            }
            index += 1
        }

        let (nationalText, nationalIDs) = Self.render("关于合成测试的意见", nationalClauses)
        let (provincialText, provincialIDs) = Self.render("关于合成测试的实施意见", provincialClauses)
        national = nationalText
        provincial = provincialText
        for (position, clause) in provincialClauses.enumerated() {
            for source in clause.sources { derivedLinks.insert("\(nationalIDs[source])>\(provincialIDs[position])") }
        }
    }

    /// The text, 20 clauses per section, clauses numbered continuously; and each clause's id (section.clause).
    private static func render(_ title: String, _ clauses: [Clause]) -> (String, [String]) {
        var text = title + "\n（2020年1月1日）\n为测试比较的性能，现提出如下意见。\n"
        var ids: [String] = []
        for (index, clause) in clauses.enumerated() {
            let section = index / 20 + 1
            if index % 20 == 0 { text += "\(chineseNumber(section))、第\(chineseNumber(section))部分\n" }
            text += "\(index + 1).\(clause.title)。\(clause.sentences.joined())\n"
            ids.append("\(section).\(index + 1)")
        }
        return (text, ids)
    }

    /// Chinese numerals below 10,000 (一, 十二, 一百零五, 二百五十).
    static func chineseNumber(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let units = ["", "十", "百", "千"]
        if value < 20, value >= 10 { return "十" + (value == 10 ? "" : digits[value - 10]) }
        var result = ""
        var pendingZero = false
        let text = String(value)
        for (position, character) in text.enumerated() {
            let digit = Int(String(character))!
            let unit = units[text.count - 1 - position]
            if digit == 0 {
                pendingZero = !result.isEmpty
            } else {
                if pendingZero { result += "零" }
                result += digits[digit] + unit
                pendingZero = false
            }
        }
        return result
    }

    /// Comma phrases of the bundled documents' clauses, shared boilerplate for the synthetic sentences.
    static func phrasePool() -> [String] {
        let units = BundledDocument.national.load().comparableUnits + BundledDocument.provincial.load().comparableUnits
        var phrases: [String] = []
        for unit in units {
            for sentence in unit.sentences {
                for phrase in sentence.split(whereSeparator: { "，,；;。".contains($0) }) where phrase.count >= 4 {
                    phrases.append(String(phrase))
                }
            }
        }
        return phrases
    }
}
