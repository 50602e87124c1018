import BerthModel
import BerthSignatures
import BerthStore
import Foundation
import Logging

/// StackRox signature integrations: named sets of cosign public keys and certificate
/// verifiers. A key or certificate that does not parse is refused when the integration is
/// saved, not discovered later as an image that never verifies.
///
/// Every create, update and delete then judges the catalogue's stored signatures again before
/// it answers, so the next read of an image already reflects the change.
public struct SignatureIntegrationService: Sendable {
    static let kind = "signatureintegration"
    /// StackRox's id prefix; ids without it are refused, as StackRox does.
    public static let idPrefix = "io.stackrox.signatureintegration."
    let store: any ObjectStore
    let logger = Logger(label: "berth.signatures")

    public init(store: any ObjectStore) {
        self.store = store
    }

    public func list() async throws -> [SignatureIntegration] {
        try await store.listAll(kind: Self.kind).map { try StoreCoding.decode(SignatureIntegration.self, from: $0.body) }
            .sorted { $0.name < $1.name }
    }

    public func get(id: String) async throws -> SignatureIntegration {
        guard let (integration, _) = try await store.getValue(SignatureIntegration.self, kind: Self.kind, key: id) else {
            throw BerthError.notFound("signature integration \(id) not found")
        }
        return integration
    }

    public func create(_ request: SignatureIntegration) async throws -> SignatureIntegration {
        guard request.id.isEmpty else { throw BerthError.invalid("id should be empty when creating a signature integration") }
        var integration = request
        integration.id = Self.idPrefix + UUID().uuidString.lowercased()
        try Self.validate(integration)
        do {
            try await store.create(kind: Self.kind, key: integration.id, body: try StoreCoding.encode(integration),
                                   index: [IndexEntry("name", integration.name, unique: true)])
        } catch let error as BerthError where error.code == .alreadyExists {
            throw BerthError(.alreadyExists, "signature integration \"\(integration.name)\" already exists")
        }
        await reverifyImages()
        return integration
    }

    public func update(_ integration: SignatureIntegration) async throws {
        try Self.validate(integration)
        guard let (_, object) = try await store.getValue(SignatureIntegration.self, kind: Self.kind, key: integration.id) else {
            throw BerthError.notFound("signature integration \(integration.id) not found")
        }
        do {
            try await store.update(kind: Self.kind, key: integration.id, body: try StoreCoding.encode(integration),
                                   index: [IndexEntry("name", integration.name, unique: true)], expectedVersion: object.resourceVersion)
        } catch let error as BerthError where error.code == .alreadyExists {
            throw BerthError(.alreadyExists, "signature integration \"\(integration.name)\" already exists")
        }
        await reverifyImages()
    }

    public func delete(id: String) async throws {
        guard try await store.get(kind: Self.kind, key: id) != nil else {
            throw BerthError.notFound("signature integration \(id) not found")
        }
        try await store.delete(kind: Self.kind, key: id)
        await reverifyImages()
    }

    /// The integration is saved whatever happens here, so a failure must not read as a failed
    /// save (a retried create would then meet its own name); it is logged, and the images keep
    /// their previous results until the next scan or integration change.
    private func reverifyImages() async {
        do {
            try await SignatureReverification(store: store, integrations: self).run()
        } catch {
            logger.error("signature integrations changed, but stored image signatures could not be verified again: \(error)")
        }
    }

    /// StackRox's messages, joined: every problem at once, so one round trip fixes them all.
    static func validate(_ integration: SignatureIntegration) throws {
        var problems = integration.validationProblems().map(\.description)
        if !integration.id.hasPrefix(idPrefix) {
            problems.append("id: id field must be in '\(idPrefix)*' format")
        }
        guard problems.isEmpty else {
            throw BerthError.invalid("invalid signature integration: " + problems.joined(separator: "; "))
        }
    }
}
