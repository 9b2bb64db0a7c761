import Foundation

/// Real documents the tests read, kept in the repository (`Tests/Fixtures/`) so the suite passes in a clone with
/// nothing beside it: `corpus/` is a copy of the development corpus (laws, their local implementations, web
/// captures and the hand-made alignment truth in `corpus/truth/`), `seeds/` the raw web captures the bundled
/// texts were cleaned from. Official texts, outside copyright (Copyright Law of the PRC, art. 5).
public enum TestCorpus {
    /// `Tests/Fixtures`.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// `Tests/Fixtures/corpus`: paths in the truth files are relative to it.
    public static let corpus = fixtures.appendingPathComponent("corpus")
    /// `Tests/Fixtures/seeds`.
    public static let seeds = fixtures.appendingPathComponent("seeds")

    /// A corpus file by its path relative to the corpus (`cunweihui/national.md`).
    public static func url(_ relativePath: String) -> URL { corpus.appendingPathComponent(relativePath) }
}
