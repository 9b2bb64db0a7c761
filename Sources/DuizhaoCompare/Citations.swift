/// A reference in a legal text to a document or one of its provisions: `《中华人民共和国教师法》第十条`,
/// `本法第二条`, `本办法第十四条、第十五条`, `前款`, `第八条第一款第二项`, `依照《X法》的规定`.
public struct Citation: Sendable, Equatable, Codable {
    /// Which document the citation points into.
    public enum Scope: Sendable, Equatable, Codable {
        /// A document named in 《》 (an alias introduced by `以下简称《Y》` is resolved to the full title).
        case named(String)
        /// The citing document itself: `本法`, `本办法`, `本条例`, … or a bare `第X条`.
        case sameDocument
        /// The provision the citation stands in: `本条第二款`, `前款`, a bare `第一款第五项`.
        case sameArticle
    }

    public var scope: Scope
    /// 条: the article number, nil for a whole document or a part of the citing article.
    public var article: Int?
    /// 款: the paragraph number within the article.
    public var paragraph: Int?
    /// 项: the item number within the paragraph (or article).
    public var item: Int?
    /// For `前款` (1) and `前两款` (2): how many paragraphs before the citing one are meant.
    public var precedingParagraphs: Int?
    /// The verb that introduces the citation when there is one: 依照, 按照, 根据, 参照, 依据, 违反.
    public var introducer: String?
    /// The citation as written (for a list, the whole list).
    public var text: String

    public init(
        scope: Scope, article: Int? = nil, paragraph: Int? = nil, item: Int? = nil,
        precedingParagraphs: Int? = nil, introducer: String? = nil, text: String
    ) {
        self.scope = scope
        self.article = article
        self.paragraph = paragraph
        self.item = item
        self.precedingParagraphs = precedingParagraphs
        self.introducer = introducer
        self.text = text
    }

    /// Whether the citation names the document with this title (`中华人民共和国` and 《》 do not matter, so
    /// `《村民委员会组织法》` names 中华人民共和国村民委员会组织法 once an alias has made it so).
    public func names(documentTitled title: String) -> Bool {
        guard case .named(let name) = scope else { return false }
        let wanted = CitationParser.canonicalTitle(title)
        return !wanted.isEmpty && CitationParser.canonicalTitle(name) == wanted
    }
}

/// Finds citations in the text of a legal document. Aliases (`（以下简称《村民委员会组织法》）`) are remembered
/// across calls, so parse a document's paragraphs in order with one parser.
public struct CitationParser: Sendable {
    /// Alias → full title.
    public private(set) var aliases: [String: String] = [:]

    public init() {}

    /// Prefixes that name the citing document itself.
    static let selfNames = ["本办法", "本条例", "本规定", "本细则", "本决定", "本规则", "本法"]
    static let introducers = ["依照", "按照", "根据", "参照", "依据", "违反"]
    /// Introducers with which a sentence defers to the cited rules (`按照《X法》的规定执行`).
    static let deferringIntroducers: Set<String> = ["依照", "按照", "参照"]
    static let listJoiners = ["以及", "或者", "、", "和", "及", "或", "至"]

    /// The title without 《》, 〈〉, spaces and a leading 中华人民共和国.
    static func canonicalTitle(_ title: String) -> String {
        var result = String(title.unicodeScalars.filter { !"《》〈〉<> 　".unicodeScalars.contains($0) })
        if result.hasPrefix("中华人民共和国") { result.removeFirst("中华人民共和国".count) }
        return result
    }

    /// Whether `text` may contain a citation at all (a cheap scan before parsing): a 《title》, a 款, or a 条 or 项
    /// a few characters after a 第.
    static func mayCite(_ text: String) -> Bool {
        var sinceOrdinal = Int.max
        for scalar in text.unicodeScalars {
            switch scalar {
            case "《", "款": return true
            case "第": sinceOrdinal = 0
            case "条", "项": if sinceOrdinal <= 8 { return true }
            default: if sinceOrdinal < Int.max { sinceOrdinal += 1 }
            }
        }
        return false
    }

    /// What a sentence defers to a whole cited document on: the words before `按照《X》`, or the sentence without
    /// its titles when nothing comes before, with function words blanked out; nil when no citation of the
    /// sentence defers to a whole document.
    static func deferralTopic(_ sentence: String, citations: [Citation]) -> String? {
        guard
            let citation = citations.first(where: {
                if case .named = $0.scope, $0.article == nil, $0.paragraph == nil, let introducer = $0.introducer {
                    return deferringIntroducers.contains(introducer)
                }
                return false
            }), let introducer = citation.introducer,
            let range = sentence.firstRange(of: introducer + citation.text)
        else { return nil }
        let before = String(sentence[..<range.lowerBound])
        let topic = TextContent.scalars(of: before).count >= 2 ? before : removingTitles(sentence)
        // Function words separate the content words: `组成和召集` is about 组成 and 召集, not about `成和`.
        return String(topic.map { functionCharacters.contains($0) ? " " : $0 })
    }

    /// Characters that join content words without being content (的, 和, 或, …).
    static let functionCharacters: Set<Character> = ["的", "和", "与", "及", "或", "之", "等"]

    /// `text` with every `《…》` replaced by a space.
    static func removingTitles(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "《" {
                if depth == 0 { result.append(" ") }
                depth += 1
            } else if character == "》", depth > 0 {
                depth -= 1
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// Every citation in `text`, in order. A list (`第十四条、第十五条`) gives one citation per provision.
    public mutating func citations(in text: String) -> [Citation] {
        let characters = Array(text)
        var result: [Citation] = []
        var position = 0
        while position < characters.count {
            let start = position
            var scope: Citation.Scope?
            if characters[position] == "《", let (title, end) = Self.bracketedTitle(characters, from: position) {
                position = end
                var full = aliases[title] ?? title
                if let (alias, aliasEnd) = Self.aliasDeclaration(characters, from: position) {
                    aliases[alias] = full
                    position = aliasEnd
                    full = aliases[title] ?? full
                }
                scope = .named(full)
            } else if let name = Self.selfNames.first(where: { Self.matches(characters, $0, at: position) }),
                Self.matches(characters, "第", at: position + name.count)
            {
                position += name.count
                scope = .sameDocument
            } else if Self.matches(characters, "本条", at: position), Self.matches(characters, "第", at: position + 2) {
                position += 2
                scope = .sameArticle
            } else if Self.matches(characters, "前", at: position),
                let (count, end) = Self.precedingParagraphs(characters, from: position)
            {
                result.append(
                    Citation(
                        scope: .sameArticle, precedingParagraphs: count,
                        introducer: Self.introducer(characters, before: start), text: String(characters[start..<end])))
                position = end
                continue
            } else if characters[position] == "第", let (found, _) = Self.location(characters, from: position),
                !(found.article != nil && characters[..<position].allSatisfy(Self.isLeader))
            {
                // A bare location; `第一条` opening a line is the article's own label, not a citation.
                scope = nil
            } else {
                position += 1
                continue
            }
            let locations = Self.locationList(characters, from: &position)
            let written = String(characters[start..<position])
            let introducer = Self.introducer(characters, before: start)
            if let scope {
                if locations.isEmpty, case .named = scope {
                    result.append(Citation(scope: scope, introducer: introducer, text: written))
                }
                for location in locations {
                    result.append(
                        Citation(
                            scope: scope, article: location.article, paragraph: location.paragraph,
                            item: location.item, introducer: introducer, text: written))
                }
            } else {
                for location in locations {
                    result.append(
                        Citation(
                            scope: location.article == nil ? .sameArticle : .sameDocument,
                            article: location.article, paragraph: location.paragraph,
                            item: location.item, introducer: introducer, text: written))
                }
            }
            if position == start { position += 1 }
        }
        return result
    }

    // MARK: Pieces

    static func matches(_ characters: [Character], _ word: String, at position: Int) -> Bool {
        var index = position
        for character in word {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
        }
        return true
    }

    /// `《…》` with nested 〈〉 or 《》 inside (`《关于修改〈X〉的决定》`): the title and the index after `》`.
    static func bracketedTitle(_ characters: [Character], from position: Int) -> (String, Int)? {
        var depth = 0
        var index = position
        while index < characters.count {
            switch characters[index] {
            case "《": depth += 1
            case "》":
                depth -= 1
                if depth == 0 {
                    let title = String(characters[(position + 1)..<index])
                    return title.isEmpty ? nil : (title, index + 1)
                }
            case "\n": return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    /// `（以下简称《Y》）` or `（以下简称Y）` right after a title: the alias and the index after the bracket.
    static func aliasDeclaration(_ characters: [Character], from position: Int) -> (String, Int)? {
        guard position < characters.count, characters[position] == "（" || characters[position] == "(",
            matches(characters, "以下简称", at: position + 1)
        else { return nil }
        var index = position + 5
        var alias = ""
        while index < characters.count, characters[index] != "）", characters[index] != ")" {
            if characters[index] != "《", characters[index] != "》" { alias.append(characters[index]) }
            index += 1
        }
        guard index < characters.count, !alias.isEmpty else { return nil }
        return (alias, index + 1)
    }

    /// `前款` → 1, `前两款` → 2, `前三款` → 3, with the index after it.
    static func precedingParagraphs(_ characters: [Character], from position: Int) -> (Int, Int)? {
        if matches(characters, "前款", at: position) { return (1, position + 2) }
        guard position + 2 < characters.count, characters[position + 2] == "款",
            let count = value(of: [characters[position + 1]]), count > 1
        else { return nil }
        return (count, position + 3)
    }

    static func introducer(_ characters: [Character], before position: Int) -> String? {
        let window = String(characters[max(0, position - 2)..<position])
        return introducers.first { window.hasSuffix($0) }
    }

    struct Location: Equatable {
        var article: Int?
        var paragraph: Int?
        var item: Int?

        /// 0 for an article, 1 for a paragraph, 2 for an item: the coarsest level given.
        var level: Int { article != nil ? 0 : paragraph != nil ? 1 : 2 }
    }

    /// `第N条[第N款][第N项]`, `第N款[第N项]` or `第N项` at `position`, and the index after it.
    static func location(_ characters: [Character], from position: Int) -> (Location, Int)? {
        var location = Location()
        var index = position
        var levelsTaken = 0
        while index < characters.count, characters[index] == "第" {
            var end = index + 1
            var digits: [Character] = []
            while end < characters.count, isNumeral(characters[end]) {
                digits.append(characters[end])
                end += 1
            }
            guard !digits.isEmpty, end < characters.count, let number = value(of: digits) else { break }
            let unit = characters[end]
            let level = unit == "条" ? 0 : unit == "款" ? 1 : unit == "项" ? 2 : -1
            guard level >= levelsTaken else { break }
            switch level {
            case 0: location.article = number
            case 1: location.paragraph = number
            default: location.item = number
            }
            levelsTaken = level + 1
            index = end + 1
        }
        return index == position ? nil : (location, index)
    }

    /// A location followed by more joined by 、和及或者至; a shorter one inherits the levels above it
    /// (`第一款第五项、第六项` is item 6 of paragraph 1); `第十条至第十二条` is the range.
    static func locationList(_ characters: [Character], from position: inout Int) -> [Location] {
        guard let (first, end) = location(characters, from: position) else { return [] }
        var locations = [first]
        position = end
        while true {
            guard let joiner = listJoiners.first(where: { matches(characters, $0, at: position) }),
                let (next, nextEnd) = location(characters, from: position + joiner.count)
            else { break }
            let previous = locations[locations.count - 1]
            var completed = next
            if next.level > 0 { completed.article = next.article ?? previous.article }
            if next.level > 1 { completed.paragraph = next.paragraph ?? previous.paragraph }
            if joiner == "至", let from = previous.article, let to = completed.article, next.level == 0,
                to > from, to - from <= 50
            {
                for article in (from + 1)...to { locations.append(Location(article: article)) }
            } else {
                locations.append(completed)
            }
            position = nextEnd
        }
        return locations
    }

    /// Characters that may stand before an article label at the start of a line.
    static func isLeader(_ character: Character) -> Bool {
        character.isWhitespace || "#*　".contains(character)
    }

    static func isNumeral(_ character: Character) -> Bool {
        character.isASCII ? character.isNumber : "零〇一二两三四五六七八九十百千０１２３４５６７８９".contains(character)
    }

    /// Value of a numeral written in ASCII or full-width digits or in Chinese (十二, 二十, 一百零五).
    static func value(of characters: [Character]) -> Int? {
        let digitValues: [Character: Int] = [
            "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9,
        ]
        let arabic = "0123456789０１２３４５６７８９"
        if characters.allSatisfy({ arabic.contains($0) }) {
            return characters.reduce(0) {
                $0 * 10 + (arabic.firstIndex(of: $1).map { arabic.distance(from: arabic.startIndex, to: $0) % 10 } ?? 0)
            }
        }
        var total = 0
        var current = 0
        for character in characters {
            if let digit = digitValues[character] {
                current = digit
            } else {
                let unit = character == "十" ? 10 : character == "百" ? 100 : character == "千" ? 1000 : 0
                guard unit > 0 else { return nil }
                total += (current == 0 ? 1 : current) * unit
                current = 0
            }
        }
        return total + current
    }
}
