import BerthModel
import BerthServices
import Foundation

/// `include=creators,integrations` (reference A.10): every resource a page refers to, keyed
/// by id, each once however many sources share it.
struct SourceIncludes {
    let tokens: TokenService
    let integrations: ImageIntegrationService

    func build(_ sources: [ImageSource], include: Set<String>, hub: String) async throws -> JSONValue? {
        guard !include.isEmpty else { return nil }
        var result: [String: JSONValue] = [:]
        if include.contains("creators") {
            let wanted = Set(sources.map(\.creator).filter { $0.type == "api-key" }.map(\.id))
            var keys: [String: JSONValue] = [:]
            for token in try await tokens.list() {
                let id = ObjectID.derived(from: token.name)
                guard wanted.contains(id) else { continue }
                keys[id] = apiKey(token, id: id, hub: hub)
            }
            result["creators"] = ["api_keys": .object(keys)]
        }
        if include.contains("integrations") {
            let references = Set(sources.compactMap { $0.builder?["integration_id"]?.stringValue })
            var byID: [String: JSONValue] = [:]
            var byIdentifier: [String: [String]] = [:]
            if !references.isEmpty {
                for integration in try await integrations.list(name: nil, cluster: nil) {
                    let identifier = CycleIdentifier.tokenize(integration.name, fallback: "integration")
                    let byId = references.contains(integration.id)
                    let byName = references.contains(identifier)
                    guard byId || byName else { continue }
                    byID[integration.id] = view(integration, identifier: identifier, hub: hub)
                    if byName { byIdentifier[identifier, default: []].append(integration.id) }
                }
            }
            result["integrations"] = .object(byID)
            result["integrations:identifiers"] = .object(byIdentifier.mapValues { .array($0.sorted().map { .string($0) }) })
        }
        return .object(result)
    }

    /// A token as Cycle's ApiKeyCreator; what it may do comes from its role and hub grant.
    func apiKey(_ token: APIToken, id: String, hub: String) -> JSONValue {
        let principal = Principal(token: token)
        let capabilities = principal.capabilities(inHub: hub).sorted()
        let created = CycleTime.format(token.createdAt)
        return [
            "id": .string(id), "name": .string(token.name), "hub_id": .string(hub),
            "creator": ["id": .string(id), "type": "api-key"],
            "permissions": ["all_environments": true, "environments": []],
            "capabilities": ["all": .bool(token.role == .admin), "specific": .array(capabilities.map { .string($0.rawValue) })],
            "ips": .null,
            "state": ["current": "live", "changed": .string(created)],
            "events": ["created": .string(created), "updated": .string(CycleEvents.zeroTime), "deleted": .string(CycleEvents.zeroTime)],
        ]
    }

    /// A Berth image integration as a Cycle Integration: the registry credentials a build
    /// would use.
    func view(_ integration: ImageIntegration, identifier: String, hub: String) -> JSONValue {
        let zero = JSONValue.string(CycleEvents.zeroTime)
        return [
            "id": .string(integration.id), "identifier": .string(identifier), "name": .string(integration.name),
            "vendor": .string(integration.type), "creator": ["id": "", "type": "platform"], "hub_id": .string(hub),
            "state": ["current": "live", "changed": zero],
            "events": ["created": zero, "updated": zero, "deleted": zero],
        ]
    }
}
