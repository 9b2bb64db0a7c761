/// The words the change classifier looks for: modal force, hedges, quantities and responsible bodies. Data only;
/// `ChangeClassifier` decides with them.
enum ChangeLexicon {
    /// What a modal word does to a norm.
    enum Modal: Sendable, Equatable {
        /// A prohibition (不得, 禁止, 严禁): adding one always strengthens, removing one weakens.
        case prohibition
        /// An obligation or permission of the given force: 4 必须, 3 应当/要/负责, 1 可以/鼓励/支持/引导/提倡.
        case force(Int)
    }

    /// Modal words, longest first where one contains another.
    static let modals: [(word: [Character], modal: Modal)] = {
        let prohibitions: [String] = ["不应当", "不得", "不准", "不许", "禁止", "严禁", "不应"]
        let forces: [(String, Int)] = [
            ("必须", 4), ("务必", 4), ("应当", 3), ("应该", 3), ("负责", 3), ("要", 3), ("应", 3), ("可以", 1),
            ("鼓励", 1), ("支持", 1), ("引导", 1), ("提倡", 1), ("倡导", 1), ("允许", 1),
        ]
        return prohibitions.map { (Array($0), Modal.prohibition) } + forces.map { (Array($0.0), Modal.force($0.1)) }
    }()

    /// Permissions and encouragements proper; 支持 and 引导 are also plain verbs, so they alone do not weaken a
    /// bare directive.
    static let permissions: Set<String> = ["可以", "鼓励", "提倡", "倡导", "允许"]

    /// Encouragements that are as often the clause's plain verb (尊重并支持…, 引导村民…).
    static let verbLikeModals: Set<String> = ["支持", "引导"]

    static let modalFirsts: Set<Character> = Set(modals.compactMap(\.word.first))

    /// Words that soften a norm wherever they appear.
    static let hedges: [[Character]] = [
        "原则上", "有条件的", "有条件地", "有条件", "逐步", "适时", "视情", "酌情", "力争", "尽量", "尽可能", "探索", "稳妥",
    ].map { Array($0) }

    /// Neighbours that make the single characters 要 and 应 part of another word (重要, 要求, 适应, 应用 …).
    static let notModalBefore: [Character: Set<Character>] = [
        "要": Set("重主需必只纲摘首紧扼机提概想"),
        "应": Set("适响供相对反效呼顺答理感回报"),
    ]
    static let notModalAfter: [Character: Set<Character>] = [
        "要": Set("求素点害件闻务领员是"),
        "应": Set("用急对变收付征届聘邀试诉运酬有当该"),
    ]

    /// Chinese numeral characters (digits and the units 十百千万亿).
    static let chineseNumerals: [Character: Int] = [
        "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
        "九": 9, "十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000,
    ]

    /// Units after a number, longest first. A Chinese numeral counts as a quantity only before one of them (so
    /// 统一, 进一步, 一批 are not numbers); Arabic digits always do.
    static let units: [[Character]] = [
        "个工作日", "工作日", "个月", "个百分点", "百分点", "小时", "分钟", "周岁", "万元", "亿元", "千元", "元",
        "日", "天", "月", "年", "周", "%", "％", "‰", "倍", "人", "名", "个", "次", "项", "岁", "户", "亩", "公里",
        "公顷", "平方米", "米", "家", "所", "份", "届", "成", "级",
    ].map { Array($0) }

    /// Ordinal references (第十条, 第三款): a renumbered cross-reference is not a changed quantity.
    static let ordinalEnds: Set<Character> = Set("条款项章节目编")

    /// How the name of a responsible body or addressee ends (教育行政部门, 村民委员会, 县级以上人民政府 …).
    static let bodySuffixes: [[Character]] = [
        "人民政府", "政府", "部门", "委员会", "会议", "机关", "机构", "单位", "组织", "办公室", "办公厅", "领导小组", "小组",
        "中心", "协会", "学会", "联合会", "合作社", "企业", "院校", "高校", "学校", "法院", "检察院", "国务院", "军队", "部队", "厅", "局",
        "委", "办", "署", "部",
    ].map { Array($0) }

    /// Words that join the names of bodies in a list (工业和信息化、公安等有关部门和军队).
    static let bodyJoiners: Set<Character> = Set("和与及、等或以")

    static let bodySuffixFirsts: Set<Character> = Set(bodySuffixes.compactMap(\.first))

    /// Characters that end the name of a body when reading backwards from its suffix (particles).
    static let bodyNameBreakers: Set<Character> = Set("的和与及或对向由在为将把并按依经报请是等")

    /// Words that end the name of a body when reading backwards (verbs that take it as their object).
    static let bodyNameBreakerWords: [[Character]] = [
        "鼓励", "支持", "引导", "推进", "推动", "加强", "建立", "开展", "实施", "指导", "负责", "应当", "可以", "必须",
        "会同", "根据", "按照", "依照", "协调", "配合", "督促", "要求", "组织", "发挥", "培育", "发展", "设立", "成立",
        "健全", "完善", "落实", "明确", "授权", "委托", "通知", "报告", "提请", "监督", "检查", "扶持", "帮助",
    ].map { Array($0) }
}
