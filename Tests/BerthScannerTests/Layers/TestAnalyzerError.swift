struct TestAnalyzerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
