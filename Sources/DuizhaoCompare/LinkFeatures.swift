import DuizhaoCore

/// The evidence the engine weighs for one candidate pair of provisions, as numbers: what the link model
/// (`LinkModel`) combines, and what `duizhao-bench features` prints so that the model's weights can be fitted to the
/// hand-made truth (`Scripts/fit-link-model.py`).
public struct LinkFeatures: Sendable, Equatable, Codable {
    public var national: String
    public var provincial: String
    /// idf²-weighted cosine of the two bodies.
    public var body: Double
    /// Cosine of the two headings.
    public var title: Double
    /// The pair's score relative to the best score of the provincial provision's candidates (1 = its best).
    public var provincialShare: Double
    /// The same for the national provision.
    public var nationalShare: Double
    /// Whether the pair keeps the order of the documents (it lies between the backbone links around it).
    public var inOrder: Bool
    /// Weighted share of the smaller provision found in the larger one (idf, not idf²: rare words count).
    public var containment: Double
    /// The largest share of one provincial sentence found in one national sentence of the pair (with a
    /// neighbour joined), and the weight those sentences share.
    public var sentenceShare: Double
    public var sentenceWeight: Double
    /// The largest share of one national sentence found in the provincial provision.
    public var nationalSentenceShare: Double
    /// Whether a citation in the provincial provision names the national one.
    public var cited: Bool
    /// Similarity of the headings of the divisions the two provisions stand in (their chapters and sections:
    /// 第三章 教师), bigram Jaccard; 0 when either stands at the top.
    public var chapter: Double
    /// Distance of the two positions in their documents, 0…1.
    public var distance: Double
    /// Share of the provincial provision's sentence weight whose best national sentence (in the whole national
    /// text) lies in this national provision.
    public var votes: Double
    /// Share of the national provision's sentence weight whose best provincial sentence lies in this provision.
    public var nationalVotes: Double
}

extension ComparisonEngine {
    /// The features of every candidate pair (the pairs the clause search proposes).
    func linkFeatures(nationalDocument: PolicyDocument, provincialDocument: PolicyDocument) -> [LinkFeatures] {
        let pairs = rankedByOrder(clausePairs())
        let provincialCount = provincial.units.count
        var bestForProvincial = [Double](repeating: 0, count: provincialCount)
        var bestForNational = [Double](repeating: 0, count: national.units.count)
        for pair in pairs {
            bestForProvincial[pair.provincial] = max(bestForProvincial[pair.provincial], pair.score)
            bestForNational[pair.national] = max(bestForNational[pair.national], pair.score)
        }
        let citations = citationSupport()
        let provincialVotes = sentenceVotes(from: provincial, to: national, index: nationalSentenceIndex)
        let provincialSentenceIndex = InvertedIndex(
            sets: provincial.sentenceBigrams, vocabularySize: vocabularySize)
        let nationalVotes = sentenceVotes(from: national, to: provincial, index: provincialSentenceIndex)
        // Only the features need the chapters: read here, not in every comparison.
        var chapterVocabulary = BigramVocabulary()
        let nationalChapters = Self.chapterHeadings(of: national.units, in: nationalDocument).map {
            chapterVocabulary.bigramSet(of: $0)
        }
        let provincialChapters = Self.chapterHeadings(of: provincial.units, in: provincialDocument).map {
            chapterVocabulary.bigramSet(of: $0)
        }
        return pairs.map { pair in
            let n = pair.national
            let p = pair.provincial
            let evidence = sentenceEvidence(national: n, provincial: p)
            return LinkFeatures(
                national: national.units[n].id, provincial: provincial.units[p].id, body: pair.body,
                title: pair.title,
                provincialShare: bestForProvincial[p] > 0 ? pair.score / bestForProvincial[p] : 0,
                nationalShare: bestForNational[n] > 0 ? pair.score / bestForNational[n] : 0,
                inOrder: pair.inOrder, containment: unitContainment(national: n, provincial: p),
                sentenceShare: evidence.share, sentenceWeight: evidence.weight,
                nationalSentenceShare: nationalSentenceShare(national: n, provincial: p),
                cited: citations[n * provincialCount + p] != nil,
                chapter: Self.jaccard(nationalChapters[n], provincialChapters[p]),
                distance: positionalDistance(national: n, provincial: p),
                votes: provincialVotes[p][n, default: 0], nationalVotes: nationalVotes[n][p, default: 0])
        }
    }

    /// For each unit of `side`, the share of its sentence weight whose best sentence on `other` lies in each of the
    /// other side's units.
    func sentenceVotes(from side: PreparedSide, to other: PreparedSide, index: InvertedIndex) -> [[Int: Double]] {
        var votes = [[Int: Double]](repeating: [:], count: side.units.count)
        var totals = [Double](repeating: 0, count: side.units.count)
        var search = CandidateSearch(
            index: index, itemCount: other.sentenceBigrams.count, weights: idf, keyLimit: 16, candidateLimit: 4)
        for (s, bigrams) in side.sentenceBigrams.enumerated() {
            let weight = SortedSet.totalWeight(bigrams, weights: idf)
            guard weight > 0 else { continue }
            totals[side.sentenceUnit[s]] += weight
            var best: (sentence: Int, share: Double)?
            for candidate in search.candidates(for: bigrams) {
                let share =
                    SortedSet.sharedWeight(bigrams, other.sentenceBigrams[candidate], weights: idf).weight / weight
                if best.map({ share > $0.share + 1e-12 }) ?? true { best = (candidate, share) }
            }
            if let best, best.share >= 0.2 {
                votes[side.sentenceUnit[s]][other.sentenceUnit[best.sentence], default: 0] += weight
            }
        }
        for unit in votes.indices where totals[unit] > 0 {
            votes[unit] = votes[unit].mapValues { $0 / totals[unit] }
        }
        return votes
    }

    /// The headings of the divisions each unit stands in, joined (第三章 教师，第一节 …); empty at the top.
    static func chapterHeadings(of units: [Division], in document: PolicyDocument) -> [String] {
        var headings: [String: String] = [:]
        func collect(_ division: Division, above: String) {
            headings[division.id] = above
            let inner = division.title.isEmpty ? above : above + "，" + division.title
            for child in division.children { collect(child, above: inner) }
        }
        for division in document.divisions { collect(division, above: "") }
        return units.map { headings[$0.id] ?? "" }
    }

    /// Unweighted Jaccard similarity of two bigram sets; 0 when either is empty.
    static func jaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let shared = Double(Set(a).intersection(b).count)
        return shared / (Double(a.count + b.count) - shared)
    }

    /// Weighted share of the smaller of two provisions found in the larger.
    func unitContainment(national n: Int, provincial p: Int) -> Double {
        let a = national.unitBigrams[n]
        let b = provincial.unitBigrams[p]
        let shared = SortedSet.sharedWeight(a, b, weights: idf).weight
        let smaller = min(SortedSet.totalWeight(a, weights: idf), SortedSet.totalWeight(b, weights: idf))
        return smaller > 0 ? shared / smaller : 0
    }

    /// The provincial sentence of `p` best contained in one national sentence of `n`: its share and shared weight.
    func sentenceEvidence(national n: Int, provincial p: Int) -> (share: Double, weight: Double) {
        var best: (share: Double, weight: Double) = (0, 0)
        for s in provincial.unitSentences[p] {
            let bigrams = provincial.sentenceBigrams[s]
            let weight = SortedSet.totalWeight(bigrams, weights: idf)
            guard weight > 0 else { continue }
            for t in national.unitSentences[n] {
                let found = containmentWithNeighbours(of: bigrams, weight: weight, nationalSentence: t)
                if found.share > best.share { best = (found.share, found.shared) }
            }
        }
        return best
    }

    /// The largest share of one national sentence of `n` found in provision `p`.
    func nationalSentenceShare(national n: Int, provincial p: Int) -> Double {
        var best = 0.0
        for t in national.unitSentences[n] {
            let weight = nationalSentenceWeights[t]
            guard weight > 0 else { continue }
            best = max(
                best, containment(of: national.sentenceBigrams[t], weight: weight, in: provincial.unitBigrams[p]).share)
        }
        return best
    }
}

extension Comparator {
    /// The features of every candidate pair of provisions between `national` and `provincial`.
    public static func linkFeatures(national: PolicyDocument, provincial: PolicyDocument) -> [LinkFeatures] {
        ComparisonEngine(prepared: prepare(national: national), provincial: provincial, progress: nil).linkFeatures(
            nationalDocument: national, provincialDocument: provincial)
    }
}
