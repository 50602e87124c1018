import BerthModel
import Foundation

/// Typed access over the byte-level contract, so services deal in their own Codable types and
/// the JSON coding rules (dates, key order) are the same for every kind.
extension ObjectStore {
    public func getValue<T: Decodable>(_ type: T.Type, kind: String, key: String) async throws -> (T, StoredObject)? {
        guard let object = try await get(kind: kind, key: key) else { return nil }
        return (try StoreCoding.decode(type, from: object.body), object)
    }

    /// Read, change, compare-and-swap, retried on a concurrent write. Nothing is written when
    /// `body` throws or leaves the value as it was; nil when there is no such object.
    public func modifyValue<T: Codable & Equatable & Sendable>(
        _ type: T.Type, kind: String, key: String, index: (T) -> [IndexEntry], _ body: (inout T) throws -> Void
    ) async throws -> T? {
        while true {
            guard let (value, object) = try await getValue(type, kind: kind, key: key) else { return nil }
            var changed = value
            try body(&changed)
            if changed == value { return value }
            do {
                try await update(kind: kind, key: key, body: try StoreCoding.encode(changed), index: index(changed), expectedVersion: object.resourceVersion)
                return changed
            } catch let error as BerthError where error.code == .conflict {
                continue
            }
        }
    }
}
