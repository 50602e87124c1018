import BerthRegistry
import Foundation

/// Finds an image's cosign signatures in its repository (reference C.4): sigstore bundles
/// through the OCI 1.1 referrers API when the registry has it, then the legacy
/// `sha256-<hex>.sig` tag, whose manifest carries one signature per layer. Every manifest and
/// blob is digest-checked by the registry client, so a signature is only ever the bytes the
/// registry addressed.
public struct CosignDiscovery: Sendable {
    public static let bundleArtifactType = "application/vnd.dev.sigstore.bundle.v0.3+json"
    public static let simpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json"
    /// A registry that answers with more than this is not showing us signatures.
    static let maxSignatures = 64

    let client: RegistryClient
    let repository: String

    public init(client: RegistryClient, repository: String) {
        self.client = client
        self.repository = repository
    }

    /// The legacy signature tag of a digest: `sha256:abc` → `sha256-abc.sig`.
    public static func signatureTag(for digest: String) -> String {
        digest.replacingOccurrences(of: ":", with: "-") + ".sig"
    }

    /// Every signature found; none is an empty list, not an error. A registry that refuses
    /// or fails is an error, since "unsigned" must not be said of an image nobody could read.
    public func signatures(for digest: String) async throws(RegistryError) -> [CosignSignature] {
        var found: [CosignSignature] = []
        do {
            let index = try await client.referrers(repository: repository, digest: digest, artifactType: Self.bundleArtifactType)
            for descriptor in index.manifests.prefix(Self.maxSignatures) {
                let manifest = try await client.manifest(repository: repository, reference: descriptor.digest).decodeManifest()
                for layer in manifest.layers where layer.mediaType == Self.bundleArtifactType {
                    found.append(CosignSignature(sigstoreBundle: [UInt8](try await client.blob(repository: repository, digest: layer.digest, limit: 1 << 20))))
                }
            }
        } catch RegistryError.notFound {
            // No referrers API, or nothing refers to the digest: the tag schema follows.
        } catch let error as RegistryError {
            throw error
        } catch {
            throw .invalidResponse(url: repository, detail: "a referrer is not an OCI manifest")
        }
        let manifest: ImageManifest
        do {
            manifest = try await client.manifest(repository: repository, reference: Self.signatureTag(for: digest)).decodeManifest()
        } catch RegistryError.notFound {
            return found
        } catch let error as RegistryError {
            throw error
        } catch {
            throw .invalidResponse(url: Self.signatureTag(for: digest), detail: "the signature tag does not hold an image manifest")
        }
        for layer in manifest.layers.prefix(Self.maxSignatures) {
            guard let annotations = layer.annotations, annotations[CosignAnnotation.signature] != nil else { continue }
            let blob = try await client.blob(repository: repository, digest: layer.digest, limit: 1 << 20)
            if let signature = try? CosignSignature.fromLayer(annotations: annotations, blob: [UInt8](blob)) {
                found.append(signature)
            }
        }
        return found
    }
}
