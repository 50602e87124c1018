import ArgumentParser
import BerthReference
import BerthRegistry
import BerthSignatures
import Foundation

/// `berth verify IMAGE --key PEM`: the same discovery and verification a scan runs, without
/// a server, one line per signature.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify an image's cosign signatures against public keys; exit 1 when none verifies."
    )

    @Argument(help: "The image: registry/repository:tag or @sha256:digest.")
    var image: String

    @Option(name: .long, help: "A PEM public key file (repeat for several).")
    var key: [String]

    @Option(name: .long, help: "user:password for the registry.")
    var creds: String?

    @Flag(name: .long, help: "Speak plain HTTP to the registry (implied for loopback registries).")
    var insecure = false

    func run() async throws {
        guard !key.isEmpty else { throw ValidationError("give at least one --key PEM file") }
        let reference: ImageReference
        do { reference = try ImageReference.parse(image) } catch { throw ValidationError("\(image) is not an image reference: \(error)") }
        var keys: [CosignPublicKey] = []
        for path in key {
            guard let pem = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read the key file \(path)") }
            keys.append(CosignPublicKey(name: URL(fileURLWithPath: path).lastPathComponent, pem: pem))
        }
        let integration = SignatureIntegration(id: "cli", name: "--key", publicKeys: keys)
        if let problem = integration.validationProblems().first { throw ValidationError(problem.description) }

        let host = reference.registry == "docker.io" ? "registry-1.docker.io" : reference.registry
        let loopback = reference.isLocalhost || reference.host.hasPrefix("127.")
        let endpoint = try RegistryEndpoint.parse(host, insecure: insecure || loopback)
        var credentials = RegistryCredentials.anonymous
        if let creds {
            guard let colon = creds.firstIndex(of: ":") else { throw ValidationError("--creds takes user:password") }
            credentials = .basic(username: String(creds[..<colon]), password: String(creds[creds.index(after: colon)...]))
        }
        let client = RegistryClient(endpoint: endpoint, credentials: credentials)
        let digest: String
        if let pinned = reference.digest?.string {
            digest = pinned
        } else {
            digest = try await client.manifest(repository: reference.repository, reference: reference.tag ?? "latest").digest
        }
        let signatures = try await CosignDiscovery(client: client, repository: reference.repository).signatures(for: digest)
        print("\(reference.fullName) @ \(digest): \(signatures.count) signature(s)")
        var verified = 0
        for (index, signature) in signatures.enumerated() {
            let result = await SignatureVerifier(integration: integration).verify([signature], imageDigest: digest, imageNames: [reference.fullName])
            if result.status == .verified { verified += 1 }
            let detail = result.description.map { ": \($0)" } ?? " (\(result.verifiedImageReferences.joined(separator: ", ")))"
            print("signature \(index + 1): \(result.status.rawValue)\(detail)")
        }
        if verified == 0 { throw ExitCode(1) }
    }
}
