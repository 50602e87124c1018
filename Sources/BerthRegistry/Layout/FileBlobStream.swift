import Crypto
import Foundation
import NIOCore

/// A layout blob read in 64 KiB chunks and hashed on the way, like ``BlobStream`` for a
/// registry: the end of the sequence throws when the file does not match its digest.
public struct FileBlobStream: AsyncSequence, @unchecked Sendable {
    public typealias Element = ByteBuffer
    let handle: FileHandle
    let path: String
    let expected: String

    public func makeAsyncIterator() -> Iterator {
        Iterator(handle: handle, path: path, expected: expected)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let handle: FileHandle
        let path: String
        let expected: String
        var hasher = SHA256()
        var finished = false

        public mutating func next() async throws -> ByteBuffer? {
            guard !finished else { return nil }
            let data = try handle.read(upToCount: 64 << 10) ?? Data()
            guard !data.isEmpty else {
                finished = true
                try? handle.close()
                let actual = RegistryClient.digestString(hasher.finalize())
                if actual != expected { throw RegistryError.digestMismatch(url: path, expected: expected, actual: actual) }
                return nil
            }
            hasher.update(data: data)
            return ByteBuffer(bytes: data)
        }
    }
}
