import DuizhaoCompare
import DuizhaoCore

/// One sentence of new text in one implementation.
public struct AdditionOccurrence: Sendable, Equatable {
    /// Index of the column (implementation) in the matrix.
    public var column: Int
    /// The sentence in that implementation.
    public var sentence: SentenceRef
    public var text: String
}

/// Text with no national source found in two or more implementations: horizontal diffusion.
public struct SharedAddition: Sendable, Equatable {
    /// The text as the first implementation (in column order) words it.
    public var text: String
    /// Columns sharing it, ascending, at least two.
    public var columns: [Int]
    /// Every occurrence, in column order.
    public var occurrences: [AdditionOccurrence]
}

/// Finds new sentences shared by several implementations.
///
/// Every provincial sentence without a national source (`SentenceProvenance.sources` empty) is normalised: only
/// letters and digits are kept, the implementation's own place name is removed and the administrative units
/// (自治区, 市) read as 省, so `本市…市人民政府` in one city and `本省…省人民政府` in a province are the same text.
/// Identical normalised texts are grouped at once; near-identical ones are found with MinHash over character
/// trigrams (8 bands of 2) and confirmed when their trigram sets have a Jaccard similarity of at least
/// `similarity`. Groups are closed transitively; those spanning two or more columns are reported, most widely
/// shared first.
public enum SharedAdditionFinder {
    /// Minimum Jaccard similarity of trigram sets for two sentences to count as the same text.
    public static let similarity = 0.6
    /// Shorter normalised sentences (a bare 第X条, 省人民政府规定) are not compared.
    public static let minimumLength = 8

    public static func find(in columns: [MatrixColumn]) -> [SharedAddition] {
        var occurrences: [AdditionOccurrence] = []
        var normalised: [String] = []
        for (index, column) in columns.enumerated() {
            for new in column.newSentences {
                let key = normalise(new.text, place: column.jurisdiction)
                guard key.unicodeScalars.count >= minimumLength else { continue }
                occurrences.append(AdditionOccurrence(column: index, sentence: new.sentence, text: new.text))
                normalised.append(key)
            }
        }
        // Nodes: distinct normalised texts.
        var nodeOfText: [String: Int] = [:]
        var nodeTexts: [String] = []
        var nodeOfOccurrence: [Int] = []
        for key in normalised {
            if let node = nodeOfText[key] {
                nodeOfOccurrence.append(node)
            } else {
                nodeOfText[key] = nodeTexts.count
                nodeOfOccurrence.append(nodeTexts.count)
                nodeTexts.append(key)
            }
        }
        var groups = UnionFind(count: nodeTexts.count)
        let trigramSets = nodeTexts.map(trigrams)
        let bandCount = 8
        let rowsPerBand = 2
        let signatures = trigramSets.map { minHash($0, count: bandCount * rowsPerBand) }
        for band in 0..<bandCount {
            var buckets: [UInt64: [Int]] = [:]
            for (node, signature) in signatures.enumerated() where !signature.isEmpty {
                var key = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
                for row in 0..<rowsPerBand { key = mix(key ^ signature[band * rowsPerBand + row]) }
                buckets[key, default: []].append(node)
            }
            for bucket in buckets.values where bucket.count > 1 {
                // Each node against the first few of its bucket: enough to connect a group, bounded work.
                for (position, node) in bucket.enumerated().dropFirst() {
                    for other in bucket.prefix(min(position, 8)) where groups.find(node) != groups.find(other) {
                        if jaccard(trigramSets[node], trigramSets[other]) >= similarity { groups.union(node, other) }
                    }
                }
            }
        }
        // Collect groups of occurrences.
        var members: [Int: [Int]] = [:]
        for (occurrence, node) in nodeOfOccurrence.enumerated() {
            members[groups.find(node), default: []].append(occurrence)
        }
        var result: [SharedAddition] = []
        for list in members.values {
            let group = list.map { occurrences[$0] }.sorted {
                ($0.column, $0.sentence.division, $0.sentence.index) < (
                    $1.column, $1.sentence.division, $1.sentence.index
                )
            }
            let sharing = Array(Set(group.map(\.column))).sorted()
            guard sharing.count >= 2 else { continue }
            result.append(SharedAddition(text: group[0].text, columns: sharing, occurrences: group))
        }
        return result.sorted {
            if $0.columns.count != $1.columns.count { return $0.columns.count > $1.columns.count }
            let first = $0.occurrences[0]
            let second = $1.occurrences[0]
            return (first.column, first.sentence.division, first.sentence.index)
                < (second.column, second.sentence.division, second.sentence.index)
        }
    }

    /// Letters and digits only, without `place`, with 自治区 and 市 read as 省.
    static func normalise(_ text: String, place: String) -> String {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            kept.append(scalar)
        }
        let placeScalars = place.count >= 2 ? Array(place.unicodeScalars) : []
        let region: [Unicode.Scalar] = ["自", "治", "区"]
        var result = String.UnicodeScalarView()
        var index = 0
        while index < kept.count {
            if !placeScalars.isEmpty, kept[index...].starts(with: placeScalars) {
                index += placeScalars.count
            } else if kept[index...].starts(with: region) {
                result.append("省")
                index += region.count
            } else {
                result.append(kept[index] == "市" ? "省" : kept[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Sorted distinct character trigrams (three scalars packed in 63 bits).
    static func trigrams(_ text: String) -> [UInt64] {
        let scalars = text.unicodeScalars.map { UInt64($0.value) }
        guard scalars.count >= 3 else { return [] }
        var result = (0..<(scalars.count - 2)).map { scalars[$0] << 42 | scalars[$0 + 1] << 21 | scalars[$0 + 2] }
        result.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(result.count)
        for value in result where unique.last != value { unique.append(value) }
        return unique
    }

    static func minHash(_ set: [UInt64], count: Int) -> [UInt64] {
        guard !set.isEmpty else { return [] }
        return (0..<count).map { seed in
            let salt = mix(UInt64(seed + 1) &* 0xD6E8_FEB8_6659_FD93)
            return set.reduce(UInt64.max) { Swift.min($0, mix($1 ^ salt)) }
        }
    }

    /// SplitMix64 finaliser: a fixed, well-spread hash (deterministic across runs, unlike `Hasher`).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Jaccard similarity of two sorted distinct arrays.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}

/// Disjoint sets with path halving.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a)
        let rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
