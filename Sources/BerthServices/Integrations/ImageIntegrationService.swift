import BerthModel
import BerthStore
import Foundation
import Logging

/// Image integrations: registry and scanner credentials, with StackRox's rules for
/// validation, masking and stored-credential reconciliation.
///
/// Secrets are sealed before they reach the store and opened only for the registry client;
/// every integration leaving this service through the read calls is masked.
public struct ImageIntegrationService: Sendable {
    static let kind = "imageintegration"
    private let store: any ObjectStore
    private let secrets: SecretBox
    private let validator: IntegrationValidator
    private let tester: IntegrationTester

    public init(store: any ObjectStore, secrets: SecretBox, policy: EndpointPolicy) {
        self.store = store
        self.secrets = secrets
        self.validator = IntegrationValidator(policy: policy)
        self.tester = IntegrationTester(policy: policy)
    }

    // MARK: Reads (masked)

    public func list(name: String?, cluster: String?) async throws -> [ImageIntegration] {
        // StackRox answers every cluster-filtered list with nothing (a legacy parameter).
        if let cluster, !cluster.isEmpty { return [] }
        let filters = (name.map { [IndexFilter("name", equals: $0)] } ?? [])
        return try await store.listAll(kind: Self.kind, filters: filters)
            .map { try StoreCoding.decode(ImageIntegration.self, from: $0.body).masked }
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    public func get(id: String) async throws -> ImageIntegration {
        guard !id.isEmpty else { throw BerthError.invalid("image integration id must be provided: invalid arguments") }
        guard let (stored, _) = try await load(id) else {
            throw BerthError.notFound("image integration \(id) not found: not found")
        }
        return stored.masked
    }

    /// Every stored integration with its secrets opened: for the registry client only.
    public func unsealedIntegrations() async throws -> [ImageIntegration] {
        try await store.listAll(kind: Self.kind).map { try unseal(StoreCoding.decode(ImageIntegration.self, from: $0.body)) }
    }

    // MARK: Writes

    /// POST. The response is masked; StackRox echoes the secrets back, which we do not.
    public func create(_ request: ImageIntegration) async throws -> ImageIntegration {
        var integration = request
        guard integration.id.isEmpty else {
            throw BerthError.invalid("id field should be empty when posting a new image integration: invalid arguments")
        }
        if integration.type.lowercased() == "scannerv4" {
            throw BerthError.invalid("scanner V4 integration cannot be manually created: invalid arguments")
        }
        try await validate(integration)
        if !integration.skipTestIntegration { try await tester.test(integration) }
        integration.categories = Array(Set(integration.categories)).sorted()
        integration.id = UUID().uuidString.lowercased()
        try await save(integration, expectedVersion: nil, create: true)
        return integration.masked
    }

    /// PATCH (`updatePassword` as given) and PUT (`updatePassword: true`).
    public func update(_ request: UpdateImageIntegrationRequest) async throws {
        var (integration, version) = try await reconcile(request)
        if !integration.skipTestIntegration { try await tester.test(integration) }
        integration.categories = Array(Set(integration.categories)).sorted()
        try await save(integration, expectedVersion: version, create: false)
    }

    public func delete(id: String) async throws {
        guard !id.isEmpty else { throw BerthError.invalid("image integration id must be provided: invalid arguments") }
        guard let (stored, object) = try await load(id) else { return }
        if stored.type.lowercased() == "scannerv4" {
            throw BerthError.invalid("scanner V4 integration cannot be deleted: invalid arguments")
        }
        do {
            try await store.delete(kind: Self.kind, key: id, expectedVersion: object.resourceVersion)
        } catch let error as BerthError where error.code == .notFound {
            return
        }
    }

    /// `/test` and `/test/updated`: validate, fill masked secrets from the stored copy when
    /// asked to, contact the service. Nothing is stored.
    public func test(_ request: UpdateImageIntegrationRequest) async throws {
        let (integration, _) = try await reconcile(request)
        try await tester.test(integration)
    }

    /// Seeds StackRox's public registries once, so a fresh server can scan public images.
    public func seedDefaults() async throws {
        let marker = "defaults-seeded"
        guard try await store.get(kind: "berth.meta", key: marker) == nil else { return }
        for integration in DefaultIntegrations.all where try await load(integration.id) == nil {
            try await save(integration, expectedVersion: nil, create: true)
        }
        try await store.put(kind: "berth.meta", key: marker, body: Data("true".utf8))
    }

    // MARK: Rules

    private func validate(_ integration: ImageIntegration) async throws {
        var errors = validator.commonErrors(integration)
        let name = integration.name
        if !name.trimmingCharacters(in: .whitespaces).isEmpty {
            let holders = try await store.list(kind: Self.kind, query: ListQuery(filters: [IndexFilter("name", equals: name)])).items
            if holders.contains(where: { $0.key != integration.id }) {
                errors.append("integration with name \"\(name)\" already exists")
            }
        }
        if !errors.isEmpty {
            let joined = errors.count == 1 ? "Validation error: \(errors[0])" : "Validation errors: [\(errors.joined(separator: ", "))]"
            throw BerthError.invalid("\(joined): invalid arguments")
        }
        let typeErrors = validator.typeErrors(integration)
        if !typeErrors.isEmpty {
            throw BerthError.invalid("\(typeErrors.joined(separator: "; ")): invalid arguments")
        }
    }

    /// StackRox's `reconcileUpdateImageIntegrationRequest`: with `updatePassword` false, the
    /// request's secrets must be empty or masked, its dependent fields unchanged, and the
    /// stored secrets are copied in.
    private func reconcile(_ request: UpdateImageIntegrationRequest) async throws -> (ImageIntegration, Int64?) {
        guard var integration = request.config else { throw BerthError.invalid("empty integration: invalid arguments") }
        try await validate(integration)
        guard !integration.id.isEmpty else {
            if !request.updatePassword {
                throw BerthError.invalid("id required for stored credential reconciliation: invalid arguments")
            }
            return (integration, nil)
        }
        guard let (stored, object) = try await load(integration.id) else {
            throw BerthError.notFound("image integration \"\(integration.id)\" not found: not found")
        }
        if (stored.type.lowercased() == "scannerv4") != (integration.type.lowercased() == "scannerv4") {
            throw BerthError.invalid("cannot change integration type to/from scanner V4: invalid arguments")
        }
        if request.updatePassword { return (integration, object.resourceVersion) }
        guard let requested = integration.config else {
            throw BerthError.invalid("the request doesn't have a valid integration config type: invalid arguments")
        }
        let unsealed = try unseal(stored)
        integration.config = try Self.mergeStoredSecrets(requested, stored: unsealed.config)
        if stored.source != nil && integration.source == nil {
            throw BerthError.invalid("non-nil existing field 'ImageIntegration.Source': invalid arguments")
        }
        return (integration, object.resourceVersion)
    }

    static func mergeStoredSecrets(_ requested: IntegrationConfig, stored: IntegrationConfig?) throws -> IntegrationConfig {
        guard let stored, stored.jsonKey == requested.jsonKey else {
            let storedName = stored?.goWrapperName ?? "nil"
            throw BerthError.invalid("type not equal: '\(requested.goWrapperName)' != '\(storedName)': invalid arguments")
        }
        for (request, existing) in zip(requested.nestedMessages, stored.nestedMessages) where request.present != existing.present {
            throw BerthError.invalid(existing.present ? "non-nil existing field '\(existing.path)': invalid arguments" : "invalid input: invalid arguments")
        }
        _ = try requested.mapSecrets { path, value in
            guard value.isEmpty || value == ImageIntegration.secretMask else {
                throw BerthError.invalid("non-zero or unmasked credential field '\(path)': invalid arguments")
            }
            return value
        }
        for (request, existing) in zip(requested.dependentFields, stored.dependentFields) where request.value != existing.value {
            throw BerthError.invalid("credentials required to update field '\(request.path)': invalid arguments")
        }
        var storedSecrets: [String: String] = [:]
        _ = stored.mapSecrets { path, value in
            storedSecrets[path] = value
            return value
        }
        return requested.mapSecrets { path, _ in storedSecrets[path] ?? "" }
    }

    // MARK: Storage

    private func load(_ id: String) async throws -> (ImageIntegration, StoredObject)? {
        try await store.getValue(ImageIntegration.self, kind: Self.kind, key: id)
    }

    private func save(_ integration: ImageIntegration, expectedVersion: Int64?, create: Bool) async throws {
        var sealed = integration
        sealed.config = try integration.config?.mapSecrets { _, value in try secrets.seal(value) }
        let body = try StoreCoding.encode(sealed)
        let index = [IndexEntry("name", integration.name, unique: true), IndexEntry("type", integration.type)]
        do {
            if create {
                try await store.create(kind: Self.kind, key: integration.id, body: body, index: index)
            } else if let expectedVersion {
                // Compare-and-swap: a concurrent change in between fails this one whole.
                try await store.update(kind: Self.kind, key: integration.id, body: body, index: index, expectedVersion: expectedVersion)
            } else {
                try await store.put(kind: Self.kind, key: integration.id, body: body, index: index)
            }
        } catch let error as BerthError where error.code == .alreadyExists {
            throw BerthError(.alreadyExists, "integration with name \"\(integration.name)\" already exists")
        }
    }

    private func unseal(_ integration: ImageIntegration) throws -> ImageIntegration {
        var copy = integration
        copy.config = try integration.config?.mapSecrets { _, value in try secrets.open(value) }
        return copy
    }
}
