import FoundationEssentials
import Synchronization

/// The kind of a numbered division: the levels of a law or regulation (编 章 节 条 款 项 目, raw values as printed)
/// and the levels of the 公文 numbering convention (一、 （一） 1. （1）). Both can appear in one document.
public enum DivisionKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// 第一编
    case part = "编"
    /// 第一章
    case chapter = "章"
    /// 第一节 (inside a chapter)
    case subchapter = "节"
    /// 一、二、三、
    case section
    /// （一）（二） or (一)
    case item
    /// 第一条: the provision of a law or regulation.
    case article = "条"
    /// 1. 1． 1。 １． 1、
    case clause
    /// One paragraph of an article (款): printed without a label.
    case articleParagraph = "款"
    /// （一） inside an article (项).
    case articleItem = "项"
    /// （1）（2） or (1)
    case subItem = "subitem"
    /// 1. inside an article's item (目).
    case articleSubitem = "目"
    /// The single division of a document without recognisable numbering.
    case body
    /// An instrument attached to the document (`附件1`), with its own title and numbering.
    case attachment = "附件"
    /// An appended table (任务分工表): its paragraphs are the rows, cells joined by ` | `.
    case table = "表"
    /// A box set into a plan or opinion (`专栏1 重点工程`): its lines up to the next numbered heading.
    case box = "专栏"

    /// Conventional depth: a division nests inside the nearest open division of lower rank. The law levels and
    /// the 公文 levels interleave (一、 sections may hold 第一条 articles; an article holds 款, 项 and 目).
    public var rank: Int {
        switch self {
        case .body, .attachment: return 0
        case .part, .table: return 1
        case .chapter: return 2
        case .subchapter: return 3
        case .section: return 4
        case .item: return 5
        case .article: return 6
        case .clause: return 7
        case .articleParagraph: return 8
        case .articleItem: return 9
        case .subItem: return 10
        case .articleSubitem: return 11
        // Deepest: whatever numbered heading follows a box closes it.
        case .box: return 12
        }
    }

    /// Whether divisions of this kind belong in a table of contents (the parts of a provision do not).
    public var isOutlineLevel: Bool {
        switch self {
        case .articleParagraph, .articleItem, .articleSubitem, .subItem, .table: return false
        default: return true
        }
    }

    /// Whether this is a level of a law or regulation (编 章 节 条 款 项 目).
    public var isLawLevel: Bool {
        switch self {
        case .part, .chapter, .subchapter, .article, .articleParagraph, .articleItem, .articleSubitem: return true
        default: return false
        }
    }

    public static func < (lhs: DivisionKind, rhs: DivisionKind) -> Bool { lhs.rank < rhs.rank }
}

/// A numbered unit of a policy document (section, item, clause, sub-item) with its text and sub-divisions.
public struct Division: Sendable, Equatable, Codable {
    /// Stable id: the path of printed ordinals, e.g. `2.4` for clause 4 in section 二.
    public var id: String
    public var kind: DivisionKind
    /// The label as printed, e.g. `一、`, `（三）`, `4.`.
    public var label: String
    /// The printed number of this division (一 = 1, （三） = 3, 4. = 4).
    public var number: Int
    /// The heading: the leading phrase up to the first 。 for inline titles, or the whole stand-alone heading.
    public var title: String
    /// Body paragraphs, without the label and title.
    public var paragraphs: [String] { didSet { splitCache = SplitCache() } }
    public var children: [Division] { didSet { splitCache = SplitCache() } }
    /// The units a 意见 item names as responsible (`（牵头单位：省发展改革委；配合单位：省财政厅）` →
    /// `省发展改革委`, `省财政厅`), in the order printed; the tail is not part of `paragraphs`.
    public var responsibleUnits: [String] = []
    /// Those tails as printed, without their brackets (`牵头单位：省发展改革委；配合单位：省财政厅`).
    public var responsibility: [String] = []
    /// The sentences split from `paragraphs` (and from the descendants' paragraphs), computed once per value: a
    /// caller that reads `sentences` for every sentence of a long section must not re-split it every time.
    /// Replaced, never mutated, when `paragraphs` or `children` change (copies share it until then).
    private var splitCache = SplitCache()

    private enum CodingKeys: String, CodingKey {
        case id, kind, label, number, title, paragraphs, children, responsibleUnits, responsibility
    }

    public static func == (lhs: Division, rhs: Division) -> Bool {
        lhs.id == rhs.id && lhs.kind == rhs.kind && lhs.label == rhs.label && lhs.number == rhs.number
            && lhs.title == rhs.title && lhs.paragraphs == rhs.paragraphs && lhs.children == rhs.children
            && lhs.responsibleUnits == rhs.responsibleUnits && lhs.responsibility == rhs.responsibility
    }

    public init(
        id: String, kind: DivisionKind, label: String, number: Int, title: String,
        paragraphs: [String] = [], children: [Division] = []
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.number = number
        self.title = title
        self.paragraphs = paragraphs
        self.children = children
    }

    /// Sentences of this division's own paragraphs, in order (split on 。！？； outside quotes and brackets).
    public var sentences: [String] {
        splitCache.own.withLock { cached in
            if let cached { return cached }
            let split = paragraphs.flatMap(SentenceSplitter.split)
            cached = split
            return split
        }
    }

    /// This division's paragraphs and every descendant's, in document order (an article's 款, 项 and 目).
    public var allParagraphs: [String] {
        var result = paragraphs
        for child in children { result += child.allParagraphs }
        return result
    }

    /// Sentences of this division and every descendant, in document order: what a comparison sees of a provision.
    public var allSentences: [String] {
        if let cached = splitCache.all.withLock({ $0 }) { return cached }
        var result = sentences
        for child in children { result += child.allSentences }
        splitCache.all.withLock { $0 = result }
        return result
    }

    /// The first words of the text, ending with `…`, for a division printed without a title (an untitled
    /// article); nil when the division has a title or no text.
    public var excerpt: String? {
        guard title.isEmpty, let first = allParagraphs.first(where: { !$0.isEmpty }) else { return nil }
        return Self.excerpt(of: first)
    }

    /// The title, or for an untitled division its excerpt (check `excerpt != nil` to mark it as such).
    public var displayTitle: String { title.isEmpty ? (excerpt ?? "") : title }

    /// At most `Division.excerptLength` characters of the first sentence of `text`, followed by `…` when cut.
    public static func excerpt(of text: String) -> String {
        let sentence = SentenceSplitter.split(text).first ?? text
        var characters = Array(sentence)
        while let last = characters.last, SentenceSplitter.terminators.contains(last.unicodeScalars.first!) {
            characters.removeLast()
        }
        var cut = Array(characters.prefix(excerptLength))
        while let last = cut.last, "，、；：,;:".contains(last) { cut.removeLast() }
        return String(cut) + "…"
    }

    /// Length in characters of an excerpt (before its `…`).
    public static let excerptLength = 16

    /// This division and all its descendants, depth first.
    public var flattened: [Division] {
        var result: [Division] = []
        appendFlattened(into: &result)
        return result
    }

    func appendFlattened(into result: inout [Division]) {
        result.append(self)
        for child in children { child.appendFlattened(into: &result) }
    }

    /// The heading as a reader shows it: label followed by the title.
    /// A law's label and title are printed with a space between them (`第一章 总则`).
    public var heading: String {
        if title.isEmpty { return label }
        if label.isEmpty { return title }
        return kind.isLawLevel || kind == .attachment || kind == .box ? label + " " + title : label + title
    }
}

/// The sentences of one `Division` value, split on first use (see `Division.splitCache`).
private final class SplitCache: Sendable {
    let own = Mutex<[String]?>(nil)
    let all = Mutex<[String]?>(nil)
}

/// A policy document imported from plain text: metadata, preamble and the tree of divisions.
public struct PolicyDocument: Sendable, Equatable {
    public var title: String
    public var issuers: [String]
    /// ISO 8601 date (yyyy-MM-dd) when the document states one.
    public var date: String?
    /// e.g. 甘办发〔2017〕52号
    public var documentNumber: String?
    /// Lines of the notice or news release that frames the document (kept as metadata, not body text).
    public var notice: [String]
    public var preamble: [String]
    public var divisions: [Division]
    /// The metadata table of a government web page, as printed (empty for other sources).
    public var metadata: [MetadataField] = []
    /// The legislative history of a law or regulation (adopted, amended, promulgated), in the order printed.
    public var history: [LegislativeEvent]
    /// Things the importer noticed and worked around (noise dropped, structure missing, …).
    public var warnings: [ImportWarning]
    /// Where the text came from (a path, or `bundled:national`).
    public var source: String

    public init(
        title: String = "", issuers: [String] = [], date: String? = nil, documentNumber: String? = nil,
        notice: [String] = [], preamble: [String] = [], divisions: [Division] = [], history: [LegislativeEvent] = [],
        warnings: [ImportWarning] = [], source: String = ""
    ) {
        self.title = title
        self.issuers = issuers
        self.date = date
        self.documentNumber = documentNumber
        self.notice = notice
        self.preamble = preamble
        self.divisions = divisions
        self.history = history
        self.warnings = warnings
        self.source = source
    }

    /// Every division, depth first in document order.
    public var allDivisions: [Division] {
        var result: [Division] = []
        for division in divisions { division.appendFlattened(into: &result) }
        return result
    }

    /// The division with this id, if any.
    public func division(id: String) -> Division? {
        allDivisions.first { $0.id == id }
    }

    /// The provisions: the units a reader compares and bookmarks. In a law or regulation, its articles (条);
    /// otherwise the divisions one level below the sections (clauses, or items when the document has no clauses
    /// directly under its sections), the sections themselves when they have no numbered children, the single
    /// body division of an unstructured document.
    public var provisions: [Division] {
        let attachments = divisions.filter { $0.kind == .attachment }
        var main = divisions.filter { $0.kind != .attachment }
        // A notice's unnumbered text that only issues its attachments is not a provision.
        if !attachments.isEmpty, main.count == 1, main[0].kind == .body { main = [] }
        return Self.provisions(of: main) + attachments.flatMap { Self.provisions(of: $0.children) }
    }

    /// The provisions of one instrument's tree (an appended table has none).
    static func provisions(of divisions: [Division]) -> [Division] {
        var result: [Division] = []
        if divisions.contains(where: { $0.flattened.contains { $0.kind == .article } }) {
            func visitLaw(_ division: Division) {
                if division.kind == .article { result.append(division) } else { division.children.forEach(visitLaw) }
            }
            divisions.forEach(visitLaw)
            return result
        }
        func visit(_ division: Division) {
            switch division.kind {
            case .table:
                break
            case .body, .section, .part, .chapter, .subchapter:
                if division.children.isEmpty { result.append(division) } else { division.children.forEach(visit) }
            case .item where division.children.contains(where: { $0.kind == .clause }):
                division.children.forEach(visit)
            default:
                result.append(division)
            }
        }
        divisions.forEach(visit)
        return result
    }

    /// The instruments of a document that attaches others (`附件1`, `附件2`): the main text first, then each
    /// attachment with its label, title and tree; empty for a document of one instrument.
    public var parts: [DocumentPart] {
        let attachments = divisions.filter { $0.kind == .attachment }
        guard !attachments.isEmpty else { return [] }
        let main = DocumentPart(
            label: "", title: title, paragraphs: preamble, divisions: divisions.filter { $0.kind != .attachment })
        return [main]
            + attachments.map {
                DocumentPart(label: $0.label, title: $0.title, paragraphs: $0.paragraphs, divisions: $0.children)
            }
    }

    /// The same as `provisions` (the older name, kept while callers move over).
    public var comparableUnits: [Division] { provisions }
}

/// One step of a law's legislative history: `1998年11月4日 第九届全国人民代表大会常务委员会第五次会议通过`.
public struct LegislativeEvent: Sendable, Equatable, Codable {
    /// ISO 8601 date (yyyy-MM-dd).
    public var date: String?
    /// The enacting body without its session: `全国人民代表大会常务委员会`, `国务院`.
    public var body: String?
    /// What happened, as printed: 通过, 修订, 修正, 公布, 施行, 批准.
    public var action: String?
    /// The line as printed.
    public var text: String
}

/// One instrument of a document that holds several (see `PolicyDocument.parts`).
public struct DocumentPart: Sendable, Equatable {
    /// `附件1` as printed; empty for the main text.
    public var label: String
    public var title: String
    /// Text before the first numbered division.
    public var paragraphs: [String]
    public var divisions: [Division]
}
