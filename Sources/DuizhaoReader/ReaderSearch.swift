import DuizhaoCore

extension ReadingScreen {
    /// The sides whose text is on screen (search looks only at what can be shown).
    var shownSides: [DocumentSide] {
        let geometry = geometry
        return DocumentSide.allCases.filter { geometry.frames[$0] != nil }
    }

    /// Offsets where `needle` occurs in `scalars` (ASCII letters compared without case).
    static func occurrences(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= scalars.count else { return [] }
        var result: [Int] = []
        let first = needle[0]
        var start = 0
        let last = scalars.count - needle.count
        while start <= last {
            if SearchState.fold(scalars[start]) == first {
                var offset = 1
                while offset < needle.count, SearchState.fold(scalars[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count {
                    result.append(start)
                    start += needle.count
                    continue
                }
            }
            start += 1
        }
        return result
    }

    /// Cheap test on the raw text of a block's pieces, before styling and wrapping it.
    func blockMightMatch(_ block: Int, bytes: [UInt8], sides: [DocumentSide]) -> Bool {
        guard !bytes.isEmpty else { return false }
        let alignment = pair.blocks[block]
        for side in sides {
            guard let document = pair.documents[side] else { continue }
            if Self.piecesContain(document.pieces, alignment.pieces[side], bytes) { return true }
        }
        return false
    }

    static func piecesContain(_ pieces: [DocumentPiece], _ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        pieces.withUnsafeBufferPointer { buffer in
            for index in range {
                for part in buffer[index].parts {
                    if containsFolded(part.heading, bytes) { return true }
                    // A run-in label is shown as one text with its first paragraph (`（一）名称；`).
                    if part.runsIn, let first = part.paragraphs.first, containsFolded(part.heading + first, bytes) {
                        return true
                    }
                    for paragraph in part.paragraphs where containsFolded(paragraph, bytes) { return true }
                }
            }
            return false
        }
    }

    /// Byte search (Boyer-Moore-Horspool) with ASCII letters folded to lower case; the needle is already folded.
    static func containsFolded(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let count = needle.count
            guard count > 0, count <= haystack.count else { return false }
            var shift = [Int](repeating: count, count: 256)
            for index in 0..<(count - 1) {
                shift[Int(needle[index])] = count - 1 - index
                let byte = needle[index]
                if byte >= 0x61 && byte <= 0x7A { shift[Int(byte - 0x20)] = count - 1 - index }
            }
            let last = needle[count - 1]
            var position = 0
            while position + count <= haystack.count {
                let tail = foldByte(haystack[position + count - 1])
                if tail == last {
                    var offset = 0
                    while offset < count - 1, foldByte(haystack[position + offset]) == needle[offset] { offset += 1 }
                    if offset == count - 1 { return true }
                }
                position += shift[Int(haystack[position + count - 1])]
            }
            return false
        }
    }

    @inline(__always)
    static func foldByte(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// All matches in one block, in reading order.
    func matches(inBlock block: Int, needle: [Unicode.Scalar], bytes: [UInt8], sides: [DocumentSide]) -> [MatchLocation]
    {
        guard blockMightMatch(block, bytes: bytes, sides: sides) else { return [] }
        let content = layout.content(block)
        let rows = layout.rows(block, widths: widths)
        var result: [MatchLocation] = []
        for side in sides {
            let paragraphs = content.paragraphs[side]
            let lines = rows.lines[side]
            for (paragraphIndex, paragraph) in paragraphs.enumerated() {
                let starts = Self.occurrences(of: needle, in: paragraph.scalars)
                guard !starts.isEmpty else { continue }
                for start in starts {
                    let row =
                        lines.firstIndex {
                            $0.paragraph == Int32(paragraphIndex) && Int($0.start) <= start && start < Int($0.end)
                        } ?? 0
                    result.append(
                        MatchLocation(block: block, row: row, side: side, paragraph: paragraphIndex, start: start))
                }
            }
        }
        return result.sorted { $0.precedes($1) }
    }

    /// The first match after (or before) a reference point, wrapping around the ends.
    /// `inclusive` accepts a match at the reference point itself (incremental search from the view top).
    func findMatch(
        needle: [Unicode.Scalar], from reference: MatchLocation, forward: Bool, inclusive: Bool
    ) -> (match: MatchLocation, wrapped: Bool)? {
        let count = pair.blockCount
        guard count > 0, !needle.isEmpty else { return nil }
        let startBlock = min(max(0, reference.block), count - 1)
        let bytes = Array(String(String.UnicodeScalarView(needle)).utf8)
        let sides = shownSides
        for step in 0...count {
            let block = forward ? (startBlock + step) % count : (startBlock - step + count) % count
            let wrapped = forward ? startBlock + step >= count : startBlock - step < 0
            let candidates = matches(inBlock: block, needle: needle, bytes: bytes, sides: sides)
            guard !candidates.isEmpty else { continue }
            if step == 0 || step == count {
                let filtered = candidates.filter { candidate in
                    if inclusive && candidate == reference { return step == 0 }
                    let after = reference.precedes(candidate)
                    let before = candidate.precedes(reference)
                    if step == 0 { return forward ? after : before }
                    return forward ? before || candidate == reference : after || candidate == reference
                }
                if let match = forward ? filtered.first : filtered.last { return (match, wrapped || step == count) }
            } else if let match = forward ? candidates.first : candidates.last {
                return (match, wrapped)
            }
        }
        return nil
    }

    /// A reference point at the top of the view, before any match on that row.
    var topReference: MatchLocation {
        MatchLocation(block: top.block, row: top.row, side: .national, paragraph: -1, start: -1)
    }

    /// Brings a match into view (a third of the way down when it has to scroll).
    mutating func reveal(_ match: MatchLocation) {
        let position = RowPosition(block: match.block, row: match.row)
        if isVisible(position) { return }
        top = clampedTop(advanced(position, by: -(bodyRows / 3)))
    }

    /// Incremental search while typing: the first match at or after where the search started.
    mutating func searchIncrementally(_ query: String, origin: RowPosition) {
        top = origin
        guard !query.isEmpty else {
            search = nil
            return
        }
        var state = SearchState(query: query)
        let reference = MatchLocation(block: origin.block, row: origin.row, side: .national, paragraph: -1, start: -1)
        if let found = findMatch(needle: state.needle, from: reference, forward: true, inclusive: true) {
            state.current = found.match
            search = state
            reveal(found.match)
        } else {
            search = state
            message = "no match: " + query
        }
    }

    /// `n` / `N`: the next or previous match, wrapping around with a message.
    mutating func searchAgain(forward: Bool) {
        guard var state = search, !state.needle.isEmpty else {
            message = "no search: type / to search"
            return
        }
        let reference =
            state.current.flatMap { current in
                isVisible(RowPosition(block: current.block, row: current.row)) ? current : nil
            }
            ?? topReference
        guard
            let found = findMatch(
                needle: state.needle, from: reference, forward: forward, inclusive: state.current == nil)
        else {
            message = "no match: " + state.query
            return
        }
        state.current = found.match
        search = state
        reveal(found.match)
        let position = matchPosition(found.match, needle: state.needle).map { "match \($0.number) of \($0.total)" }
        let wrapped = found.wrapped ? (forward ? "search wrapped to the top" : "search wrapped to the bottom") : nil
        message = [position, wrapped].compactMap { $0 }.joined(separator: " · ")
    }

    /// Which match of all `match` is, in reading order ("match 3 of 17"): every block that may hold the text is
    /// searched (the byte prefilter skips the rest without styling them).
    func matchPosition(_ match: MatchLocation, needle: [Unicode.Scalar]) -> (number: Int, total: Int)? {
        let bytes = Array(String(String.UnicodeScalarView(needle)).utf8)
        let sides = shownSides
        var total = 0
        var number: Int?
        for block in 0..<pair.blockCount {
            let found = matches(inBlock: block, needle: needle, bytes: bytes, sides: sides)
            if block == match.block, let index = found.firstIndex(of: match) { number = total + index + 1 }
            total += found.count
        }
        return number.map { ($0, total) }
    }
}
