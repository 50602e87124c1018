import ArgumentParser
import BerthServer

@main
struct Berth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "berth",
        abstract: "A container image control plane: one image catalogue behind StackRox, Cycle and OpenShift APIs.",
        version: BerthVersion.current,
        subcommands: [Serve.self, Scan.self, VulnDB.self, Token.self, Verify.self, Migrate.self]
    )
}
