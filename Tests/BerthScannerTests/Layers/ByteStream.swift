import NIOCore

/// A layer body delivered in fixed-size chunks, as a registry response would
/// be. Runs of zeros are generated on the fly so a 50 MB member costs no
/// memory in the test either, and an error can be thrown after the last byte
/// the way a digest-verifying stream reports a mismatch.
struct ByteStream: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    enum Segment: Sendable {
        case bytes([UInt8])
        case zeros(Int)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .zeros(let count): count
            }
        }
    }

    var segments: [Segment]
    var chunkSize: Int
    var failure: StreamFailure?

    init(_ bytes: [UInt8], chunkSize: Int = 4096, failure: StreamFailure? = nil) {
        self.init(segments: [.bytes(bytes)], chunkSize: chunkSize, failure: failure)
    }

    init(segments: [Segment], chunkSize: Int = 4096, failure: StreamFailure? = nil) {
        self.segments = segments
        self.chunkSize = chunkSize
        self.failure = failure
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var segments: [Segment]
        var chunkSize: Int
        var failure: StreamFailure?
        var segmentIndex = 0
        var offset = 0

        mutating func next() async throws -> ByteBuffer? {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(chunkSize)
            while buffer.readableBytes < chunkSize, segmentIndex < segments.count {
                let segment = segments[segmentIndex]
                let count = Swift.min(chunkSize - buffer.readableBytes, segment.count - offset)
                switch segment {
                case .bytes(let bytes): buffer.writeBytes(bytes[offset..<(offset + count)])
                case .zeros: buffer.writeRepeatingByte(0, count: count)
                }
                offset += count
                if offset == segment.count {
                    segmentIndex += 1
                    offset = 0
                }
            }
            if buffer.readableBytes > 0 { return buffer }
            if let failure {
                self.failure = nil
                throw failure
            }
            return nil
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(segments: segments, chunkSize: chunkSize, failure: failure)
    }
}
