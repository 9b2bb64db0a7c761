import DuizhaoCore
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Aligns a provincial implementation with its national document.
///
/// The method (explained in docs/COMPARISON.md): every provision (an article of a law, a clause of a 意见) and
/// sentence becomes a set of character bigrams, after folding mechanical localisation and stock legal phrases,
/// weighted by inverse document frequency over the provisions of both documents, so boilerplate shared by most
/// provisions weighs little. Provisions are matched by weighted cosine similarity of their bodies (titles add
/// a bounded bonus), found through an inverted index, with order as evidence between close candidates; a
/// citation of a national article links to it whatever the score; a national provision of which only a
/// sentence or two survives elsewhere is linked as `partial` from sentence-level evidence; each provincial
/// sentence is then traced to the national sentence(s) it derives from. Everything is deterministic.
public enum Comparator {
    /// The thresholds of the method; fixed, not tuned per document.
    public enum Thresholds {
        /// Minimum body cosine for a `match` link.
        public static let matchBody = 0.2
        /// A national clause that prefers a provincial clause is also linked when it reaches this share of
        /// that provincial clause's best score (many-to-one merges).
        public static let mergeShare = 0.5
        /// Weight of the title cosine in a clause score: score = body + titleBonus · title · (1 − body).
        public static let titleBonus = 0.2
        /// A provincial sentence counts as carried from a national sentence outside its matched clauses when
        /// that sentence covers at least this share of its weighted bigrams …
        public static let partialContainment = 0.5
        /// … at least this much more than any sentence of its matched clauses …
        public static let partialMargin = 0.2
        /// … and the shared bigrams weigh at least this much (about four distinctive bigrams).
        public static let partialSharedWeight = 10.0
        /// A partial link needs this much shared weight from all its provincial sentences together: one short
        /// sentence that shares a stock phrase (`结果应当当场公布`) is not enough, two or a long one are.
        public static let partialLinkWeight = 20.0
        /// Minimum share of a provincial sentence covered by its first national source.
        public static let sourceContainment = 0.3
        /// Minimum extra share a further source must cover.
        public static let additionalSourceGain = 0.2
        /// A national sentence without a provincial derivative is still `rewritten` when this share of it
        /// appears in one provincial sentence of a linked clause.
        public static let absorbedContainment = 0.5
        /// A national sentence mostly found inside a provincial sentence (`absorbedContainment`) is one of its
        /// sources when it covers at least this share of it.
        public static let absorbedMinimumGain = 0.1
        /// A national sentence sharing a verbatim phrase of at least this weight with a provincial sentence (about
        /// five distinctive bigrams) is one of its sources when it covers at least `absorbedMinimumGain` of it.
        public static let sharedRunWeight = 12.0
        /// Unweighted Jaccard similarity of bigram sets from which a rewrite counts as carried verbatim.
        public static let carriedJaccard = 0.9
        /// A sentence deferring to the national law as a whole (`…，按照《X法》的规定执行`) is linked to the national
        /// provision holding at least `partialContainment` of its topic when that provision holds this share more
        /// than any other: the topic is a few words, so a small but clear lead decides.
        public static let deferralMargin = 0.05
        /// A link this strong, each side's best, anchors the order of the documents.
        public static let anchorScore = 0.5
        /// How much being in order (between the anchors before and after) adds to a pair's rank.
        public static let orderBonus = 0.05
        /// Title similarity from which two headings count as matching (evidence shown with a link).
        public static let matchingHeading = 0.5
        /// Scores closer than this are ties, broken by position in the documents.
        public static let tie = 0.005
        /// Linked provisions with up to this many sentences in all are searched whole for a provincial sentence's
        /// sources; beyond it, through the sentence index (`sentencePool`).
        public static let exhaustiveSentences = 200
        /// A provincial provision left without a link after the other passes is linked to its best candidate when
        /// that candidate keeps the order of the documents (it lies in the gap between the backbone links around
        /// it) and reaches this body cosine: a rewritten or concretised provision shares little wording, and its
        /// place is the evidence that decides (the anchor-then-gap method of bitext aligners) …
        public static let gapBody = 0.08
        /// … and this share of the national provision's best score with any provincial provision (so a national
        /// provision implemented well elsewhere is not claimed by a weak look-alike); a candidate below it, in
        /// order and as close, is `related`: same place and subject, another norm.
        public static let gapNationalShare = 0.3
    }

    /// Compares two documents. `progress` receives values in 0…1 and may be called from the calling thread.
    /// The same as `prepare(national:).compare(with: provincial)`.
    public static func compare(
        national: PolicyDocument, provincial: PolicyDocument, corrections: [AlignmentCorrection] = [],
        progress: (@Sendable (Double) -> Void)? = nil
    ) -> Comparison {
        prepare(national: national).compare(with: provincial, corrections: corrections, progress: progress)
    }

    /// Reduces the national document once to what every comparison with it needs, for comparing it with many
    /// implementations (`duizhao matrix`); the result may be shared across threads.
    public static func prepare(national: PolicyDocument) -> PreparedNational {
        PreparedNational(national)
    }
}

/// The state of one comparison run.
struct ComparisonEngine {
    let national: PreparedSide
    let provincial: PreparedSide
    let vocabularySize: Int
    /// Inverse document frequency of each bigram over the units of both documents.
    let idf: [Double]
    let idfSquared: [Double]
    /// Total idf weight of each national sentence's bigrams.
    let nationalSentenceWeights: [Double]
    let progress: (@Sendable (Double) -> Void)?
    /// The national document's title, which provincial citations name.
    let nationalTitle: String
    /// Hand links and rejections, applied after the engine's own passes.
    let corrections: [AlignmentCorrection]

    /// Indices of the national side's units and sentences by bigram, built once with the prepared national side.
    let nationalUnitIndex: InvertedIndex
    let nationalSentenceIndex: InvertedIndex

    init(
        prepared: PreparedNational, provincial provincialDocument: PolicyDocument,
        corrections: [AlignmentCorrection] = [], progress: (@Sendable (Double) -> Void)?
    ) {
        nationalTitle = prepared.title
        self.corrections = corrections
        national = prepared.side
        nationalUnitIndex = prepared.unitIndex
        nationalSentenceIndex = prepared.sentenceIndex
        // The national bigrams keep the ids they were given first; the provincial side's new bigrams follow.
        var vocabulary = prepared.vocabulary
        provincial = PreparedSide(document: provincialDocument, vocabulary: &vocabulary)
        vocabularySize = vocabulary.count
        var frequency = prepared.unitFrequency
        frequency.append(contentsOf: repeatElement(0, count: vocabularySize - frequency.count))
        for set in provincial.unitBigrams { for id in set { frequency[Int(id)] += 1 } }
        let unitCount = Double(national.units.count + provincial.units.count)
        var idf = frequency.map { log((unitCount + 1) / (Double($0) + 0.5)) }
        for id in vocabulary.ids(startingIn: Boilerplate.markerRange) { idf[Int(id)] *= Boilerplate.weight }
        self.idf = idf
        idfSquared = idf.map { $0 * $0 }
        nationalSentenceWeights = national.sentenceBigrams.map { [idf] in SortedSet.totalWeight($0, weights: idf) }
        self.progress = progress
        progress?(0.1)
    }

    // MARK: Clause scores

    struct PairScore {
        var national: Int
        var provincial: Int
        var body: Double
        var title: Double
        var score: Double
        /// Whether the pair lies between the backbone links before and after it (see `rankedByOrder`).
        var inOrder = false

        /// What candidates are ranked by: the score, with the evidence of order added (`orderBonus`) when the pair
        /// is in order.
        var rank: Double { inOrder ? score + Comparator.Thresholds.orderBonus * (1 - score) : score }
    }

    func norm(_ set: [Int32]) -> Double { SortedSet.totalWeight(set, weights: idfSquared).squareRoot() }

    func cosine(_ a: [Int32], _ b: [Int32], normA: Double, normB: Double) -> Double {
        guard normA > 0, normB > 0 else { return 0 }
        return min(1, SortedSet.sharedWeight(a, b, weights: idfSquared).weight / (normA * normB))
    }

    /// Candidate clause pairs (from either side's inverted index) with their exact scores.
    func clausePairs() -> [PairScore] {
        let provincialIndex = InvertedIndex(sets: provincial.unitBigrams, vocabularySize: vocabularySize)
        var pairKeys: [Int] = []
        let provincialCount = provincial.units.count
        var searchNational = CandidateSearch(
            index: nationalUnitIndex, itemCount: national.units.count, weights: idfSquared, keyLimit: 32,
            candidateLimit: 8)
        for (p, set) in provincial.unitBigrams.enumerated() {
            for n in searchNational.candidates(for: set) { pairKeys.append(n * provincialCount + p) }
        }
        var searchProvincial = CandidateSearch(
            index: provincialIndex, itemCount: provincialCount, weights: idfSquared, keyLimit: 32, candidateLimit: 8)
        for (n, set) in national.unitBigrams.enumerated() {
            for p in searchProvincial.candidates(for: set) { pairKeys.append(n * provincialCount + p) }
        }
        pairKeys = Array(Set(pairKeys)).sorted()
        let nationalNorms = national.unitBigrams.map(norm)
        let provincialNorms = provincial.unitBigrams.map(norm)
        let nationalTitleNorms = national.titleBigrams.map(norm)
        let provincialTitleNorms = provincial.titleBigrams.map(norm)
        return pairKeys.map { key in
            let n = key / provincialCount
            let p = key % provincialCount
            let body = cosine(
                national.unitBigrams[n], provincial.unitBigrams[p],
                normA: nationalNorms[n], normB: provincialNorms[p])
            let title = cosine(
                national.titleBigrams[n], provincial.titleBigrams[p],
                normA: nationalTitleNorms[n], normB: provincialTitleNorms[p])
            let score = body + Comparator.Thresholds.titleBonus * title * (1 - body)
            return PairScore(national: n, provincial: p, body: body, title: title, score: score)
        }
    }

    /// Distance of two units' relative positions in their documents (0 = same place), for breaking ties.
    func positionalDistance(national n: Int, provincial p: Int) -> Double {
        let nationalPosition = Double(n) / Double(max(1, national.units.count - 1))
        let provincialPosition = Double(p) / Double(max(1, provincial.units.count - 1))
        return abs(nationalPosition - provincialPosition)
    }

    /// Whether `a` ranks above `b`: higher rank; near-equal ranks go to the pair closer in position.
    func ranksAbove(_ a: PairScore, _ b: PairScore) -> Bool {
        if abs(a.rank - b.rank) > Comparator.Thresholds.tie { return a.rank > b.rank }
        let distanceA = positionalDistance(national: a.national, provincial: a.provincial)
        let distanceB = positionalDistance(national: b.national, provincial: b.provincial)
        if distanceA != distanceB { return distanceA < distanceB }
        return (a.national, a.provincial) < (b.national, b.provincial)
    }

    /// Order as evidence: the strong links that are each other's best (score ≥ `anchorScore`) and keep the order of
    /// both documents (their longest increasing run) form a backbone; a candidate pair lying between the backbone
    /// links before and after it is in order and ranks `orderBonus` higher. Moved provisions are still found on
    /// their own score; order only decides between candidates that are close.
    func rankedByOrder(_ pairs: [PairScore]) -> [PairScore] {
        var bestForProvincial = [PairScore?](repeating: nil, count: provincial.units.count)
        var bestForNational = [PairScore?](repeating: nil, count: national.units.count)
        for pair in pairs {
            if bestForProvincial[pair.provincial].map({ pair.score > $0.score }) ?? true {
                bestForProvincial[pair.provincial] = pair
            }
            if bestForNational[pair.national].map({ pair.score > $0.score }) ?? true {
                bestForNational[pair.national] = pair
            }
        }
        let mutual = bestForProvincial.compactMap { $0 }.filter {
            bestForNational[$0.national]?.provincial == $0.provincial
        }
        var anchors = mutual.filter { $0.score >= Comparator.Thresholds.anchorScore }
        // A text rewritten throughout (a local notice implementing a ministry's in its own words) has no strong
        // link to anchor on: then the pairs that are each other's best and close enough to be linked at all
        // (`gapBody`) give the order.
        if anchors.isEmpty { anchors = mutual.filter { $0.body >= Comparator.Thresholds.gapBody } }
        let backbone = Self.longestIncreasingRun(anchors.map(\.national)).map { anchors[$0] }
        guard !backbone.isEmpty else { return pairs }
        // For each provincial unit, the national range its backbone neighbours allow.
        var lower = [Int](repeating: 0, count: provincial.units.count)
        var upper = [Int](repeating: national.units.count - 1, count: provincial.units.count)
        var cursor = 0
        for p in provincial.units.indices {
            while cursor < backbone.count, backbone[cursor].provincial < p { cursor += 1 }
            if cursor < backbone.count, backbone[cursor].provincial == p {
                // A backbone link itself: in order only with its own national unit.
                lower[p] = backbone[cursor].national
                upper[p] = backbone[cursor].national
            } else {
                if cursor > 0 { lower[p] = backbone[cursor - 1].national }
                if cursor < backbone.count { upper[p] = backbone[cursor].national }
            }
        }
        return pairs.map { pair in
            var ranked = pair
            if (lower[pair.provincial]...max(lower[pair.provincial], upper[pair.provincial])).contains(pair.national) {
                ranked.inOrder = true
            }
            return ranked
        }
    }

    /// Indices of a longest strictly increasing subsequence of `values` (patience sorting, O(n log n)).
    static func longestIncreasingRun(_ values: [Int]) -> [Int] {
        var tails: [Int] = []  // index into values of the smallest tail of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var run: [Int] = []
        var index = tails.last ?? -1
        while index >= 0 {
            run.append(index)
            index = previous[index]
        }
        return run.reversed()
    }

    /// Match links: a provincial clause matches its best national clause; a national clause whose best
    /// provincial clause is this one also matches it when it scores at least `mergeShare` of that clause's best.
    func matchLinks(_ pairs: [PairScore]) -> [PairScore] {
        var bestForProvincial = [PairScore?](repeating: nil, count: provincial.units.count)
        var bestForNational = [PairScore?](repeating: nil, count: national.units.count)
        for pair in pairs where pair.body >= Comparator.Thresholds.matchBody {
            if bestForProvincial[pair.provincial].map({ ranksAbove(pair, $0) }) ?? true {
                bestForProvincial[pair.provincial] = pair
            }
            if bestForNational[pair.national].map({ ranksAbove(pair, $0) }) ?? true {
                bestForNational[pair.national] = pair
            }
        }
        var links: [PairScore] = []
        for pair in pairs where pair.body >= Comparator.Thresholds.matchBody {
            guard let provincialBest = bestForProvincial[pair.provincial] else { continue }
            let isProvincialBest = provincialBest.national == pair.national
            let isNationalBest = bestForNational[pair.national]?.provincial == pair.provincial
            if isProvincialBest
                || (isNationalBest && pair.score >= Comparator.Thresholds.mergeShare * provincialBest.score)
            {
                links.append(pair)
            }
        }
        return links
    }

    /// Links for the provincial provisions the other passes left alone: each one's best-ranked candidate, when it
    /// keeps the order of the documents and is close enough (`gapBody`); it implements the national provision when
    /// it also reaches `gapNationalShare` of that provision's best score, else it is only related. A province that
    /// rewrites or concretises a provision keeps it in its place; a provision it added has no counterpart there.
    func gapLinks(_ ranked: [PairScore], linked: [Int: (kind: LinkKind, score: Double)]) -> [(
        pair: PairScore, implements: Bool
    )] {
        let provincialCount = provincial.units.count
        var isLinked = [Bool](repeating: false, count: provincialCount)
        for key in linked.keys { isLinked[key % provincialCount] = true }
        var bestForNational = [Double](repeating: 0, count: national.units.count)
        var bestForProvincial = [PairScore?](repeating: nil, count: provincialCount)
        for pair in ranked {
            bestForNational[pair.national] = max(bestForNational[pair.national], pair.score)
            guard !isLinked[pair.provincial] else { continue }
            if bestForProvincial[pair.provincial].map({ ranksAbove(pair, $0) }) ?? true {
                bestForProvincial[pair.provincial] = pair
            }
        }
        return bestForProvincial.compactMap { $0 }.filter { $0.inOrder && $0.body >= Comparator.Thresholds.gapBody }
            .map { ($0, $0.score >= Comparator.Thresholds.gapNationalShare * bestForNational[$0.national]) }
    }

    /// Applies the corrections to the links found (by pair key `national × provincialCount + provincial`): a
    /// rejection removes any link of the pair, a hand link sets its kind whatever the engine found. Corrections
    /// naming a provision the documents do not have are ignored (the store reports them). Returns the keys of
    /// hand links.
    func applyCorrections(
        to links: inout [Int: (kind: LinkKind, score: Double)], related: inout [Int: Double],
        score: (Int) -> Double
    ) -> Set<Int> {
        guard !corrections.isEmpty else { return [] }
        let nationalIndex = Dictionary(
            national.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let provincialIndex = Dictionary(
            provincial.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var hand: Set<Int> = []
        for correction in corrections {
            guard let n = nationalIndex[correction.national], let p = provincialIndex[correction.provincial] else {
                continue
            }
            let key = n * provincial.units.count + p
            links[key] = nil
            related[key] = nil
            hand.remove(key)
            guard let kind = correction.kind else { continue }
            if kind == .related {
                related[key] = score(key)
            } else {
                links[key] = (kind, score(key))
            }
            hand.insert(key)
        }
        return hand
    }

    /// Pairs of a national provision that delegates making the implementing regulation (`制定实施办法`, `实施细则`,
    /// `实施条例`) and a provincial provision that enacts it (`制定本办法`, `本条例`, `本规定`, `本细则`), keyed as in
    /// `linkScores`, with the two phrases as written.
    func delegationLinks() -> [(key: Int, written: String)] {
        func phrase(in side: PreparedSide, unit: Int, patterns: [String]) -> String? {
            for s in side.unitSentences[unit] {
                let text = side.sentenceTexts[s]
                if let found = patterns.first(where: { text.contains($0) }) { return found }
            }
            return nil
        }
        let delegating = national.units.indices.compactMap { n in
            phrase(in: national, unit: n, patterns: ["制定实施办法", "制定实施细则", "制定实施条例"]).map { (n, $0) }
        }
        guard !delegating.isEmpty else { return [] }
        var result: [(key: Int, written: String)] = []
        for p in provincial.units.indices {
            guard
                let enacting = phrase(
                    in: provincial, unit: p, patterns: ["制定本办法", "制定本条例", "制定本规定", "制定本细则", "制定本实施办法"])
            else { continue }
            for (n, delegated) in delegating {
                result.append((n * provincial.units.count + p, "\(delegated) ↔ \(enacting)"))
            }
        }
        return result
    }

    // MARK: Citations

    /// Links the provincial text's citations support, with the citations as written: a citation of a national
    /// article (`《…法》第十条`) links to that article; a sentence that defers to the national law as a whole
    /// (`村民会议的组成和召集，按照《…法》的规定执行`) links to the national provision that contains most of what
    /// the sentence is about (the words before `按照`), unless it defers to another document at the same time.
    /// Citations of other documents, and the provincial text's citations of itself, are no links.
    func citationSupport() -> [Int: [String]] {
        var nationalByArticle: [Int: Int] = [:]
        for (n, article) in national.articleNumbers.enumerated() {
            if let article, nationalByArticle[article] == nil { nationalByArticle[article] = n }
        }
        let provincialCount = provincial.units.count
        var support: [Int: [String]] = [:]
        for s in provincial.sentenceCitations.keys.sorted() {
            let p = provincial.sentenceUnit[s]
            for citation in provincial.sentenceCitations[s]! where citation.names(documentTitled: nationalTitle) {
                if let article = citation.article {
                    if let n = nationalByArticle[article] {
                        support[n * provincialCount + p, default: []].append(citation.text)
                    }
                } else if citation.paragraph == nil, let introducer = citation.introducer,
                    CitationParser.deferringIntroducers.contains(introducer),
                    // Deferring to the national law and another text at once (《X法》和《某省选举办法》)
                    // leaves the rules to the other text: no link.
                    provincial.sentenceCitations[s]!.allSatisfy({ other in
                        if case .named = other.scope { return other.names(documentTitled: nationalTitle) }
                        return true
                    }),
                    let topic = provincial.deferralTopics[s], let n = bestContainer(of: topic)
                {
                    support[n * provincialCount + p, default: []].append(citation.text)
                }
            }
        }
        return support.mapValues { Array(Set($0)).sorted() }
    }

    /// Cross-references that correspond: national provision `n` cites one of its own articles (`本法第二十三条`)
    /// and provincial provision `p` cites one of its own (`本办法第十四条`) that is linked with it; as written,
    /// `本法第二十三条、第二十四条 ↔ 本办法第十四条、第十五条`.
    func corresponding(national n: Int, provincial p: Int, linked: [Int: (kind: LinkKind, score: Double)]) -> [String] {
        let nationalCited = national.selfCitations(ofUnit: n)
        let provincialCited = provincial.selfCitations(ofUnit: p)
        guard !nationalCited.isEmpty, !provincialCited.isEmpty else { return [] }
        var result: [String] = []
        for (a, nationalText) in nationalCited {
            for (b, provincialText) in provincialCited where linked[a * provincial.units.count + b] != nil {
                let written = "\(nationalText) ↔ \(provincialText)"
                if !result.contains(written) { result.append(written) }
            }
        }
        return result
    }

    /// The national unit that contains most of `bigrams` (at least `partialContainment` of their weight), clearly
    /// ahead of any other (by `deferralMargin` of their weight).
    func bestContainer(of bigrams: [Int32]) -> Int? {
        let weight = SortedSet.totalWeight(bigrams, weights: idf)
        guard weight > 0 else { return nil }
        var best: (unit: Int, shared: Double)?
        var second = 0.0
        for (n, unitBigrams) in national.unitBigrams.enumerated() {
            let shared = SortedSet.sharedWeight(bigrams, unitBigrams, weights: idf).weight
            if best.map({ shared > $0.shared + 1e-12 }) ?? true {
                second = best?.shared ?? 0
                best = (n, shared)
            } else {
                second = max(second, shared)
            }
        }
        guard let best, best.shared / weight >= Comparator.Thresholds.partialContainment,
            (best.shared - second) / weight >= Comparator.Thresholds.deferralMargin
        else { return nil }
        return best.unit
    }

    // MARK: Sentences

    /// Weighted share of `sentence` found in `other`, and the shared weight.
    func containment(of sentence: [Int32], weight: Double, in other: [Int32]) -> (share: Double, shared: Double) {
        guard weight > 0 else { return (0, 0) }
        let shared = SortedSet.sharedWeight(sentence, other, weights: idf).weight
        return (shared / weight, shared)
    }

    /// Partial links: provincial sentences whose best national sentence lies in a clause the provincial clause
    /// is not matched with, clearly better than anything in its matched clauses; a pair of clauses is linked
    /// when such sentences share `partialLinkWeight` with it in all.
    func partialEvidence(matchedNational: [[Int]]) -> Set<Int> {
        var weights: [Int: Double] = [:]
        let provincialCount = provincial.units.count
        var search = CandidateSearch(
            index: nationalSentenceIndex, itemCount: national.sentenceBigrams.count, weights: idf, keyLimit: 16,
            candidateLimit: 4)
        let total = provincial.sentenceBigrams.count
        for (s, bigrams) in provincial.sentenceBigrams.enumerated() {
            if total > 20, s % (total / 10) == 0 { progress?(0.4 + 0.3 * Double(s) / Double(total)) }
            let weight = SortedSet.totalWeight(bigrams, weights: idf)
            guard weight >= Comparator.Thresholds.partialSharedWeight else { continue }
            var best: (sentence: Int, share: Double, shared: Double)?
            for candidate in search.candidates(for: bigrams) {
                let (share, shared) = containmentWithNeighbours(
                    of: bigrams, weight: weight, nationalSentence: candidate)
                if best.map({ share > $0.share + 1e-12 }) ?? true { best = (candidate, share, shared) }
            }
            guard let best, best.share >= Comparator.Thresholds.partialContainment,
                best.shared >= Comparator.Thresholds.partialSharedWeight
            else { continue }
            let p = provincial.sentenceUnit[s]
            let sourceUnit = national.sentenceUnit[best.sentence]
            let matched = matchedNational[p]
            if matched.contains(sourceUnit) { continue }
            var inside = 0.0
            for unit in matched {
                for t in national.unitSentences[unit] {
                    inside = max(
                        inside, containmentWithNeighbours(of: bigrams, weight: weight, nationalSentence: t).share)
                }
            }
            if best.share >= inside + Comparator.Thresholds.partialMargin {
                weights[sourceUnit * provincialCount + p, default: 0] += best.shared
            }
        }
        return Set(weights.filter { $0.value >= Comparator.Thresholds.partialLinkWeight }.keys)
    }

    /// Containment of a provincial sentence in a national sentence, or in it joined with the sentence before or
    /// after it in the same clause when that covers more (a provincial sentence often fuses two national ones,
    /// and a hard-wrapped source may have been cut in two).
    func containmentWithNeighbours(of sentence: [Int32], weight: Double, nationalSentence t: Int) -> (
        share: Double, shared: Double
    ) {
        var best = containment(of: sentence, weight: weight, in: national.sentenceBigrams[t])
        let range = national.unitSentences[national.sentenceUnit[t]]
        for neighbour in [t - 1, t + 1] where range.contains(neighbour) {
            let shared = SortedSet.sharedWeight(
                sentence, union: national.sentenceBigrams[t], national.sentenceBigrams[neighbour],
                weights: idf)
            if shared / weight > best.share { best = (shared / weight, shared) }
        }
        return best
    }

    /// The national sentences of `units` that may be sources of a provincial sentence with `bigrams`: all of them
    /// in provisions of ordinary length; in a very long one (thousands of sentences in one section), only those that
    /// share a bigram with it that is not boilerplate (in at most 256 sentences), found through the sentence index,
    /// so that tracing sentences stays linear in the size of the text.
    func sentencePool(for bigrams: [Int32], in units: [Int]) -> [Int] {
        let count = units.reduce(0) { $0 + national.unitSentences[$1].count }
        guard count > Comparator.Thresholds.exhaustiveSentences else {
            return units.flatMap { Array(national.unitSentences[$0]) }
        }
        let unitSet = Set(units)
        var pool = Set<Int>()
        for id in bigrams {
            let frequency = nationalSentenceIndex.frequency(id)
            guard frequency > 0, frequency <= 256 else { continue }
            nationalSentenceIndex.forEachItem(containing: id) { t in
                if unitSet.contains(national.sentenceUnit[t]) { pool.insert(t) }
            }
        }
        return pool.sorted()
    }

    /// For one provincial sentence, its sources among the sentences of `nationalUnits`: greedy cover of its
    /// weighted bigrams, returned in document order. A national sentence qualifies when it covers enough of the
    /// provincial sentence, or when most of it is found inside the provincial sentence (an expanded rewrite).
    func sources(ofProvincialSentence s: Int, nationalUnits: [Int]) -> (sources: [Int], score: Double) {
        let bigrams = provincial.sentenceBigrams[s]
        let weight = SortedSet.totalWeight(bigrams, weights: idf)
        guard weight > 0 else { return ([], 0) }
        // Each candidate once: what it shares with the whole sentence, and whether it is an expanded or
        // verbatim source (these do not change as the cover grows).
        var candidates: [(sentence: Int, strongEvidence: Bool)] = []
        for t in sentencePool(for: bigrams, in: nationalUnits) {
            let shared = SortedSet.sharedWeight(bigrams, national.sentenceBigrams[t], weights: idf).weight
            guard shared / weight >= Comparator.Thresholds.absorbedMinimumGain else { continue }
            let sourceWeight = nationalSentenceWeights[t]
            let absorbed =
                sourceWeight > 0 && shared > 0
                && containment(of: national.sentenceBigrams[t], weight: sourceWeight, in: bigrams).share
                    >= Comparator.Thresholds.absorbedContainment
            let strong =
                absorbed
                || longestSharedRun(provincial.sentenceSequences[s], national.sentenceBigrams[t])
                    >= Comparator.Thresholds.sharedRunWeight
            candidates.append((t, strong))
        }
        var remaining = bigrams
        var remainingWeight = weight
        var chosen: [Int] = []
        var covered = 0.0
        while chosen.count < 4, remainingWeight / weight >= Comparator.Thresholds.absorbedMinimumGain {
            var best: (sentence: Int, gain: Double)?
            for candidate in candidates where !chosen.contains(candidate.sentence) {
                let gain = SortedSet.sharedWeight(remaining, national.sentenceBigrams[candidate.sentence], weights: idf)
                    .weight
                let threshold =
                    chosen.isEmpty
                    ? Comparator.Thresholds.sourceContainment
                    : Comparator.Thresholds.additionalSourceGain
                let qualifies =
                    gain / weight >= threshold
                    || (candidate.strongEvidence && gain / weight >= Comparator.Thresholds.absorbedMinimumGain)
                guard qualifies else { continue }
                if best.map({ gain > $0.gain + 1e-12 }) ?? true { best = (candidate.sentence, gain) }
            }
            guard let best else { break }
            chosen.append(best.sentence)
            covered += best.gain
            remainingWeight -= best.gain
            let source = national.sentenceBigrams[best.sentence]
            remaining = remaining.filter { id in !binaryContains(source, id) }
        }
        // In document order: a merge of two national sentences reads (and diffs) best in their original order.
        return (chosen.sorted(), min(1, covered / weight))
    }

    /// The weight of the heaviest stretch of consecutive bigrams of `sequence` that all occur in `set`: a
    /// phrase copied verbatim (approximately: the bigrams need not be consecutive in the other text).
    func longestSharedRun(_ sequence: [Int32], _ set: [Int32]) -> Double {
        var best = 0.0
        var current = 0.0
        for id in sequence {
            if id >= 0, binaryContains(set, id) {
                current += idf[Int(id)]
                best = max(best, current)
            } else {
                current = 0
            }
        }
        return best
    }

    func binaryContains(_ set: [Int32], _ id: Int32) -> Bool {
        var low = 0
        var high = set.count
        while low < high {
            let middle = (low + high) / 2
            if set[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < set.count && set[low] == id
    }

    func unweightedJaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        let shared = SortedSet.sharedWeight(a, b, weights: idf).count
        let union = a.count + b.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    // MARK: Run

    mutating func run() -> Comparison {
        let pairs = clausePairs()
        progress?(0.3)
        let provincialCount = provincial.units.count
        var linkScores: [Int: (kind: LinkKind, score: Double)] = [:]
        var matchedNational = [[Int]](repeating: [], count: provincialCount)
        // A national provision split over several provincial ones: the best-scoring piece implements it, the
        // others take part of it.
        var bestMatchOfNational: [Int: PairScore] = [:]
        let ranked = rankedByOrder(pairs)
        let matches = matchLinks(ranked)
        for pair in matches where bestMatchOfNational[pair.national].map({ ranksAbove(pair, $0) }) ?? true {
            bestMatchOfNational[pair.national] = pair
        }
        for pair in matches {
            let isBest = bestMatchOfNational[pair.national]?.provincial == pair.provincial
            linkScores[pair.national * provincialCount + pair.provincial] = (isBest ? .match : .partial, pair.score)
            matchedNational[pair.provincial].append(pair.national)
        }
        let scoreByKey = Dictionary(
            pairs.map { ($0.national * provincialCount + $0.provincial, $0.score) },
            uniquingKeysWith: { first, _ in first })
        /// The score of a pair that may not have been a candidate (found through sentences or citations).
        func pairScore(_ key: Int) -> Double {
            let n = key / provincialCount
            let p = key % provincialCount
            return scoreByKey[key]
                ?? cosine(
                    national.unitBigrams[n], provincial.unitBigrams[p],
                    normA: norm(national.unitBigrams[n]), normB: norm(provincial.unitBigrams[p]))
        }
        let titleByKey = Dictionary(
            pairs.map { ($0.national * provincialCount + $0.provincial, $0.title) },
            uniquingKeysWith: { first, _ in first })
        for key in partialEvidence(matchedNational: matchedNational).sorted() where linkScores[key] == nil {
            linkScores[key] = (.partial, pairScore(key))
        }
        // A citation says the provincial provision implements the national one: a match whatever the score.
        let citations = citationSupport()
        for key in citations.keys.sorted() where linkScores[key]?.kind != .match {
            linkScores[key] = (.match, linkScores[key]?.score ?? pairScore(key))
        }
        var relatedScores: [Int: Double] = [:]
        for (pair, implements) in gapLinks(ranked, linked: linkScores) {
            let national = pair.national
            guard implements else {
                relatedScores[national * provincialCount + pair.provincial] = pair.score
                continue
            }
            let hasMatch = (0..<provincialCount).contains {
                linkScores[national * provincialCount + $0]?.kind == .match
            }
            linkScores[national * provincialCount + pair.provincial] = (hasMatch ? .partial : .match, pair.score)
        }
        // After the gap pass (an enactment clause is also the purpose clause the gap pass pairs with the
        // national one): the national delegation clause (省、自治区、直辖市的人民代表大会常务委员会…制定实施办法) is what the local
        // enactment clause (…，制定本办法) rests on: a partial link, with both phrases as its evidence.
        var delegation: [Int: String] = [:]
        for (key, written) in delegationLinks() where linkScores[key] == nil {
            linkScores[key] = (.partial, pairScore(key))
            relatedScores[key] = nil  // one link a pair: the delegation is the stronger reading
            delegation[key] = written
        }
        let handKeys = applyCorrections(to: &linkScores, related: &relatedScores, score: pairScore)
        progress?(0.7)

        var linkedNational = [[Int]](repeating: [], count: provincialCount)
        var linkedProvincial = [[Int]](repeating: [], count: national.units.count)
        for key in linkScores.keys.sorted() {
            linkedNational[key % provincialCount].append(key / provincialCount)
            linkedProvincial[key / provincialCount].append(key % provincialCount)
        }

        // Provenance of every provincial sentence.
        var provenance: [SentenceProvenance] = []
        var sourcesOfNational = [[Int]](repeating: [], count: national.sentenceRefs.count)
        /// The national units each provincial sentence draws on.
        var sourceUnits = [[Int]](repeating: [], count: provincial.sentenceRefs.count)
        provenance.reserveCapacity(provincial.sentenceRefs.count)
        for s in provincial.sentenceRefs.indices {
            let (sources, score) = sources(
                ofProvincialSentence: s, nationalUnits: linkedNational[provincial.sentenceUnit[s]])
            for t in sources {
                sourcesOfNational[t].append(s)
                if !sourceUnits[s].contains(national.sentenceUnit[t]) {
                    sourceUnits[s].append(national.sentenceUnit[t])
                }
            }
            provenance.append(
                SentenceProvenance(
                    provincial: provincial.sentenceRefs[s], sources: sources.map { national.sentenceRefs[$0] },
                    score: sources.isEmpty ? 0 : score))
        }
        progress?(0.85)

        // Fate of every national sentence.
        var fates: [SentenceRef: SentenceFate] = [:]
        var nationalCoverage: [NationalCoverage] = []
        for (n, unit) in national.units.enumerated() {
            var carriedCount = 0
            let sentences = national.unitSentences[n]
            for t in sentences {
                let fate = fate(
                    ofNationalSentence: t, derivatives: sourcesOfNational[t],
                    linkedProvincial: linkedProvincial[n])
                fates[national.sentenceRefs[t]] = fate
                if fate != .dropped { carriedCount += 1 }
            }
            let kinds = linkedProvincial[n].compactMap { linkScores[n * provincialCount + $0]?.kind }
            let status: CoverageStatus = kinds.contains(.match) ? .implemented : kinds.isEmpty ? .dropped : .partial
            nationalCoverage.append(
                NationalCoverage(
                    id: unit.id, status: status,
                    carriedShare: sentences.isEmpty ? 0 : Double(carriedCount) / Double(sentences.count)))
        }
        var provincialCoverage: [ProvincialCoverage] = []
        for (p, unit) in provincial.units.enumerated() {
            let sentences = provincial.unitSentences[p]
            let newCount = sentences.filter { provenance[$0].sources.isEmpty }.count
            provincialCoverage.append(
                ProvincialCoverage(
                    id: unit.id, newShare: sentences.isEmpty ? 1 : Double(newCount) / Double(sentences.count)))
        }

        var links: [ClauseLink] = []
        for n in national.units.indices {
            let ordered = linkedProvincial[n].sorted { a, b in
                let scoreA = linkScores[n * provincialCount + a]!.score
                let scoreB = linkScores[n * provincialCount + b]!.score
                return scoreA != scoreB ? scoreA > scoreB : a < b
            }
            for p in ordered {
                let key = n * provincialCount + p
                let link = linkScores[key]!
                let shared = provincial.unitSentences[p].filter { sourceUnits[$0].contains(n) }.count
                let evidence = LinkEvidence(
                    sharedSentences: shared,
                    citations: (citations[key] ?? []) + (delegation[key].map { [$0] } ?? [])
                        + corresponding(national: n, provincial: p, linked: linkScores),
                    matchingHeading: (titleByKey[key] ?? 0) >= Comparator.Thresholds.matchingHeading)
                links.append(
                    ClauseLink(
                        national: national.units[n].id, provincial: provincial.units[p].id,
                        kind: link.kind, score: (link.score * 1000).rounded() / 1000,
                        evidence: evidence, source: handKeys.contains(key) ? .hand : .auto))
            }
        }
        // Related pairs: shown side by side, carrying nothing (no provenance, coverage or only-list change).
        for key in relatedScores.keys.sorted() {
            let n = key / provincialCount
            let p = key % provincialCount
            links.append(
                ClauseLink(
                    national: national.units[n].id, provincial: provincial.units[p].id, kind: .related,
                    score: (relatedScores[key]! * 1000).rounded() / 1000,
                    evidence: LinkEvidence(
                        sharedSentences: 0, citations: [],
                        matchingHeading: (titleByKey[key] ?? 0) >= Comparator.Thresholds.matchingHeading),
                    source: handKeys.contains(key) ? .hand : .auto))
        }
        progress?(1)
        return Comparison(
            links: links,
            nationalOnly: national.units.indices.filter { linkedProvincial[$0].isEmpty }.map { national.units[$0].id },
            provincialOnly: provincial.units.indices.filter { linkedNational[$0].isEmpty }.map {
                provincial.units[$0].id
            },
            provenance: provenance, nationalFates: fates,
            nationalCoverage: nationalCoverage, provincialCoverage: provincialCoverage)
    }

    /// Carried (a derivative is nearly verbatim), rewritten (it has a derivative, or most of it appears in one
    /// provincial sentence of a linked clause), or dropped.
    func fate(ofNationalSentence t: Int, derivatives: [Int], linkedProvincial: [Int]) -> SentenceFate {
        let bigrams = national.sentenceBigrams[t]
        if !derivatives.isEmpty {
            // Texts with the same characters (punctuation aside) have the same bigrams, so Jaccard 1 covers them.
            for s in derivatives
            where unweightedJaccard(bigrams, provincial.sentenceBigrams[s]) >= Comparator.Thresholds.carriedJaccard {
                return .carried
            }
            return .rewritten
        }
        let weight = SortedSet.totalWeight(bigrams, weights: idf)
        for p in linkedProvincial {
            for s in provincial.unitSentences[p]
            where containment(of: bigrams, weight: weight, in: provincial.sentenceBigrams[s]).share
                >= Comparator.Thresholds.absorbedContainment
            {
                return .rewritten
            }
        }
        return .dropped
    }
}
