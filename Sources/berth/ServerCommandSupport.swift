import BerthServer

/// Opens the same store and key the server uses, for commands that work on it directly.
enum ServerCommandSupport {
    static func server(_ common: CommonOptions) async throws -> BerthServer {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = common.resolvedDataDir
        configuration.database = common.resolvedDatabase
        configuration.secretKeyFile = common.resolvedSecretKeyFile
        return try await BerthServer(configuration: configuration)
    }
}
