import DuizhaoCompare
import DuizhaoCore

/// One entry of the aligned row list: contiguous pieces of each document that are shown level.
struct AlignmentBlock: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Linked clauses (a national clause and its provincial clause(s), or several of each).
        case linked
        /// Units of one document alone, with a placeholder opposite.
        case unmatched
        /// Headings, preambles and other non-clause text (blank opposite when alone).
        case structure
        /// Pieces paired by position while the comparison is not available (no placeholder, no diff).
        case parallel
    }

    var kind: Kind
    /// The pieces of each document in this block.
    var pieces: Sides<Range<Int>>

    init(kind: Kind, national: Range<Int>, provincial: Range<Int>) {
        self.kind = kind
        pieces = Sides(national: national, provincial: provincial)
    }
}

/// Builds the list of alignment blocks from the two documents and, when available, the comparison.
enum AlignmentBuilder {
    static func blocks(national: PiecedDocument, provincial: PiecedDocument?, comparison: Comparison?)
        -> [AlignmentBlock]
    {
        let nationalCount = national.pieces.count
        guard let provincial else {
            return (0..<nationalCount).map {
                AlignmentBlock(kind: .structure, national: $0..<$0 + 1, provincial: 0..<0)
            }
        }
        let provincialCount = provincial.pieces.count
        var blocks: [AlignmentBlock] = []
        guard let comparison else {
            merge(
                national: national, 0..<nationalCount, provincial: provincial, 0..<provincialCount,
                pairUnits: true, into: &blocks)
            return blocks
        }
        // Links as piece index pairs; keep the best-scoring chain that runs forward in both documents.
        var candidates: [Int: (national: Int, provincial: Int, score: Double)] = [:]
        for link in comparison.links {
            guard let n = national.pieceOfDivision[link.national], let p = provincial.pieceOfDivision[link.provincial],
                national.pieces[n].kind == .unit, provincial.pieces[p].kind == .unit
            else { continue }
            let key = n * max(1, provincialCount) + p
            let score = max(link.score, 0.001)
            if let existing = candidates[key], existing.score >= score { continue }
            candidates[key] = (n, p, score)
        }
        let chain = monotoneChain(Array(candidates.values), provincialCount: provincialCount)
        var nextNational = 0
        var nextProvincial = 0
        var index = 0
        while index < chain.count {
            var nationalRange = chain[index].national...chain[index].national
            var provincialRange = chain[index].provincial...chain[index].provincial
            index += 1
            while index < chain.count,
                chain[index].national == nationalRange.upperBound
                    || chain[index].provincial == provincialRange.upperBound
            {
                nationalRange = nationalRange.lowerBound...chain[index].national
                provincialRange = provincialRange.lowerBound...chain[index].provincial
                index += 1
            }
            merge(
                national: national, nextNational..<nationalRange.lowerBound,
                provincial: provincial, nextProvincial..<provincialRange.lowerBound, pairUnits: false, into: &blocks)
            blocks.append(
                AlignmentBlock(
                    kind: .linked, national: nationalRange.lowerBound..<nationalRange.upperBound + 1,
                    provincial: provincialRange.lowerBound..<provincialRange.upperBound + 1))
            nextNational = nationalRange.upperBound + 1
            nextProvincial = provincialRange.upperBound + 1
        }
        merge(
            national: national, nextNational..<nationalCount, provincial: provincial, nextProvincial..<provincialCount,
            pairUnits: false, into: &blocks)
        return blocks
    }

    /// Places the pieces between two linked blocks: headings of the same kind side by side, units alone
    /// (or paired by position when `pairUnits`).
    static func merge(
        national: PiecedDocument, _ nationalRange: Range<Int>, provincial: PiecedDocument,
        _ provincialRange: Range<Int>,
        pairUnits: Bool, into blocks: inout [AlignmentBlock]
    ) {
        var n = nationalRange.lowerBound
        var p = provincialRange.lowerBound
        func kind(of piece: DocumentPiece) -> AlignmentBlock.Kind {
            piece.kind == .unit ? (pairUnits ? .parallel : .unmatched) : .structure
        }
        func alone(_ side: DocumentSide) {
            switch side {
            case .national:
                blocks.append(
                    AlignmentBlock(kind: kind(of: national.pieces[n]), national: n..<n + 1, provincial: p..<p))
                n += 1
            case .provincial:
                blocks.append(
                    AlignmentBlock(kind: kind(of: provincial.pieces[p]), national: n..<n, provincial: p..<p + 1))
                p += 1
            }
        }
        func pair(_ kind: AlignmentBlock.Kind) {
            blocks.append(AlignmentBlock(kind: kind, national: n..<n + 1, provincial: p..<p + 1))
            n += 1
            p += 1
        }
        while n < nationalRange.upperBound || p < provincialRange.upperBound {
            guard n < nationalRange.upperBound else {
                alone(.provincial)
                continue
            }
            guard p < provincialRange.upperBound else {
                alone(.national)
                continue
            }
            let left = national.pieces[n]
            let right = provincial.pieces[p]
            switch (left.kind, right.kind) {
            case (.preamble, .preamble): pair(.structure)
            case (.preamble, _): alone(.national)
            case (_, .preamble): alone(.provincial)
            case (.container, .container):
                let leftRank = left.divisionKind?.rank ?? 0
                let rightRank = right.divisionKind?.rank ?? 0
                if leftRank == rightRank {
                    pair(.structure)
                } else {
                    alone(leftRank < rightRank ? .national : .provincial)
                }
            case (.unit, .unit) where pairUnits: pair(.parallel)
            case (.unit, _): alone(.national)
            case (_, .unit): alone(.provincial)
            default: alone(.national)
            }
        }
    }

    /// The subset of links, in order, that increases (not strictly) in both documents with the largest total score.
    static func monotoneChain(
        _ links: [(national: Int, provincial: Int, score: Double)], provincialCount: Int
    ) -> [(national: Int, provincial: Int, score: Double)] {
        let sorted = links.sorted { ($0.national, $0.provincial) < ($1.national, $1.provincial) }
        guard !sorted.isEmpty else { return [] }
        // Fenwick tree of prefix maxima over provincial positions: (best total, link index).
        let size = max(1, provincialCount)
        var tree = Array(repeating: (total: 0.0, link: -1), count: size + 1)
        var previous = Array(repeating: -1, count: sorted.count)
        var totals = Array(repeating: 0.0, count: sorted.count)
        for (index, link) in sorted.enumerated() {
            var best = (total: 0.0, link: -1)
            var position = link.provincial + 1
            while position > 0 {
                if tree[position].total > best.total { best = tree[position] }
                position -= position & -position
            }
            totals[index] = best.total + link.score
            previous[index] = best.link
            position = link.provincial + 1
            while position <= size {
                if totals[index] > tree[position].total { tree[position] = (totals[index], index) }
                position += position & -position
            }
        }
        var last = totals.indices.max { totals[$0] < totals[$1] }!
        var chain: [(national: Int, provincial: Int, score: Double)] = []
        while last >= 0 {
            chain.append(sorted[last])
            last = previous[last]
        }
        return chain.reversed()
    }
}
