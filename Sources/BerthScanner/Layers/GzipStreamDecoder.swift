import CompressNIO
import NIOCore

/// Inflates a gzip stream chunk by chunk into a fixed window, so memory is the
/// zlib state plus one window however large the layer is.
///
/// compress-nio reports the end of a gzip member only indirectly (inflate
/// returns without error and stops consuming), so the decoder infers it: a
/// call that succeeds while input is left over has hit the end of a member.
/// When the input runs out exactly at the end, `finish()` settles it with a
/// one-byte probe that a finished stream refuses to consume. Concatenated
/// members (pigz, `cat a.gz b.gz`) are decoded in turn, like Go's gzip reader.
struct GzipStreamDecoder {
    static let windowSize = 64 * 1024

    private let zlib: ZlibDecompressor
    private var window: ByteBuffer
    private var memberEnded = false
    /// Set once the tar end marker has been seen: anything after the current
    /// member is padding to ignore, not another member to decode.
    var ignoresDataAfterMember = false
    private(set) var compressedOffset: Int64 = 0

    init(allocator: ByteBufferAllocator = ByteBufferAllocator()) throws {
        zlib = try ZlibDecompressor(algorithm: .gzip)
        window = allocator.buffer(capacity: Self.windowSize)
    }

    /// The next run of inflated bytes, or `nil` once `input` is used up.
    mutating func decode(_ input: inout ByteBuffer) throws -> ByteBuffer? {
        while input.readableBytes > 0 {
            if memberEnded {
                if ignoresDataAfterMember {
                    compressedOffset += Int64(input.readableBytes)
                    input.moveReaderIndex(to: input.writerIndex)
                    return nil
                }
                try zlib.reset()
                memberEnded = false
            }
            window.clear()
            let before = input.readableBytes
            var windowFull = false
            do {
                try zlib.inflate(from: &input, to: &window)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                windowFull = true
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                // zlib made no progress for want of input; the loop condition ends it.
            } catch {
                throw LayerCompressionError.corruptGzip(offset: compressedOffset + Int64(before - input.readableBytes))
            }
            compressedOffset += Int64(before - input.readableBytes)
            if !windowFull, input.readableBytes > 0 {
                memberEnded = true
            }
            if window.readableBytes > 0 {
                return window
            }
        }
        return nil
    }

    /// Throws unless the last member ended with its trailer.
    mutating func finish() throws {
        if memberEnded { return }
        var probe = ByteBuffer(bytes: [0])
        window.clear()
        do {
            try zlib.inflate(from: &probe, to: &window)
        } catch {
            throw LayerCompressionError.truncatedGzip(offset: compressedOffset)
        }
        guard probe.readableBytes == 1, window.readableBytes == 0 else {
            throw LayerCompressionError.truncatedGzip(offset: compressedOffset)
        }
        memberEnded = true
    }
}
