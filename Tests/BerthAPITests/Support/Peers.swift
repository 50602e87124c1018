import Foundation

/// The real peers `scripts/test.sh` starts on loopback, read from its environment.
///
/// Without the script the peer tests are skipped; with `BERTH_REQUIRE_PEERS=1` (the script
/// sets it) a missing peer is a failure, so CI can never pass by skipping them.
enum Peers {
    static let environment = ProcessInfo.processInfo.environment

    static var required: Bool { environment["BERTH_REQUIRE_PEERS"] == "1" }

    static var registry: String? { environment["BERTH_TEST_REGISTRY"] }
    static var basicRegistry: String? { environment["BERTH_TEST_BASIC_REGISTRY"] }
    static var tokenRegistry: String? { environment["BERTH_TEST_TOKEN_REGISTRY"] }
    static var user: String? { environment["BERTH_TEST_REGISTRY_USER"] }
    static var password: String? { environment["BERTH_TEST_REGISTRY_PASSWORD"] }
    static var venv: String? { environment["BERTH_TEST_VENV"] }
    static var postgresURL: String? { environment["BERTH_TEST_POSTGRES_URL"] }
    static var postgresAvailable: Bool { postgresURL != nil || required }

    static var registriesAvailable: Bool { (registry != nil && basicRegistry != nil) || required }
    static var venvAvailable: Bool { venv != nil || required }

    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not set: run the tests through scripts/test.sh" }
    }

    static func value(_ value: String?, _ name: String) throws -> String {
        guard let value else { throw Missing(name: name) }
        return value
    }
}
