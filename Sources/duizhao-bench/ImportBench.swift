/// Import benchmark (under construction).
func runImportBenchmark(_ arguments: [String]) throws {
    print("import: not measured yet")
}
