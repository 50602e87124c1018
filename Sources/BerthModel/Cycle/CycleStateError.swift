/// Why a Cycle resource is in trouble, and since when.
public struct CycleStateError: Codable, Sendable, Equatable {
    public var message: String
    public var time: String

    public init(message: String, time: String) {
        self.message = message
        self.time = time
    }
}
