import NIOCore

/// Turns a layer blob's chunks into uncompressed tar bytes, choosing the codec
/// from the blob's first bytes rather than trusting the media type alone.
///
/// The sniff needs four bytes (the zstd magic), which may straddle several
/// chunks, so up to four bytes are held until the choice is made.
struct LayerDecoder {
    enum Codec: Sendable, Hashable {
        case undecided
        case plain
        case gzip
        /// Compressed with something we cannot inflate (zstd inside a tar type).
        case unsupported(String)
    }

    private static let gzipMagic: [UInt8] = [0x1F, 0x8B]
    private static let zstdMagic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]

    private(set) var codec: Codec = .undecided
    private var sniffed = ByteBuffer()
    /// Sniffed bytes not yet passed to the chosen codec.
    private var pending: ByteBuffer?
    private var gzip: GzipStreamDecoder?
    private(set) var uncompressedBytes: Int64 = 0

    /// Bytes held between calls, for the walker's memory accounting.
    var bufferedByteCount: Int { sniffed.readableBytes + (pending?.readableBytes ?? 0) }

    /// Once the tar end marker is read, bytes after the gzip member are padding.
    mutating func tarArchiveEnded() {
        gzip?.ignoresDataAfterMember = true
    }

    /// The next run of tar bytes, or `nil` once `input` is used up.
    mutating func next(_ input: inout ByteBuffer) throws -> ByteBuffer? {
        while true {
            switch codec {
            case .undecided:
                guard input.readableBytes > 0 else { return nil }
                var part = input.readSlice(length: min(4 - sniffed.readableBytes, input.readableBytes))!
                sniffed.writeBuffer(&part)
                if sniffed.readableBytes == 4 { try decide() }
            case .unsupported:
                input.moveReaderIndex(to: input.writerIndex)
                return nil
            case .plain:
                if let buffer = pending {
                    pending = nil
                    return counted(buffer)
                }
                guard input.readableBytes > 0 else { return nil }
                return counted(input.readSlice(length: input.readableBytes)!)
            case .gzip:
                if var buffer = pending {
                    let output = try gzip!.decode(&buffer)
                    pending = buffer.readableBytes > 0 ? buffer : nil
                    if let output { return counted(output) }
                    continue
                }
                guard let output = try gzip!.decode(&input) else { return nil }
                return counted(output)
            }
        }
    }

    /// Ends the stream: a blob shorter than the sniff window is decided now,
    /// and a gzip stream must have reached its trailer. Returns the last tar
    /// bytes, if the sniff window was still holding some.
    mutating func finish() throws -> ByteBuffer? {
        var tail: ByteBuffer?
        if codec == .undecided, sniffed.readableBytes > 0 {
            try decide()
            var empty = ByteBuffer()
            tail = try next(&empty)
        }
        if codec == .gzip {
            try gzip!.finish()
        }
        return tail
    }

    private mutating func decide() throws {
        let head = sniffed.readableBytesView
        if head.starts(with: Self.gzipMagic) {
            gzip = try GzipStreamDecoder()
            codec = .gzip
        } else if head.starts(with: Self.zstdMagic) {
            codec = .unsupported("zstd")
        } else {
            codec = .plain
        }
        pending = sniffed
        sniffed = ByteBuffer()
    }

    private mutating func counted(_ buffer: ByteBuffer) -> ByteBuffer {
        uncompressedBytes += Int64(buffer.readableBytes)
        return buffer
    }
}
