import CDocumentFormats

/// A Word file (`.docx`: a ZIP archive, read with libzip) reduced to the lines of a clean text: each paragraph of
/// `word/document.xml` a line, line breaks kept, table cells one paragraph per line, and the list numbering Word
/// generates (`w:numPr`, directly or through the paragraph's style; `word/numbering.xml`) printed as the label the
/// reader sees (`一、`, `（三）`, `第十条`).
enum WordDocument {
    /// The most a member of the archive may expand to (a ZIP bomb stops here).
    static let memberLimit = 64 * 1_000_000

    enum Failure: Error {
        case libraryMissing
        case notZip
        case notWord
        case tooLarge
        case damaged
        case xmlMissing
    }

    static func text(of bytes: [UInt8]) throws(Failure) -> String {
        guard let document = try member("word/document.xml", of: bytes) else { throw .notWord }
        let numbering = (try? member("word/numbering.xml", of: bytes)) ?? nil
        let styles = (try? member("word/styles.xml", of: bytes)) ?? nil
        guard let tree = parse(document) else { throw .xmlMissing }
        var counter = ListCounter(
            numbering: numbering.flatMap(parse).map(Numbering.init) ?? Numbering(),
            styles: styles.flatMap(parse).map(StyleNumbering.init) ?? StyleNumbering())
        return lines(of: tree, counter: &counter).joined(separator: "\n")
    }

    private static func member(_ name: String, of bytes: [UInt8]) throws(Failure) -> [UInt8]? {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = bytes.withUnsafeBytes { raw in
            dz_zip_member(raw.baseAddress!, raw.count, name, memberLimit, &output, &length)
        }
        defer { dz_free(output) }
        switch status {
        case 0: return output.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        case 1: throw .libraryMissing
        case 2: throw .notZip
        case 3: return nil
        case 4: throw .tooLarge
        default: throw .damaged
        }
    }

    private static func parse(_ bytes: [UInt8]) -> MarkupTree? {
        bytes.withUnsafeBufferPointer {
            MarkupTree.parse($0, as: .xml, keeping: ["val", "numId", "abstractNumId", "ilvl", "styleId", "type"])
        }
    }

    /// Subtrees that hold no text of the document (properties, deleted runs).
    private static let hidden: Set<String> = [
        "pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid", "del", "moveFrom", "instrText", "delText",
    ]

    private static func lines(of tree: MarkupTree, counter: inout ListCounter) -> [String] {
        var lines = LineCollector()
        var open: [Int] = []
        var index = 0
        let nodes = tree.nodes
        while index < nodes.count {
            while let end = open.last, end <= index {
                open.removeLast()
                lines.breakLine()
            }
            let node = nodes[index]
            switch node.name {
            case _ where hidden.contains(node.name):
                index = node.end
                continue
            case "p":
                lines.breakLine()
                open.append(node.end)
                if let label = counter.label(paragraph: index, in: tree) { lines.append(label) }
            case "tab": lines.append(" ")
            case "br", "cr": lines.breakLine()
            case "noBreakHyphen": lines.append("-")
            case "": if node.parent >= 0, nodes[node.parent].name == "t" { lines.append(node.text) }
            default: break
            }
            index += 1
        }
        lines.breakLine()
        return lines.lines
    }
}

/// One level of a Word list: where it starts, how its number is printed, the text around it.
struct ListLevel {
    var start = 1
    var format = "decimal"
    var text = ""
    /// `w:lvlRestart`: 0 never restarts; n restarts after a level above n is used; nil after any level above.
    var restart: Int?
    var legal = false
    var suffix = "tab"
}

/// `word/numbering.xml`: abstract lists by id, and list instances (`w:num`) pointing at them.
struct Numbering {
    var abstracts: [String: [Int: ListLevel]] = [:]
    var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]

    init() {}

    init(_ tree: MarkupTree) {
        for index in tree.nodes.indices where tree.nodes[index].name == "abstractNum" {
            guard let id = tree.nodes[index].attributes["abstractNumId"] else { continue }
            var levels: [Int: ListLevel] = [:]
            for levelIndex in tree.children(of: index) where tree.nodes[levelIndex].name == "lvl" {
                guard let number = tree.nodes[levelIndex].attributes["ilvl"].flatMap({ Int($0) }) else { continue }
                var level = ListLevel()
                for property in tree.children(of: levelIndex) {
                    let value = tree.nodes[property].attributes["val"]
                    switch tree.nodes[property].name {
                    case "start": level.start = value.flatMap { Int($0) } ?? 1
                    case "numFmt": level.format = value ?? "decimal"
                    case "lvlText": level.text = value ?? ""
                    case "lvlRestart": level.restart = value.flatMap { Int($0) }
                    case "isLgl": level.legal = value != "0" && value != "false"
                    case "suff": level.suffix = value ?? "tab"
                    default: break
                    }
                }
                levels[number] = level
            }
            abstracts[id] = levels
        }
        for index in tree.nodes.indices where tree.nodes[index].name == "num" {
            guard let id = tree.nodes[index].attributes["numId"],
                let abstract = tree.first("abstractNumId", in: index).flatMap({ tree.nodes[$0].attributes["val"] })
            else { continue }
            var overrides: [Int: Int] = [:]
            for child in tree.children(of: index) where tree.nodes[child].name == "lvlOverride" {
                if let level = tree.nodes[child].attributes["ilvl"].flatMap({ Int($0) }),
                    let start = tree.first("startOverride", in: child).flatMap({ tree.nodes[$0].attributes["val"] })
                        .flatMap({ Int($0) })
                {
                    overrides[level] = start
                }
            }
            instances[id] = (abstract, overrides)
        }
    }
}

/// `word/styles.xml`: the list (numId, level) a paragraph style numbers its paragraphs with, `w:basedOn` followed.
struct StyleNumbering {
    var lists: [String: (numId: String?, level: Int?, basedOn: String?)] = [:]

    init() {}

    init(_ tree: MarkupTree) {
        for index in tree.nodes.indices where tree.nodes[index].name == "style" {
            guard let id = tree.nodes[index].attributes["styleId"] else { continue }
            let numId = tree.first("numId", in: index).flatMap { tree.nodes[$0].attributes["val"] }
            let level = tree.first("ilvl", in: index).flatMap { tree.nodes[$0].attributes["val"] }.flatMap { Int($0) }
            let basedOn = tree.first("basedOn", in: index).flatMap { tree.nodes[$0].attributes["val"] }
            lists[id] = (numId, level, basedOn)
        }
    }

    func list(style: String) -> (numId: String, level: Int)? {
        var current: String? = style
        var seen: Set<String> = []
        var level: Int?
        while let id = current, seen.insert(id).inserted, let entry = lists[id] {
            level = level ?? entry.level
            if let numId = entry.numId { return (numId, level ?? 0) }
            current = entry.basedOn
        }
        return nil
    }
}

/// The counters of every list while the paragraphs are read in order.
struct ListCounter {
    let numbering: Numbering
    let styles: StyleNumbering
    private var counters: [String: [Int?]] = [:]
    private var instancesSeen: Set<String> = []

    init(numbering: Numbering, styles: StyleNumbering) {
        self.numbering = numbering
        self.styles = styles
    }

    /// The printed label of the paragraph at `index` (with the space Word's tab or space suffix stands for when the
    /// label ends in a character that would run into the text), or nil when it is not numbered.
    mutating func label(paragraph index: Int, in tree: MarkupTree) -> String? {
        guard let properties = tree.children(of: index).first(where: { tree.nodes[$0].name == "pPr" }) else {
            return nil
        }
        var numId = tree.first("numId", in: properties).flatMap { tree.nodes[$0].attributes["val"] }
        var level = tree.first("ilvl", in: properties).flatMap { tree.nodes[$0].attributes["val"] }.flatMap { Int($0) }
        if numId == nil, let style = tree.first("pStyle", in: properties).flatMap({ tree.nodes[$0].attributes["val"] }),
            let list = styles.list(style: style)
        {
            numId = list.numId
            level = level ?? list.level
        }
        guard let numId, numId != "0", let instance = numbering.instances[numId],
            let levels = numbering.abstracts[instance.abstract]
        else { return nil }
        let current = min(max(level ?? 0, 0), 8)
        guard let definition = levels[current] else { return nil }
        var values = counters[instance.abstract] ?? [Int?](repeating: nil, count: 9)
        if instancesSeen.insert(numId).inserted {
            for (overridden, start) in instance.startOverrides where overridden < 9 { values[overridden] = start - 1 }
        }
        values[current] = (values[current] ?? (definition.start - 1)) + 1
        for deeper in (current + 1)..<9 {
            let restart = levels[deeper]?.restart
            if restart == 0 { continue }
            if restart.map({ current < $0 }) ?? true { values[deeper] = nil }
        }
        counters[instance.abstract] = values
        guard definition.format != "bullet", definition.format != "none" else { return nil }
        var label = ""
        var scalars = definition.text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "%", let digit = scalars.first, let referenced = Int(String(digit)), referenced >= 1 {
                scalars.removeFirst()
                let levelIndex = referenced - 1
                let format = definition.legal ? "decimal" : levels[levelIndex]?.format ?? "decimal"
                let value = values[levelIndex] ?? levels[levelIndex]?.start ?? 1
                label += ListCounter.format(value, as: format)
            } else {
                label.unicodeScalars.append(scalar)
            }
        }
        guard !label.isEmpty else { return nil }
        if definition.suffix != "nothing", let last = label.unicodeScalars.last,
            last.properties.isIdeographic || last.properties.numericType != nil
                || last.isASCII && last.properties.isAlphabetic
        {
            label += " "
        }
        return label
    }

    /// A list number as Word prints it in this `w:numFmt`.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
            "japaneseCounting":
            return Numerals.chinese(value)
        case "chineseLegalSimplified":
            let financial = Array("零壹贰叁肆伍陆柒捌玖")
            return String(
                Numerals.chinese(value).map { character in
                    if let digit = "零一二三四五六七八九".firstIndex(of: character) {
                        return financial["零一二三四五六七八九".distance(from: "零一二三四五六七八九".startIndex, to: digit)]
                    }
                    return character == "十" ? "拾" : character == "百" ? "佰" : character == "千" ? "仟" : character
                })
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...stems.count).contains(value) ? String(stems[value - 1]) : String(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(
                String.UnicodeScalarView(String(value).unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        case "decimalZero": return value < 10 ? "0\(value)" : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(value) ? String(Unicode.Scalar(0x2460 + UInt32(value) - 1)!) : String(value)
        case "lowerLetter", "upperLetter":
            guard value >= 1 else { return String(value) }
            let letter = Unicode.Scalar(UInt32((format == "lowerLetter" ? 0x61 : 0x41) + (value - 1) % 26))!
            return String(repeating: String(letter), count: (value - 1) / 26 + 1)
        case "lowerRoman", "upperRoman":
            let roman = Numerals.roman(value)
            return format == "lowerRoman" ? roman.lowercased() : roman
        default: return String(value)
        }
    }
}
