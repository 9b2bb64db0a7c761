/// Benchmark of the compare area (under construction).
func runCompareBenchmark(_ arguments: [String]) throws {
    print("compare: not measured yet")
}
