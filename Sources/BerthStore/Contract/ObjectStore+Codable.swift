import BerthModel
import Foundation

/// Typed access over the byte-level contract, so services deal in their own Codable types and
/// the JSON coding rules (dates, key order) are the same for every kind.
extension ObjectStore {
    public func getValue<T: Decodable>(_ type: T.Type, kind: String, key: String) async throws -> (T, StoredObject)? {
        guard let object = try await get(kind: kind, key: key) else { return nil }
        return (try StoreCoding.decode(type, from: object.body), object)
    }
}
