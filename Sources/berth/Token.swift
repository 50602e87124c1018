import ArgumentParser
import BerthServer
import BerthServices

struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API tokens (works beside a running server).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token and print it (the only time it is shown).")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "A unique name for the token.")
        var name: String

        @Option(name: .long, help: "admin, analyst or ci.")
        var role: String

        @Option(name: .long, help: "Limit the token to this Kubernetes namespace (repeat for several); it then cannot use cluster-wide routes.")
        var namespace: [String] = []

        @Option(name: .customLong("hub-grant"), help: "HUB=capability,... : the Cycle capabilities in one hub (\(HubCapability.allCases.map(\.rawValue).joined(separator: ", "))); repeat per hub.")
        var hubGrant: [String] = []

        @Option(name: .customLong("hub-role"), help: "HUB=ROLE_ID : the Cycle role the token acts as in that hub, checked against source ACLs.")
        var hubRole: [String] = []

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("unknown role \(self.role); use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let hubs = try Self.grants(hubGrant, roles: hubRole)
            let server = try await ServerCommandSupport.server(common)
            print(try await server.tokens.create(name: name, role: role, namespaces: namespace.isEmpty ? nil : namespace, hubs: hubs.isEmpty ? nil : hubs))
        }

        static func grants(_ specs: [String], roles: [String]) throws -> [HubGrant] {
            var grants: [HubGrant] = []
            for spec in specs {
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--hub-grant takes HUB=capability,...; got \(spec)") }
                var capabilities: [HubCapability] = []
                for name in parts[1].split(separator: ",") {
                    guard let capability = HubCapability(rawValue: String(name)) else {
                        throw ValidationError("unknown capability \(name); use: \(HubCapability.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    capabilities.append(capability)
                }
                grants.append(HubGrant(hub: parts[0], capabilities: capabilities))
            }
            for spec in roles {
                let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ValidationError("--hub-role takes HUB=ROLE_ID; got \(spec)") }
                if let index = grants.firstIndex(where: { $0.hub == parts[0] }) {
                    grants[index].role = parts[1]
                } else {
                    throw ValidationError("--hub-role \(spec) names a hub with no --hub-grant; grant its capabilities first")
                }
            }
            return grants
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List token names and roles (never the tokens).")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let server = try await ServerCommandSupport.server(common)
            for token in try await server.tokens.list() {
                var limits: [String] = []
                if let namespaces = token.namespaces { limits.append("namespaces=" + namespaces.joined(separator: ",")) }
                for grant in token.hubs ?? [] {
                    limits.append("hub \(grant.hub)=" + grant.capabilities.map(\.rawValue).joined(separator: ",") + (grant.role.map { " as \($0)" } ?? ""))
                }
                print("\(token.name)\t\(token.role.rawValue)\t\(token.createdAt)" + (limits.isEmpty ? "" : "\t" + limits.joined(separator: "; ")))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke the token with this name.")

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "The token's name.")
        var name: String

        func run() async throws {
            let server = try await ServerCommandSupport.server(common)
            guard try await server.tokens.revoke(name: name) else {
                throw ValidationError("no token named \(name)")
            }
            print("revoked \(name)")
        }
    }
}
