import DuizhaoCore

/// A national document reduced once to what every comparison with it needs: its units and sentences as bigram sets
/// (folded, with their citations and deferral topics), the bigram ids they were given, how many units hold each
/// bigram, and inverted indices of its units and sentences. What depends on the other document too (the idf
/// weights over both sides, norms, the provincial side itself) is computed per comparison, so
/// `compare(with:)` gives exactly what `Comparator.compare(national:provincial:)` gives. Immutable and `Sendable`:
/// the matrix's workers share one.
public struct PreparedNational: Sendable {
    /// The national document's title, which provincial citations name.
    public let title: String
    let side: PreparedSide
    /// The vocabulary after the national side: its bigrams have the ids `side` uses, whatever comes after.
    let vocabulary: BigramVocabulary
    /// For each bigram id of `vocabulary`, the number of national units containing it.
    let unitFrequency: [Int32]
    let unitIndex: InvertedIndex
    let sentenceIndex: InvertedIndex

    init(_ document: PolicyDocument) {
        title = document.title
        var vocabulary = BigramVocabulary()
        side = PreparedSide(document: document, vocabulary: &vocabulary)
        self.vocabulary = vocabulary
        unitIndex = InvertedIndex(sets: side.unitBigrams, vocabularySize: vocabulary.count)
        sentenceIndex = InvertedIndex(sets: side.sentenceBigrams, vocabularySize: vocabulary.count)
        unitFrequency = (0..<vocabulary.count).map { [unitIndex] in Int32(unitIndex.frequency(Int32($0))) }
    }

    /// Compares the prepared national document with `provincial`. `progress` receives values in 0…1 and may be
    /// called from the calling thread.
    /// `corrections`: hand links and rejections (`AlignmentCorrection`), applied before sentences are traced.
    public func compare(
        with provincial: PolicyDocument, corrections: [AlignmentCorrection] = [],
        progress: (@Sendable (Double) -> Void)? = nil
    ) -> Comparison {
        var engine = ComparisonEngine(
            prepared: self, provincial: provincial, corrections: corrections, progress: progress)
        return engine.run()
    }
}
