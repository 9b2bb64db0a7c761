/// Benchmark of the store area (under construction).
func runStoreBenchmark(_ arguments: [String]) throws {
    print("store: not measured yet")
}
