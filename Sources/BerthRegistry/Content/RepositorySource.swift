import Foundation
import NIOCore

/// One repository of a registry, as an ``ImageContentSource``.
public struct RepositorySource: ImageContentSource {
    public let client: RegistryClient
    public let repository: String

    public init(client: RegistryClient, repository: String) {
        self.client = client
        self.repository = repository
    }

    public var location: String { "\(client.endpoint.baseURL)/v2/\(repository)" }

    public func manifest(reference: String) async throws(RegistryError) -> ManifestResponse {
        try await client.manifest(repository: repository, reference: reference)
    }

    public func blob(digest: String, limit: Int) async throws(RegistryError) -> Data {
        try await client.blob(repository: repository, digest: digest, limit: limit)
    }

    public func blobStream(digest: String) async throws(RegistryError) -> any AsyncSequence<ByteBuffer, any Error> {
        try await client.blobStream(repository: repository, digest: digest)
    }
}
