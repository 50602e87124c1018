import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// A blob's bytes as they arrive, hashed on the way through: the sequence throws
/// `digestMismatch` at its end when the bytes do not hash to the digest asked for, so a
/// consumer that reads it to completion never accepts content the registry corrupted.
/// Layers are read this way so that a scan holds one chunk at a time, not the layer.
public struct BlobStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    let body: HTTPClientResponse.Body
    let url: String
    let expected: String
    public let contentLength: Int64?

    public func makeAsyncIterator() -> Iterator {
        Iterator(inner: body.makeAsyncIterator(), url: url, expected: expected, expectedLength: contentLength)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var inner: HTTPClientResponse.Body.AsyncIterator
        let url: String
        let expected: String
        let expectedLength: Int64?
        var hasher = SHA256()
        var received: Int64 = 0
        var finished = false

        public mutating func next() async throws -> ByteBuffer? {
            guard !finished else { return nil }
            let chunk: ByteBuffer?
            do {
                chunk = try await inner.next()
            } catch {
                finished = true
                throw RegistryError.unreachable(url: url, reason: RegistryClient.describe(error) + " after \(received) bytes of the blob")
            }
            guard let chunk else {
                finished = true
                if let expectedLength, received != expectedLength {
                    throw RegistryError.invalidResponse(url: url, detail: "blob ended after \(received) of \(expectedLength) bytes")
                }
                let actual = RegistryClient.digestString(hasher.finalize())
                if actual != expected {
                    throw RegistryError.digestMismatch(url: url, expected: expected, actual: actual)
                }
                return nil
            }
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
            received += Int64(chunk.readableBytes)
            return chunk
        }
    }
}
