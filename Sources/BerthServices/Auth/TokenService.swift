import BerthModel
import BerthStore
import Crypto
import Foundation

/// Issues and checks API tokens.
public struct TokenService: Sendable {
    static let kind = "apitoken"
    private let store: any ObjectStore

    public init(store: any ObjectStore) {
        self.store = store
    }

    /// Makes a new token and returns it: the only time its plaintext exists outside the caller.
    public func create(name: String, role: Role, namespaces: [String]? = nil, hubs: [HubGrant]? = nil) async throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw BerthError.invalid("a token needs a name (--name)") }
        if let namespaces {
            guard !namespaces.isEmpty else { throw BerthError.invalid("a token limited to namespaces needs at least one (--namespace)") }
            for namespace in namespaces where !KubeNames.isDNSLabel(namespace) {
                throw BerthError.invalid("\"\(namespace)\" is not a namespace name (a lowercase RFC 1123 label such as team-a)")
            }
        }
        if let hubs {
            let ids = hubs.map(\.hub)
            guard Set(ids).count == ids.count else { throw BerthError.invalid("each hub may be granted once (--hub-grant)") }
            // Clients send hub ids as 24-hex object ids; a grant for anything else could never match.
            for grant in hubs where !ObjectID.isValid(grant.hub) {
                throw BerthError.invalid("\"\(grant.hub.prefix(64))\" is not a hub id: Cycle hub ids are 24 hexadecimal characters (--hub-grant HUB=capability,...)")
            }
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        let token = "berth_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let record = APIToken(name: trimmed, role: role, createdAt: Date(), namespaces: namespaces, hubs: hubs)
        do {
            try await store.create(
                kind: Self.kind, key: Self.hash(token), body: try StoreCoding.encode(record),
                index: [IndexEntry("name", trimmed, unique: true)]
            )
        } catch let error as BerthError where error.code == .alreadyExists {
            throw BerthError(.alreadyExists, "a token named \"\(trimmed)\" already exists; revoke it first or choose another name")
        }
        return token
    }

    public func authenticate(_ token: String) async throws -> Principal? {
        guard token.hasPrefix("berth_"), let (record, _) = try await store.getValue(APIToken.self, kind: Self.kind, key: Self.hash(token)) else {
            return nil
        }
        return Principal(token: record)
    }

    public func list() async throws -> [APIToken] {
        try await store.listAll(kind: Self.kind).map { try StoreCoding.decode(APIToken.self, from: $0.body) }
            .sorted { $0.name < $1.name }
    }

    /// Revokes the token with this name; returns whether there was one.
    @discardableResult
    public func revoke(name: String) async throws -> Bool {
        let matches = try await store.list(kind: Self.kind, query: ListQuery(filters: [IndexFilter("name", equals: name)])).items
        for match in matches { try await store.delete(kind: Self.kind, key: match.key) }
        return !matches.isEmpty
    }

    public func isEmpty() async throws -> Bool {
        try await store.list(kind: Self.kind, query: ListQuery(limit: 1)).items.isEmpty
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
