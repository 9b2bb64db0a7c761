import CDocumentFormats

/// An HTML or XML document parsed by libxml2 (loaded on first use, see `CDocumentFormats`), flattened into an
/// array in document order: a node's descendants are the nodes after it up to its `end`. Built without recursion,
/// so a deeply nested page cannot exhaust the stack.
struct MarkupTree {
    struct Node {
        /// An element's local name (lowercased for HTML); empty for a text node.
        var name: String
        /// A text node's content; empty for an element.
        var text: String
        var parent: Int
        /// One past the index of the last descendant.
        var end: Int
        /// The attributes asked for when the tree was built, by name (absent ones left out).
        var attributes: [String: String]

        var isElement: Bool { !name.isEmpty }
    }

    var nodes: [Node] = []

    enum Flavour { case html, xml }

    /// Parses UTF-8 bytes; nil when libxml2 cannot be loaded or returns no document.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, as flavour: Flavour, keeping attributes: [String])
        -> MarkupTree?
    {
        guard dz_xml_available() != 0, let base = bytes.baseAddress, bytes.count < Int(Int32.max) else { return nil }
        let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
            flavour == .html
                ? dz_html_parse(characters, Int32(bytes.count)) : dz_xml_parse(characters, Int32(bytes.count))
        }
        guard let document else { return nil }
        defer { dz_doc_free(document) }
        var tree = MarkupTree()
        // Each level: the next sibling to visit and the index of the parent whose children these are.
        var levels: [(next: UnsafeRawPointer?, parent: Int)] = [(dz_doc_first(document), -1)]
        while let level = levels.last {
            guard let node = level.next else {
                levels.removeLast()
                if level.parent >= 0 { tree.nodes[level.parent].end = tree.nodes.count }
                continue
            }
            levels[levels.count - 1].next = dz_node_next(node)
            if let name = dz_node_name(node) {
                var kept: [String: String] = [:]
                for attribute in attributes {
                    if let value = dz_node_attribute(node, attribute) { kept[attribute] = String(cString: value) }
                }
                let elementName = String(cString: name)
                tree.nodes.append(
                    Node(
                        name: flavour == .html ? elementName.lowercased() : elementName, text: "",
                        parent: level.parent, end: tree.nodes.count + 1, attributes: kept))
                levels.append((dz_node_first(node), tree.nodes.count - 1))
            } else if let text = dz_node_text(node) {
                tree.nodes.append(
                    Node(
                        name: "", text: String(cString: text), parent: level.parent, end: tree.nodes.count + 1,
                        attributes: [:]))
            }
        }
        return tree
    }

    /// Indices of the element's child elements.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            if nodes[child].isElement { result.append(child) }
            child = nodes[child].end
        }
        return result
    }

    /// The first element with this name at or after `start` inside `index`'s subtree.
    func first(_ name: String, in index: Int) -> Int? {
        (index + 1..<nodes[index].end).first { nodes[$0].name == name }
    }

    /// The text of a subtree, nodes in `hidden` (when given) left out.
    func text(of index: Int, hidden: [Bool]? = nil) -> String {
        var result = ""
        var position = index
        while position < nodes[index].end {
            if let hidden, hidden[position] {
                position = nodes[position].end
                continue
            }
            result += nodes[position].text
            position += 1
        }
        return result
    }
}
