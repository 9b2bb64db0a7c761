/// Benchmark of the reader area (under construction).
func runReaderBenchmark(_ arguments: [String]) throws {
    print("reader: not measured yet")
}
