/// An endpoint string that does not name a usable registry.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
