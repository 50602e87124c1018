/// A query, value or sort option that cannot be read. The message quotes the
/// offending token and its `Field:value` so a person can fix the query.
public struct SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
