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

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("unknown role \(self.role); use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let server = try await ServerCommandSupport.server(common)
            print(try await server.tokens.create(name: name, role: role))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List token names and roles (never the tokens).")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let server = try await ServerCommandSupport.server(common)
            for token in try await server.tokens.list() {
                print("\(token.name)\t\(token.role.rawValue)\t\(token.createdAt)")
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
