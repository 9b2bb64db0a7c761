/// A saved web page reduced to the lines a clean text of its document would have: the page parsed by libxml2's
/// HTML parser, the content block found by text density (and the page's own names for it), the chrome around it
/// (menus, breadcrumbs, related links, footers) left out, the metadata the page carries kept. The lines then go
/// through the same parser as a text file, so a page and a clean copy give the same outline.
struct HTMLPage {
    /// The document's text: the page's metadata-table lines and title (when the content block lacks it), then the
    /// content block, one block element or `<br>`-broken line per line, table cells one per line.
    var text: String
    /// `<meta name=… content=…>` fields a document page carries (ArticleTitle, PubDate, ContentSource, …).
    var metaFields: [MetadataField]
    /// The `<title>` element's first part, for a page whose text gives no title line.
    var fallbackTitle: String?

    /// Element names whose subtree is never document text.
    private static let hiddenElements: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select", "option",
        "button", "input", "textarea", "head", "title", "nav", "footer", "aside", "map", "audio", "video", "link",
    ]
    /// Elements that start and end a line.
    private static let blockElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table", "tbody", "thead", "tfoot",
        "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "main", "blockquote", "pre", "center", "form",
        "hr", "body", "html", "caption", "figure", "figcaption", "address", "fieldset", "legend",
    ]
    /// Words in an element's `class` or `id` by which sites name their content block (gov.cn `pages_content`,
    /// TRS's `TRS_Editor`, `zoom`, `article`, …).
    private static let contentNames = [
        "content", "article", "zoom", "editor", "detail", "zwnr", "wenzhang", "main_text",
    ]
    /// `<meta name>` values kept as metadata fields (gov.cn and provincial sites).
    private static let metaNames: Set<String> = [
        "articletitle", "pubdate", "contentsource", "keywords", "author", "description", "columnname", "firsttitle",
        "subtitle",
    ]

    /// Adds the page's `<meta>` fields to the document's metadata (after a metadata table's, whose labels win).
    /// They are kept, not applied: a page's `PubDate` is when the site posted it, not the document's date.
    func apply(to document: inout PolicyDocument) {
        if let fallbackTitle, document.warnings.contains(where: { if case .noTitle = $0 { true } else { false } }) {
            var parser = DocumentParser(
                lines: PhysicalLines.split(fallbackTitle + "\n" + text), source: document.source)
            let decoded = document.warnings.filter { if case .decoded = $0 { true } else { false } }
            document = parser.parse()
            document.warnings = decoded + document.warnings
        }
        for field in metaFields where !document.metadata.contains(where: { $0.label == field.label }) {
            document.metadata.append(field)
        }
    }

    /// Reads a page from decoded text; nil when libxml2 cannot be loaded.
    static func extract(_ source: String) -> HTMLPage? {
        var source = source
        let parsed = source.withUTF8 { bytes in
            MarkupTree.parse(
                bytes, as: .html, keeping: ["class", "id", "style", "name", "content", "align", "hidden"])
        }
        guard let tree = parsed, !tree.nodes.isEmpty else { return nil }
        return HTMLPage(tree: tree)
    }

    private init(tree: MarkupTree) {
        let nodes = tree.nodes
        var metaFields: [MetadataField] = []
        var titleElementText: String?
        // Hidden subtrees (scripts, the head, `display:none`) and each node's characters (non-space), as text
        // and inside links.
        var hidden = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices {
            let node = nodes[index]
            // The head is hidden, but its <meta> fields and <title> are read.
            if node.name == "meta", let name = node.attributes["name"], let content = node.attributes["content"],
                Self.metaNames.contains(name.lowercased()),
                !content.unicodeScalars.allSatisfy(\.isLayoutSpace)
            {
                metaFields.append(MetadataField(label: name, value: Self.squeezed(content)))
            }
            if node.name == "title", titleElementText == nil { titleElementText = Self.squeezed(tree.text(of: index)) }
            if node.parent >= 0, hidden[node.parent] {
                hidden[index] = true
                continue
            }
            guard node.isElement else { continue }
            let style = (node.attributes["style"] ?? "").lowercased().filter { $0 != " " }
            if Self.hiddenElements.contains(node.name) || style.contains("display:none")
                || style.contains("visibility:hidden") || node.attributes["hidden"] != nil
            {
                hidden[index] = true
            }
        }
        var characters = [Int](repeating: 0, count: nodes.count)
        var linkCharacters = [Int](repeating: 0, count: nodes.count)
        for index in nodes.indices.reversed() where !hidden[index] {
            let node = nodes[index]
            if !node.isElement {
                characters[index] = node.text.unicodeScalars.reduce(0) { $0 + ($1.isLayoutSpace ? 0 : 1) }
            }
            if node.name == "a" { linkCharacters[index] = characters[index] }
            if node.parent >= 0 {
                characters[node.parent] += characters[index]
                linkCharacters[node.parent] += linkCharacters[index]
            }
        }
        func plain(_ index: Int) -> Int { characters[index] - linkCharacters[index] }

        let body = nodes.indices.first { nodes[$0].name == "body" } ?? 0
        let content = Self.contentBlock(tree: tree, body: body, hidden: hidden, plain: plain, characters: characters)

        // Before the content block: keep the metadata table's lines and the title.
        var before = LineCollector()
        Self.render(tree, from: body, to: content, hidden: hidden, into: &before)
        var lines = LineCollector()
        Self.render(tree, from: content, to: nodes[content].end, hidden: hidden, into: &lines)
        let contentLines = lines.lines

        // A table's line (`索 引 号：…`), or the value under a label alone (`标　　题：` in one cell, the title in the next).
        var prefix: [String] = []
        var afterBareLabel = false
        for line in before.lines {
            if let valueIsEmpty = MetadataTable.labelLine(line) {
                prefix.append(line)
                afterBareLabel = valueIsEmpty
            } else if afterBareLabel {
                prefix.append(line)
                afterBareLabel = false
            }
        }
        // The page's own title field, else a heading above the block. The <title> element (often shortened, or the
        // site's name) only when the text gives none (`fallbackTitle`).
        let title =
            metaFields.first { $0.label.lowercased() == "articletitle" }?.value
            ?? Self.headingBefore(content, tree: tree, hidden: hidden, plain: plain, characters: characters)
        if let title, !title.isEmpty {
            let key = Self.key(title)
            let opening = Array(contentLines.prefix(12).map(Self.key))
            // The title is in the block already: alone, broken over two or three lines, or as the value of a table's
            // 标题： row.
            let printed = opening.indices.contains { start in
                (1...3).contains { count in
                    start + count <= opening.count && opening[start..<(start + count)].joined() == key
                }
            }
            if !printed, !opening.contains(where: { $0.hasSuffix(key) && $0.count <= key.count + 4 }),
                !prefix.contains(where: { Self.key($0).hasSuffix(key) })
            {
                prefix.append(title)
            }
        }
        self.text = (prefix + contentLines).joined(separator: "\n")
        self.metaFields = metaFields
        self.fallbackTitle = titleElementText.map(Self.titleFromTitleElement).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The element holding the document: from the body down, the child holding at least 4/5 of the page's text
    /// outside links while there is one; then, inside it, an element the site names as its content (`class`/`id`)
    /// holding at least a fifth of that text with few links (the most such text).
    private static func contentBlock(
        tree: MarkupTree, body: Int, hidden: [Bool], plain: (Int) -> Int, characters: [Int]
    ) -> Int {
        let total = plain(body)
        guard total > 0 else { return body }
        var current = body
        while let next = tree.children(of: current).first(where: { !hidden[$0] && plain($0) * 5 >= total * 4 }) {
            current = next
        }
        var best: Int?
        for index in current..<tree.nodes[current].end where tree.nodes[index].isElement && !hidden[index] {
            let node = tree.nodes[index]
            let names = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
            guard node.name == "article" || contentNames.contains(where: { names.contains($0) }) else { continue }
            let text = plain(index)
            guard text * 5 >= total, (characters[index] - text) * 4 <= characters[index] else { continue }
            if best.map({ text >= plain($0) }) ?? true { best = index }
        }
        return best ?? current
    }

    /// The last heading (`h1`–`h3`, or an element whose class or id says title) before the content block whose
    /// text reads as a title.
    private static func headingBefore(
        _ content: Int, tree: MarkupTree, hidden: [Bool], plain: (Int) -> Int, characters: [Int]
    ) -> String? {
        var found: String?
        var index = 0
        while index < content {
            let node = tree.nodes[index]
            if hidden[index] {
                index = node.end
                continue
            }
            let names = ((node.attributes["class"] ?? "") + " " + (node.attributes["id"] ?? "")).lowercased()
            if node.end <= content,
                ["h1", "h2", "h3"].contains(node.name) || (node.isElement && names.contains("title")),
                plain(index) >= 4, plain(index) <= 120, plain(index) * 2 > characters[index]
            {
                found = squeezed(tree.text(of: index, hidden: hidden))
                index = node.end
                continue
            }
            index += 1
        }
        return found
    }

    /// `<title>关于…的意见_国务院文件_中国政府网</title>` → its first part.
    private static func titleFromTitleElement(_ title: String) -> String {
        var best = title
        for separator in ["_", "｜", "|", " - ", "—"] where best.contains(separator) {
            best = String(best.split(separator: separator).first ?? Substring(best))
        }
        return best.trimmingLayoutSpaces
    }

    /// Text with its runs of spaces made one and the ends trimmed.
    static func squeezed(_ text: String) -> String {
        var result = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.isLayoutSpace || scalar == "\n" || scalar == "\r" {
                space = !result.isEmpty
                continue
            }
            if space { result.unicodeScalars.append(" ") }
            space = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// A line without spaces, for comparing titles.
    private static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.isLayoutSpace }))
    }

    /// Writes the visible text of the nodes in `start..<stop` (document order) as lines.
    private static func render(
        _ tree: MarkupTree, from start: Int, to stop: Int, hidden: [Bool], into lines: inout LineCollector
    ) {
        var open: [Int] = []  // ends of the block elements entered
        var index = start
        while index < stop {
            while let end = open.last, end <= index {
                open.removeLast()
                lines.breakLine()
            }
            let node = tree.nodes[index]
            if hidden[index] {
                index = node.end
                continue
            }
            if !node.isElement {
                lines.append(node.text)
            } else if node.name == "br" {
                lines.breakLine()
            } else if blockElements.contains(node.name) {
                lines.breakLine()
                open.append(node.end)
            }
            index += 1
        }
        lines.breakLine()
    }
}

/// Lines being written from a page: spaces of the markup collapsed the way a browser shows them (a line break
/// between two Chinese characters is nothing), ideographic spaces and no-break spaces kept (they indent).
struct LineCollector {
    private(set) var lines: [String] = []
    private var current = String.UnicodeScalarView()
    private var pendingSpace = false
    private var pendingBreakBetweenWide = false

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                if scalar == "\n" || scalar == "\r" { pendingBreakBetweenWide = true }
                pendingSpace = true
            default:
                if pendingSpace, let last = current.last, last != " " {
                    let wide = last.value >= 0x2E80 && scalar.value >= 0x2E80
                    if !(wide && pendingBreakBetweenWide) { current.append(" ") }
                }
                pendingSpace = false
                pendingBreakBetweenWide = false
                current.append(scalar)
            }
        }
    }

    mutating func breakLine() {
        pendingSpace = false
        pendingBreakBetweenWide = false
        while let last = current.last, last == " " { current.removeLast() }
        if current.contains(where: { !$0.isLayoutSpace }) { lines.append(String(current)) }
        current = String.UnicodeScalarView()
    }
}

extension String {
    /// Without layout spaces at either end.
    var trimmingLayoutSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isLayoutSpace }),
            let last = scalars.lastIndex(where: { !$0.isLayoutSpace })
        else { return "" }
        return String(scalars[first...last])
    }
}
