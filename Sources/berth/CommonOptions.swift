import ArgumentParser
import Foundation

/// Options every command that opens the data directory shares. Each falls back to a
/// `BERTH_*` environment variable, then to the default, so containers can be configured
/// without flags.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Data directory (env BERTH_DATA_DIR; default ./berth-data).")
    var dataDir: String?

    @Option(name: .long, help: "sqlite:PATH or a file path (env BERTH_DATABASE; default <data-dir>/berth.sqlite).")
    var database: String?

    @Option(name: .long, help: "AES-GCM key file for secrets at rest (env BERTH_SECRET_KEY_FILE; default <data-dir>/secret.key, made on first start).")
    var secretKeyFile: String?

    static func env(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    var resolvedDataDir: String { dataDir ?? Self.env("BERTH_DATA_DIR") ?? "./berth-data" }
    var resolvedDatabase: String? { database ?? Self.env("BERTH_DATABASE") }
    var resolvedSecretKeyFile: String? { secretKeyFile ?? Self.env("BERTH_SECRET_KEY_FILE") }
}
