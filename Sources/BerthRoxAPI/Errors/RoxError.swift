/// StackRox's error body (`common.ExtendedRpcStatus`): `error` repeats `message` for clients
/// of the older gateway.
struct RoxError: Codable, Sendable {
    var code: Int
    var message: String
    var details: [String] = []
    var error: String
}
