import DuizhaoCore

/// Folds a text's characters to the "content" the similarity measures look at: CJK ideographs, letters and
/// digits, with full-width forms folded to ASCII and Latin letters lower-cased. Everything else (punctuation,
/// spaces, quotes, brackets) separates runs of content, so bigrams never span a comma or a line break.
enum TextContent {
    /// The folded content scalar for `value`, or nil when it separates content.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return value
        case 0x41...0x5A: return value + 0x20
        case 0xFF10...0xFF19, 0xFF41...0xFF5A: return value - 0xFEE0
        case 0xFF21...0xFF3A: return value - 0xFEE0 + 0x20
        case 0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return value
        case 0xE000...0xE0FF: return value  // the markers of `Boilerplate` phrases
        default:
            if value < 0x80 { return nil }
            if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic { return value }
            return nil
        }
    }

    /// The content scalars of `text` in order (punctuation and spaces removed).
    static func scalars(of text: String) -> [UInt32] {
        text.unicodeScalars.compactMap { fold($0.value) }
    }
}

/// Interns character bigrams as dense integer ids shared by both documents of a comparison.
struct BigramVocabulary: Sendable {
    /// Open-addressing hash table (linear probing, power-of-two capacity) from a packed scalar pair to its id:
    /// several times faster than `Dictionary` with its seeded SipHash on the millions of lookups of a large pair.
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        values = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The id of a packed pair, assigning the next id to a new one.
    @inline(__always)
    mutating func id(of key: UInt64) -> Int32 {
        var index = Self.slot(key, mask)
        while values[index] >= 0 {
            if keys[index] == key { return values[index] }
            index = (index + 1) & mask
        }
        let id = Int32(count)
        keys[index] = key
        values[index] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    /// The ids of the bigrams whose first character lies in `range`, in increasing order.
    func ids(startingIn range: ClosedRange<UInt32>) -> [Int32] {
        zip(keys, values).compactMap { key, value in
            value >= 0 && range.contains(UInt32(truncatingIfNeeded: key >> 32)) ? value : nil
        }.sorted()
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var index = Self.slot(key, mask)
            while values[index] >= 0 { index = (index + 1) & mask }
            keys[index] = key
            values[index] = value
        }
    }

    /// Appends the ids of the bigrams of `text` (within runs of content characters) to `ids`, unsorted.
    mutating func appendBigrams(of text: String, to ids: inout [Int32]) {
        ids.append(contentsOf: bigramSequence(of: text).lazy.filter { $0 >= 0 })
    }

    /// The bigram ids of `text` in order, with -1 where a run of content characters ends.
    mutating func bigramSequence(of text: String) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(text.utf8.count / 3 + 1)
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            guard let folded = TextContent.fold(scalar.value) else {
                if previous != nil, let last = ids.last, last != -1 { ids.append(-1) }
                previous = nil
                continue
            }
            if let previous { ids.append(id(of: UInt64(previous) << 32 | UInt64(folded))) }
            previous = folded
        }
        return ids
    }

    /// The sorted, duplicate-free set of bigram ids of `text`.
    mutating func bigramSet(of text: String) -> [Int32] {
        var ids: [Int32] = []
        appendBigrams(of: text, to: &ids)
        return SortedSet.normalize(ids)
    }
}

/// Sets of bigram ids kept as sorted arrays without duplicates.
enum SortedSet {
    static func normalize(_ ids: [Int32]) -> [Int32] {
        guard ids.count > 1 else { return ids }
        var sorted = ids
        sorted.sort()
        var write = 1
        for read in 1..<sorted.count where sorted[read] != sorted[write - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeLast(sorted.count - write)
        return sorted
    }

    /// Sum of `weights` over the intersection of two sorted sets, and the size of the intersection.
    static func sharedWeight(_ a: [Int32], _ b: [Int32], weights: [Double]) -> (weight: Double, count: Int) {
        var i = 0
        var j = 0
        var weight = 0.0
        var count = 0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                weights.withUnsafeBufferPointer { weights in
                    while i < a.count, j < b.count {
                        let x = a[i]
                        let y = b[j]
                        if x == y {
                            weight += weights[Int(x)]
                            count += 1
                            i += 1
                            j += 1
                        } else if x < y {
                            i += 1
                        } else {
                            j += 1
                        }
                    }
                }
            }
        }
        return (weight, count)
    }

    /// Sum of `weights` over the elements of `a` found in `b` or in `c` (the intersection of `a` with the union).
    static func sharedWeight(_ a: [Int32], union b: [Int32], _ c: [Int32], weights: [Double]) -> Double {
        var j = 0
        var k = 0
        var weight = 0.0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            while k < c.count, c[k] < x { k += 1 }
            if (j < b.count && b[j] == x) || (k < c.count && c[k] == x) { weight += weights[Int(x)] }
        }
        return weight
    }

    /// Sum of `weights` over the elements of `a`.
    static func totalWeight(_ a: [Int32], weights: [Double]) -> Double {
        var total = 0.0
        for id in a { total += weights[Int(id)] }
        return total
    }
}

/// One document's comparable units and their sentences, reduced to bigram sets.
struct PreparedSide: Sendable {
    var units: [Division]
    /// Bigrams of each unit's title.
    var titleBigrams: [[Int32]] = []
    /// Bigrams of each unit's body: every sentence and sub-heading of the unit and its descendants.
    var unitBigrams: [[Int32]] = []
    /// The sentences of each unit, as a range into the sentence arrays.
    var unitSentences: [Range<Int>] = []
    var sentenceRefs: [SentenceRef] = []
    var sentenceTexts: [String] = []
    var sentenceUnit: [Int] = []
    var sentenceBigrams: [[Int32]] = []
    /// The bigrams of each sentence in reading order, -1 between runs of content characters.
    var sentenceSequences: [[Int32]] = []
    /// Citations of the sentences that have any, by sentence index.
    var sentenceCitations: [Int: [Citation]] = [:]
    /// For sentences that defer to a whole document (`村民会议的组成和召集，按照《X法》的规定执行`), by sentence
    /// index: the bigrams of what they defer on (the words before the introducer, else the sentence without
    /// its titles).
    var deferralTopics: [Int: [Int32]] = [:]
    /// The printed article number (第N条 → N) of each unit that is an article of a law.
    var articleNumbers: [Int?] = []

    /// The text the similarity measures see: mechanical localisation (本办法 → 本法, 本省 → 国家) folded, since it
    /// is no difference in substance, and stock legal phrases reduced to one bigram each.
    /// The units that unit `u`'s own citations of its document name (`本法第十五条`), with the citation as written.
    func selfCitations(ofUnit u: Int) -> [(unit: Int, text: String)] {
        var result: [(unit: Int, text: String)] = []
        for s in unitSentences[u] {
            for citation in sentenceCitations[s] ?? [] where citation.scope == .sameDocument {
                guard let article = citation.article,
                    let cited = articleNumbers.firstIndex(where: { $0 == article })
                else { continue }
                result.append((cited, citation.text))
            }
        }
        return result
    }

    static func scoringText(_ text: String) -> String {
        Boilerplate.fold(Localization.fold(text))
    }

    init(document: PolicyDocument, vocabulary: inout BigramVocabulary) {
        units = document.provisions
        var citationParser = CitationParser()
        for unit in units {
            articleNumbers.append(unit.kind == .article ? unit.number : nil)
            titleBigrams.append(vocabulary.bigramSet(of: Self.scoringText(unit.title)))
            let firstSentence = sentenceRefs.count
            var body: [Int32] = []
            for (depth, division) in unit.flattened.enumerated() {
                if depth > 0 { vocabulary.appendBigrams(of: Self.scoringText(division.title), to: &body) }
                for (index, sentence) in division.sentences.enumerated() {
                    let sequence = vocabulary.bigramSequence(of: Self.scoringText(sentence))
                    let bigrams = SortedSet.normalize(sequence.filter { $0 >= 0 })
                    sentenceSequences.append(sequence)
                    body.append(contentsOf: bigrams)
                    if CitationParser.mayCite(sentence) {
                        let citations = citationParser.citations(in: sentence)
                        if !citations.isEmpty { sentenceCitations[sentenceRefs.count] = citations }
                        if let topic = CitationParser.deferralTopic(sentence, citations: citations) {
                            deferralTopics[sentenceRefs.count] = vocabulary.bigramSet(of: Localization.fold(topic))
                        }
                    }
                    sentenceRefs.append(SentenceRef(division: division.id, index: index))
                    sentenceTexts.append(sentence)
                    sentenceUnit.append(unitBigrams.count)
                    sentenceBigrams.append(bigrams)
                }
            }
            unitBigrams.append(SortedSet.normalize(body))
            unitSentences.append(firstSentence..<sentenceRefs.count)
        }
    }
}

/// Inverted index from bigram id to the items (units or sentences) containing it, in compressed rows.
struct InvertedIndex: Sendable {
    private var offsets: [Int32]
    private var items: [Int32]

    init(sets: [[Int32]], vocabularySize: Int) {
        var counts = [Int32](repeating: 0, count: vocabularySize + 1)
        for set in sets { for id in set { counts[Int(id) + 1] += 1 } }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        offsets = counts
        var cursor = counts
        items = [Int32](repeating: 0, count: Int(counts[vocabularySize]))
        for (item, set) in sets.enumerated() {
            for id in set {
                items[Int(cursor[Int(id)])] = Int32(item)
                cursor[Int(id)] += 1
            }
        }
    }

    /// How many items contain the bigram (none for an id newer than the index: a bigram only the other side has).
    func frequency(_ id: Int32) -> Int {
        let row = Int(id)
        return row + 1 < offsets.count ? Int(offsets[row + 1] - offsets[row]) : 0
    }

    /// Calls `body` with every item containing the bigram, in item order.
    @inline(__always)
    func forEachItem(containing id: Int32, _ body: (Int) -> Void) {
        for position in Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1]) { body(Int(items[position])) }
    }
}

/// Finds likely partners for a query set through an inverted index, without scoring every item: only the
/// query's rarest bigrams (those in the fewest items, which carry most of the weight) are looked up, and
/// the best-scoring items by that partial sum are returned for exact scoring.
struct CandidateSearch {
    let index: InvertedIndex
    let weights: [Double]
    /// How many of the query's rarest bigrams are looked up.
    let keyLimit: Int
    /// How many items are returned.
    let candidateLimit: Int
    /// Bigrams found in more items than this are not looked up: they are boilerplate, weigh little, and looking
    /// them up would make every query cost in proportion to the document size.
    let postingLimit: Int
    private var accumulator: [Double]
    private var touched: [Int] = []

    init(
        index: InvertedIndex, itemCount: Int, weights: [Double], keyLimit: Int, candidateLimit: Int,
        postingLimit: Int = 256
    ) {
        self.index = index
        self.postingLimit = postingLimit
        self.weights = weights
        self.keyLimit = keyLimit
        self.candidateLimit = candidateLimit
        accumulator = [Double](repeating: 0, count: itemCount)
    }

    /// The items sharing the most weight with `query` among its rarest bigrams, best first (ties: lower item).
    mutating func candidates(for query: [Int32]) -> [Int] {
        // Packed as frequency << 32 | id so that sorting plain integers orders by rarity, then id.
        var keys: [UInt64] = []
        keys.reserveCapacity(query.count)
        for id in query {
            let frequency = index.frequency(id)
            if frequency > 0, frequency <= postingLimit {
                keys.append(UInt64(frequency) << 32 | UInt64(UInt32(bitPattern: id)))
            }
        }
        if keys.count > keyLimit {
            keys.sort()
            keys.removeLast(keys.count - keyLimit)
        }
        for key in keys {
            let id = Int32(bitPattern: UInt32(truncatingIfNeeded: key))
            let weight = weights[Int(id)]
            index.forEachItem(containing: id) { item in
                if accumulator[item] == 0 { touched.append(item) }
                accumulator[item] += weight
            }
        }
        // Keep the best `candidateLimit` in a small sorted buffer: no sort of everything touched.
        var best: [(item: Int, score: Double)] = []
        best.reserveCapacity(candidateLimit + 1)
        for item in touched {
            let score = accumulator[item]
            accumulator[item] = 0
            if best.count == candidateLimit, let last = best.last,
                score < last.score || (score == last.score && item > last.item)
            {
                continue
            }
            var position = best.count
            while position > 0,
                best[position - 1].score < score
                    || (best[position - 1].score == score && best[position - 1].item > item)
            { position -= 1 }
            best.insert((item, score), at: position)
            if best.count > candidateLimit { best.removeLast() }
        }
        touched.removeAll(keepingCapacity: true)
        return best.map(\.item)
    }
}
