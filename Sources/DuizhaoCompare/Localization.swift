/// The mechanical localisation of a national text into a local one: self-references (本法 → 本办法), the
/// jurisdiction (国家 → 本省, 全国 → 全省, 我国 → 我省) and the same role one level down (国务院X部门 →
/// 省X部门, 中央网信办 → 省委网信办). Each rule of `rules` names the national forms and the local forms of one
/// thing and the canonical form both fold to; `fold` rewrites a text to canonical forms (so the aligner scores
/// 本法 and 本办法 alike) and `isLocalization` tells whether two phrases differ only by such rules.
///
/// The rules are generic for any province, city, autonomous region or county: a local form is written with
/// `{P}`, a local jurisdiction (本省, 我市, 省, 自治区, or a place name such as 黑龙江省 or 某某市), and `{D}`
/// marks where a government department must follow (有关部门, 教育行政部门, 网信办 …; not consumed).
public enum Localization {
    /// One localisation: the national forms, the local forms and the canonical form both fold to.
    public struct Rule: Sendable {
        public var canonical: String
        public var national: [String]
        public var local: [String]
        /// What the rule stands for, for documentation and test messages.
        public var meaning: String
    }

    /// Which side of a comparison a matched form belongs to.
    public enum Side: Sendable, Equatable { case national, local }

    /// One localisation form found in a text (offsets in Unicode scalars).
    public struct Match: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var canonical: String
        public var side: Side
        /// For a local form naming a jurisdiction, its level: 省, 市, 自治区, 州, 县 … (nil for 本办法, 本行政区域).
        public var level: String?
    }

    /// The lexicon. Order matters only for equally long matches at the same place (the earlier rule wins).
    public static let rules: [Rule] = [
        Rule(
            canonical: "本法",
            national: ["本法", "本条例", "本规定", "本意见", "本决定", "本办法"],
            local: [
                "本办法", "本条例", "本规定", "本细则", "本实施办法", "本实施细则", "本若干规定", "本实施意见",
                "本意见", "本决定", "本实施条例", "本规则",
            ],
            meaning: "the text's reference to itself"),
        Rule(
            canonical: "全国人民代表大会",
            national: ["全国人民代表大会", "全国人大"],
            local: ["{P}人民代表大会", "{P}人大"],
            meaning: "the legislature of the jurisdiction"),
        Rule(
            canonical: "国务院",
            national: ["国务院{D}", "国家{D}", "中央{D}", "中共中央{D}"],
            local: ["{P}{D}", "{P}委{D}", "{P}党委{D}", "{P}人民政府{D}", "{P}政府{D}"],
            meaning: "a government department of the jurisdiction"),
        Rule(
            canonical: "国务院",
            national: ["国务院", "中央人民政府"],
            local: ["{P}人民政府", "{P}政府"],
            meaning: "the government of the jurisdiction"),
        Rule(
            canonical: "中央",
            national: ["中共中央", "党中央", "中央"],
            local: ["中共{P}委员会", "中共{P}委", "{P}党委", "{P}委"],
            meaning: "the party committee of the jurisdiction"),
        Rule(
            canonical: "国家级",
            national: ["国家级", "国家层面"],
            local: ["{P}级", "{P}层面"],
            meaning: "the level of the jurisdiction"),
        Rule(
            canonical: "国家境内",
            national: ["中华人民共和国境内", "中华人民共和国领域内", "我国境内", "我国领域内", "全国范围内"],
            local: ["{P}行政区域内", "本行政区域内", "{P}范围内", "全省范围内", "全市范围内", "全区范围内"],
            meaning: "the territory of the jurisdiction"),
        Rule(
            canonical: "全国",
            national: ["全国"],
            local: ["全省", "全市", "全自治区", "全区", "全州", "全县"],
            meaning: "the whole jurisdiction"),
        Rule(
            canonical: "国家",
            national: ["国家", "我国", "中华人民共和国"],
            local: ["本省", "我省", "本市", "我市", "本自治区", "我区", "{N}"],
            meaning: "the jurisdiction itself"),
        Rule(
            canonical: "各地",
            national: [
                "各省、自治区、直辖市", "各省（自治区、直辖市）", "各省(自治区、直辖市)", "各地区", "各地",
            ],
            local: [
                "各市（地）、县（市、区）", "各市（州）、县（市、区）", "各市、县（市、区）", "各设区的市、县（市、区）",
                "各区、县", "各市、县", "各市（地）", "各市（州）", "各设区的市", "各区县",
            ],
            meaning: "the jurisdictions one level down"),
        Rule(
            canonical: "县级人民政府",
            national: ["县级人民政府", "县级地方人民政府"],
            local: [
                "区、县人民政府", "区县人民政府", "县（市、区）人民政府", "县(市、区)人民政府", "县、市、区人民政府",
                "区人民政府", "县人民政府",
            ],
            meaning: "the county-level governments (districts and counties in a local text)"),
        Rule(
            canonical: "县级以上",
            national: ["县级以上地方"],
            local: [],
            meaning: "local governments from the county up (地方 is implied in a local text)"),
        Rule(
            canonical: "各级",
            national: ["地方各级"],
            local: [],
            meaning: "local governments at every level (地方 is implied in a local text)"),
    ]

    /// The text with every localisation form replaced by its canonical form.
    public static func fold(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let found = matches(in: scalars)
        guard !found.isEmpty else { return text }
        // Scalar by scalar: appending a slice to a `UnicodeScalarView` copies the whole string each time.
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var position = 0
        for match in found {
            for scalar in scalars[position..<match.start] { result.unicodeScalars.append(scalar) }
            result += match.canonical
            position = match.end
        }
        for scalar in scalars[position...] { result.unicodeScalars.append(scalar) }
        return result
    }

    /// Whether `provincial` is `national` localised: they differ, and only by forms of the same rules (punctuation
    /// and spacing aside). Works in both directions of reading, so a local text quoted back also counts.
    public static func isLocalization(national: String, provincial: String) -> Bool {
        let a = TextContent.scalars(of: national)
        let b = TextContent.scalars(of: provincial)
        guard a != b else { return false }
        return TextContent.scalars(of: fold(national)) == TextContent.scalars(of: fold(provincial))
    }

    /// Words a national text puts before local bodies and a local text leaves out, being local itself
    /// (地方网信部门 → 网信部门, 县级以上地方人民政府 → 县级以上人民政府).
    public static let impliedLocally: Set<String> = ["地方"]

    /// Whether one side has only `removed` (followed by `followedBy`) where the other has nothing: what a local
    /// text implies, 地方 before a department or a government.
    public static func isImpliedLocally(removed: String, followedBy: String, other: String) -> Bool {
        guard impliedLocally.contains(removed), TextContent.scalars(of: other).isEmpty else { return false }
        let following = Array(followedBy.unicodeScalars)
        return startsDepartment(following, at: 0) || followedBy.hasPrefix("人民政府") || followedBy.hasPrefix("各级")
            || followedBy.hasPrefix("政府")
    }

    /// Whether `text` is nothing but localisation forms of `side` (推进X → 推进我省X adds only 我省).
    public static func isOnlyForms(_ text: String, of side: Side) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let found = matches(in: scalars)
        guard !found.isEmpty, found.allSatisfy({ $0.side == side }) else { return false }
        var covered = [Bool](repeating: false, count: scalars.count)
        for match in found { for index in match.start..<match.end { covered[index] = true } }
        return scalars.indices.allSatisfy { covered[$0] || TextContent.fold(scalars[$0].value) == nil }
    }

    /// The name of a body without the jurisdiction in front of it (国务院教育行政部门 → 教育行政部门,
    /// 地方网信部门 → 网信部门), for comparing bodies across levels.
    public static func withoutJurisdiction(_ name: String) -> String {
        var scalars = Array(name.unicodeScalars)
        if let first = matches(in: scalars).first, first.start == 0 {
            guard first.end < scalars.count else { return first.canonical }
            scalars.removeFirst(first.end)
        }
        for word in impliedLocally
        where scalars.starts(with: word.unicodeScalars) && scalars.count > word.unicodeScalars.count {
            scalars.removeFirst(word.unicodeScalars.count)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The localisation forms in `text`, left to right, longest first where they overlap.
    public static func matches(in text: String) -> [Match] {
        matches(in: Array(text.unicodeScalars))
    }

    static func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        var result: [Match] = []
        var index = 0
        while index < scalars.count {
            if let match = longestMatch(in: scalars, at: index) {
                result.append(match)
                index = match.end
            } else {
                index += 1
            }
        }
        return result
    }

    // MARK: - Matching

    /// A compiled form: literal runs and placeholders.
    enum Piece: Sendable {
        case literal([Unicode.Scalar])
        /// A local jurisdiction: 本省/我市/省/市/自治区 (bare ones only at a word boundary) or a place name.
        case jurisdiction
        /// A named province-level division only (黑龙江省), used where the name stands alone.
        case namedDivision
        /// A government department follows (not consumed).
        case department
    }

    /// Context a form needs beyond its own characters (see `guarded`).
    enum Guard: Sendable { case none, selfReference, wholeJurisdiction, countyGovernment, partyCentre }

    struct Form: Sendable {
        var pieces: [Piece]
        var canonical: String
        var side: Side
        var guardRule: Guard
        /// Whether a match names the level of a local document (see `Match.level`).
        var namesLevel: Bool

        init(pieces: [Piece], canonical: String, side: Side) {
            self.pieces = pieces
            self.canonical = canonical
            self.side = side
            let guards: [String: Guard] = [
                "本法": .selfReference, "全国": .wholeJurisdiction, "县级人民政府": .countyGovernment, "中央": .partyCentre,
            ]
            guardRule = guards[canonical] ?? .none
            namesLevel = side == .local && !Localization.levelledForms.contains(canonical)
        }
    }

    static let forms: [Form] = rules.flatMap { rule in
        rule.national.map { Form(pieces: compile($0), canonical: rule.canonical, side: .national) }
            + rule.local.map { Form(pieces: compile($0), canonical: rule.canonical, side: .local) }
    }

    /// The forms that start with literal text, by their first character, in rule order.
    static let formsByFirstScalar: [Unicode.Scalar: [Form]] = Dictionary(
        grouping: forms.filter { if case .literal = $0.pieces.first { true } else { false } },
        by: { form in
            guard case .literal(let literal) = form.pieces.first, let first = literal.first else { return " " }
            return first
        })

    /// For each BMP scalar: 1 when a literal form starts with it, 2 when a jurisdiction can (one array lookup
    /// per character instead of two hashed ones, on the aligner's hot path).
    static let startFlags: [UInt8] = {
        var flags = [UInt8](repeating: 0, count: 0x10000)
        for scalar in formsByFirstScalar.keys where scalar.value < 0x10000 { flags[Int(scalar.value)] |= 1 }
        for scalar in jurisdictionFirstScalars where scalar.value < 0x10000 { flags[Int(scalar.value)] |= 2 }
        return flags
    }()

    /// The forms that start with a jurisdiction, in rule order.
    static let jurisdictionForms: [Form] = forms.filter {
        if case .literal = $0.pieces.first { false } else { true }
    }

    /// First characters of level words and province-level divisions.
    static let jurisdictionFirstScalars: Set<Unicode.Scalar> = Set(
        (levels + provinceLevelDivisions).compactMap(\.first))

    static func compile(_ pattern: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal: [Unicode.Scalar] = []
        var rest = Substring(pattern)
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = []
        }
        while let first = rest.first {
            if first == "{", let close = rest.firstIndex(of: "}") {
                flush()
                switch rest[rest.index(after: rest.startIndex)..<close] {
                case "P": pieces.append(.jurisdiction)
                case "N": pieces.append(.namedDivision)
                case "D": pieces.append(.department)
                default: preconditionFailure("unknown placeholder in localisation pattern \(pattern)")
                }
                rest = rest[rest.index(after: close)...]
            } else {
                literal.append(contentsOf: String(first).unicodeScalars)
                rest = rest.dropFirst()
            }
        }
        flush()
        return pieces
    }

    static func longestMatch(in text: [Unicode.Scalar], at start: Int) -> Match? {
        let first = text[start]
        guard isHan(first) else { return nil }
        let flags = first.value < 0x10000 ? startFlags[Int(first.value)] : 0
        // A jurisdiction starts with a level word or a division's first character, or after punctuation (a place).
        let jurisdictionMayStart = flags & 2 != 0 || start == 0 || !isHan(text[start - 1])
        guard flags & 1 != 0 || jurisdictionMayStart else { return nil }
        let literalForms = flags & 1 != 0 ? formsByFirstScalar[first] : nil
        let startEnds = jurisdictionMayStart ? jurisdictionEnds(text, at: start) : []
        var best: Match?
        func consider(_ form: Form) {
            guard let end = match(form.pieces[...], in: text, at: start, startEnds: startEnds, formStart: start),
                end > start, end > best?.end ?? start, guarded(form, text: text, start: start, end: end)
            else { return }
            best = Match(
                start: start, end: end, canonical: form.canonical, side: form.side,
                level: form.namesLevel ? level(of: text[start..<end]) : nil)
        }
        for form in literalForms ?? [] { consider(form) }
        if !startEnds.isEmpty { for form in jurisdictionForms { consider(form) } }
        return best
    }

    /// The end of `pieces` matched at `position`, trying every length of a jurisdiction (longest first);
    /// `startEnds` are the jurisdiction ends at `formStart`, computed once for all forms.
    static func match(
        _ pieces: ArraySlice<Piece>, in text: [Unicode.Scalar], at position: Int, startEnds: [Int], formStart: Int
    ) -> Int? {
        guard let piece = pieces.first else { return position }
        let rest = pieces.dropFirst()
        switch piece {
        case .literal(let literal):
            guard position + literal.count <= text.count,
                text[position..<position + literal.count].elementsEqual(literal)
            else { return nil }
            return match(rest, in: text, at: position + literal.count, startEnds: startEnds, formStart: formStart)
        case .department:
            guard startsDepartment(text, at: position) else { return nil }
            return match(rest, in: text, at: position, startEnds: startEnds, formStart: formStart)
        case .jurisdiction, .namedDivision:
            let ends =
                piece.isNamedOnly
                ? namedDivisionEnds(text, at: position)
                : position == formStart ? startEnds : jurisdictionEnds(text, at: position)
            for end in ends {
                if let matched = match(rest, in: text, at: end, startEnds: startEnds, formStart: formStart) {
                    return matched
                }
            }
            return nil
        }
    }

    // MARK: - Jurisdictions

    /// The province-level divisions of China (full names). A generic list, not the corpus's: any of them may
    /// implement a national text.
    static let provinceLevelDivisions: [[Unicode.Scalar]] = [
        "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
        "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
        "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
        "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
    ].map { Array($0.unicodeScalars) }

    /// Level words that stand for the local jurisdiction before an organ (省人民政府, 市教育行政部门, 本市).
    static let levels: [[Unicode.Scalar]] = ["本自治区", "自治区", "本省", "我省", "本市", "我市", "省", "市"]
        .map { Array($0.unicodeScalars) }

    /// Rules whose local forms are one level down by design (各市、县; 区、县人民政府 for 县级人民政府), so their
    /// level says nothing about the local document's own.
    static let levelledForms: Set<String> = ["各地", "县级人民政府"]

    /// Level words, in the order they are looked for in a local form.
    static let levelWords: [[Unicode.Scalar]] = ["特别行政区", "自治区", "自治州", "自治县", "省", "市", "州", "县", "盟"]
        .map { Array($0.unicodeScalars) }

    /// The level a local form names (省人民政府 → 省, 中共某某市委 → 市), nil when it names none.
    static func level(of form: ArraySlice<Unicode.Scalar>) -> String? {
        let scalars = Array(form)
        for word in levelWords {
            for start in scalars.indices where start + word.count <= scalars.count {
                if scalars[start..<start + word.count].elementsEqual(word) {
                    return String(String.UnicodeScalarView(word))
                }
            }
        }
        return nil
    }

    /// The level of a local text: the level its local forms name most often (本省, 省人民政府 → 省; 本市 → 市),
    /// nil when it names none. A form of another level in it is a body one level down (设区的市) or up, not the
    /// direct counterpart of the national one.
    public static func dominantLevel(of text: String) -> String? {
        var counts: [String: Int] = [:]
        for match in matches(in: text) where match.side == .local {
            if let level = match.level { counts[level, default: 0] += 1 }
        }
        let order = levelWords.map { String(String.UnicodeScalarView($0)) }
        return counts.max { a, b in
            a.value != b.value
                ? a.value < b.value : (order.firstIndex(of: a.key) ?? 0) > (order.firstIndex(of: b.key) ?? 0)
        }?.key
    }

    /// Suffixes that end a place name (某某市, 某某自治州, 某某县).
    static let placeSuffixes: [[Unicode.Scalar]] = ["自治区", "自治州", "自治县", "特别行政区", "省", "市", "州", "县", "盟"]
        .map { Array($0.unicodeScalars) }

    /// Characters before a bare 省/市/自治区 that make it part of another word (城市, 超市, 各省, 设区的市 …).
    static let levelBlockers = ScalarSet("城超都股上夜门集闹节反外各该分跨邻辖的全本我")

    /// What may stand before a bare 区 or 县 of a county-level government.
    static let countyBoundaries = ScalarSet("由经报向和与及同在对为请按将并或交给")

    /// Characters that do not occur in a place name but start clauses (加强, 建设, 由, 在 …): a run of Han
    /// characters before 市 containing one is not a city's name.
    static let placeNameStoppers = ScalarSet(
        "直辖由经报向和与及同在对为请按将并或交给至从以于是即其本我全各该的了要应可不等加强建设推进促完善发展支持鼓励落实做好坚深化提高开组织制定施依照规保障负责统筹协调指导监督管理")

    /// Characters that make 本 part of a word (基本, 根本, 成本 …), so 本法 there is not a self-reference.
    static let wordsEndingInBen = ScalarSet("基根资成日样文课版剧账脚范副正原书标读蓝底母人节校")

    static let divisionFirstScalars = ScalarSet(
        String(String.UnicodeScalarView(provinceLevelDivisions.compactMap(\.first))))

    static func namedDivisionEnds(_ text: [Unicode.Scalar], at position: Int) -> [Int] {
        guard divisionFirstScalars.contains(text[position]) else { return [] }
        return provinceLevelDivisions.compactMap { name in
            position + name.count <= text.count && text[position..<position + name.count].elementsEqual(name)
                ? position + name.count : nil
        }
    }

    /// Every end of a local jurisdiction starting at `position`: a province-level division, a level word (a bare
    /// 省/市/自治区 only where it is not part of another word), or a city or county name of two to four
    /// characters after punctuation (佳木斯市, 甘孜藏族自治州).
    static func jurisdictionEnds(_ text: [Unicode.Scalar], at position: Int) -> [Int] {
        var ends = namedDivisionEnds(text, at: position)
        let previous = position > 0 ? text[position - 1] : nil
        for level in levels
        where position + level.count <= text.count && text[position..<position + level.count].elementsEqual(level) {
            if level.first == "本" || level.first == "我" || !(previous.map(levelBlockers.contains) ?? false) {
                ends.append(position + level.count)
            }
        }
        if previous.map(isHan) != true {
            for nameLength in 2...4 {
                let suffixStart = position + nameLength
                guard suffixStart < text.count,
                    text[position..<suffixStart].allSatisfy({ isHan($0) && !placeNameStoppers.contains($0) })
                else { break }
                for suffix in placeSuffixes
                where suffixStart + suffix.count <= text.count
                    && text[suffixStart..<suffixStart + suffix.count].elementsEqual(suffix)
                {
                    ends.append(suffixStart + suffix.count)
                }
            }
        }
        return ends.count > 1 ? ends.sorted(by: >) : ends
    }

    // MARK: - Departments

    /// How government departments start (教育行政部门, 发展改革委, 网信办 …).
    static let departmentStarts: [[Unicode.Scalar]] = [
        "有关部门", "有关主管部门", "有关单位", "有关机构", "各有关部门", "教育", "科技", "科学技术", "工业和信息化",
        "工信", "公安", "民政", "司法", "财政", "人力资源", "人社", "自然资源", "国土资源", "生态环境", "环境保护",
        "住房", "城乡建设", "交通", "水利", "农业", "农村", "林业", "草原", "商务", "文化", "旅游", "卫生", "健康",
        "退役军人", "应急", "审计", "市场监督", "市场监管", "工商", "质量", "食品药品", "药品", "广播", "新闻出版",
        "体育", "统计", "医疗保障", "医保", "发展改革", "发展和改革", "发改", "网信", "互联网信息", "通信管理",
        "知识产权", "粮食", "能源", "国资", "国有资产", "税务", "地方金融", "金融", "外事", "侨务", "民族", "宗教",
        "信访", "机构编制", "编办", "宣传", "组织部", "统战", "政法", "档案", "保密", "气象", "地震", "海洋", "测绘",
        "地质", "邮政", "保险", "证券", "银行", "价格", "物价", "安全生产", "版权", "电影", "新闻", "外汇", "海关",
        "科学院", "社会科学院", "工程院", "标准化", "计划生育", "人口",
    ].map { Array($0.unicodeScalars) }

    /// Characters that end the search for 部门 (a clause goes on rather than a department name).
    static let departmentBreakers = ScalarSet("的和与及或应对鼓支按依由在为将把并须可要不得负")

    /// Whether a government department starts at `position`: a known department word, or 部门 within ten
    /// characters of a noun phrase.
    static func startsDepartment(_ text: [Unicode.Scalar], at position: Int) -> Bool {
        for start in departmentStarts
        where position + start.count <= text.count && text[position..<position + start.count].elementsEqual(start) {
            return true
        }
        var index = position
        while index + 1 < text.count, index < position + 10, isHan(text[index]),
            !departmentBreakers.contains(text[index])
        {
            if text[index] == "部", text[index + 1] == "门" { return index > position }
            index += 1
        }
        return false
    }

    // MARK: - Guards

    /// Context a form needs beyond its own characters.
    static func guarded(_ form: Form, text: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        let previous = start > 0 ? text[start - 1] : nil
        let next = end < text.count ? text[end] : nil
        switch form.guardRule {
        case .selfReference:
            // 基本法, 成本办法: 本 ends another word.
            return !(previous.map(wordsEndingInBen.contains) ?? false)
        case .wholeJurisdiction:
            // 全市场, 全区域, 全县域 are not the jurisdiction.
            return next != "场" && next != "域"
        case .countyGovernment:
            // 社区人民政府 is no form; 区 and 县 stand alone only after punctuation or a function word.
            guard form.side == .local, let previous, isHan(previous) else { return true }
            return countyBoundaries.contains(previous)
        case .partyCentre:
            // 中央 only before an organ or as the party centre, not 中央财政 … (that one is 国务院{D}): a bare
            // 市委/省委 needs the committee reading, so 委员 (a member) is not one.
            return next != "员"
        case .none:
            return true
        }
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }
}

extension Localization.Piece {
    var isNamedOnly: Bool {
        if case .namedDivision = self { return true }
        return false
    }
}

/// A set of BMP scalars as a bitmap: one shift and mask per lookup instead of hashing (the lexicon's character
/// classes are tested at nearly every character of every text the aligner folds).
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)

    init(_ characters: String) {
        for scalar in characters.unicodeScalars where scalar.value < 0x10000 {
            bits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63)
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && bits[Int(scalar.value) >> 6] & (1 << UInt64(scalar.value & 63)) != 0
    }
}
