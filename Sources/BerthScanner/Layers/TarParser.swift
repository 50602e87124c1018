import NIOCore

/// A push parser for tar streams that never holds more than one header block
/// and one metadata body (PAX or GNU long name, capped) in memory.
///
/// Layers arrive as chunks of any size from a registry response, so the parser
/// cannot ask for "the next 512 bytes": it takes whatever the caller has and
/// hands back one `TarEvent` at a time, or `nil` when it needs more input.
/// Body bytes come out as slices of the caller's chunk, so a consumer that
/// does not want a member's contents calls `skipBody()` and they are dropped
/// as they pass. Padding to the 512-byte block size is consumed across chunk
/// boundaries like any other byte.
///
/// Understands ustar (with the 155-byte prefix), GNU (`L`/`K` long names and
/// links, base-256 numbers), PAX (`x` per member and `g` global records for
/// `path`, `linkpath` and `size`) and old v7 headers.
public struct TarParser: Sendable {
    public static let blockSize = 512
    /// PAX and GNU long-name bodies are buffered whole; Go's archive/tar uses
    /// the same 1 MiB cap, so archives it reads are archives we read.
    public static let defaultMetadataLimit: Int64 = 1 << 20

    enum BodyKind: Sendable, Hashable {
        case member
        case localPAX
        case globalPAX
        case longName
        case longLink
    }

    enum State: Sendable, Hashable {
        /// Waiting for the next header block.
        case header
        /// One zero block was read; a second one ends the archive.
        case afterZeroBlock
        case body(remaining: Int64, padding: Int, kind: BodyKind)
        /// Old GNU sparse members (`S`) continue their sparse map in extra
        /// 512-byte blocks that the size field does not count.
        case sparseExtensions(bodySize: Int64)
        case padding(remaining: Int)
        case finished
    }

    public let metadataLimit: Int64
    var state: State = .header
    var headerBlock: [UInt8] = []
    var metadata: [UInt8] = []
    var metadataOffset: Int64 = 0
    var skippingBody = false
    var currentPath = ""
    var pendingLongName: String?
    var pendingLongLink: String?
    var pendingPAX: [String: String] = [:]
    var globalPAX: [String: String] = [:]

    /// Bytes of the uncompressed stream consumed so far; error offsets use it.
    public private(set) var offset: Int64 = 0

    public init(metadataLimit: Int64 = TarParser.defaultMetadataLimit) {
        self.metadataLimit = metadataLimit
        headerBlock.reserveCapacity(Self.blockSize)
    }

    /// Bytes held between calls (a partial header, a metadata body), so a
    /// caller can prove memory stays flat however large the members are.
    public var bufferedByteCount: Int { headerBlock.count + metadata.count }

    /// True once the end-of-archive marker has been read.
    public var isFinished: Bool { state == .finished }

    /// Drops the body of the member just announced by `.entry` instead of
    /// returning it; `.entryEnd` still follows.
    public mutating func skipBody() {
        skippingBody = true
    }

    /// Advances through `input` until one event is ready; `nil` means `input`
    /// is used up and more bytes are needed. After the end-of-archive marker
    /// the rest of the input is consumed silently, as every tar reader does.
    public mutating func next(from input: inout ByteBuffer) throws -> TarEvent? {
        while true {
            switch state {
            case .finished:
                offset += Int64(input.readableBytes)
                input.moveReaderIndex(to: input.writerIndex)
                return nil

            case .header, .afterZeroBlock:
                guard let block = readBlock(from: &input) else { return nil }
                let blockOffset = offset - Int64(Self.blockSize)
                if block.allSatisfy({ $0 == 0 }) {
                    if state == .afterZeroBlock {
                        state = .finished
                        return .archiveEnd
                    }
                    state = .afterZeroBlock
                    continue
                }
                if state == .afterZeroBlock {
                    throw TarFormatError.unexpectedBlockAfterZeroBlock(offset: blockOffset)
                }
                if let entry = try readHeader(block, at: blockOffset) {
                    return .entry(entry)
                }

            case .sparseExtensions(let bodySize):
                guard let block = readBlock(from: &input) else { return nil }
                if block[504] == 0 {
                    state = .body(remaining: bodySize, padding: Self.padding(for: bodySize), kind: .member)
                }

            case .body(let remaining, let padding, let kind):
                if remaining == 0 {
                    state = padding > 0 ? .padding(remaining: padding) : .header
                    if kind == .member {
                        skippingBody = false
                        return .entryEnd
                    }
                    try finishMetadata(kind)
                    continue
                }
                guard input.readableBytes > 0 else { return nil }
                let count = Int(min(remaining, Int64(input.readableBytes)))
                offset += Int64(count)
                state = .body(remaining: remaining - Int64(count), padding: padding, kind: kind)
                switch kind {
                case .member where skippingBody:
                    input.moveReaderIndex(forwardBy: count)
                case .member:
                    return .body(input.readSlice(length: count)!)
                case .localPAX, .globalPAX, .longName, .longLink:
                    input.readWithUnsafeReadableBytes { raw in
                        metadata.append(contentsOf: raw.prefix(count))
                        return count
                    }
                }

            case .padding(let remaining):
                guard input.readableBytes > 0 else { return nil }
                let count = min(remaining, input.readableBytes)
                input.moveReaderIndex(forwardBy: count)
                offset += Int64(count)
                state = count == remaining ? .header : .padding(remaining: remaining - count)
            }
        }
    }

    /// Checks the stream may end here. Ending exactly between members without
    /// the two zero blocks is accepted, as Go's archive/tar (and so Trivy)
    /// does; ending inside a header, a body or its padding is an error.
    public func finish() throws {
        switch state {
        case .finished:
            return
        case .header, .afterZeroBlock:
            if !headerBlock.isEmpty {
                throw TarFormatError.truncated(
                    offset: offset, expectedMore: "\(Self.blockSize - headerBlock.count) more bytes of a header block")
            }
            if pendingLongName != nil || pendingLongLink != nil || !pendingPAX.isEmpty {
                throw TarFormatError.truncated(offset: offset, expectedMore: "the member its extended header describes")
            }
        case .body(let remaining, _, let kind):
            let what = kind == .member ? "of \"\(currentPath)\"" : "of an extended header"
            throw TarFormatError.truncated(offset: offset, expectedMore: "\(remaining) more bytes \(what)")
        case .padding(let remaining):
            throw TarFormatError.truncated(offset: offset, expectedMore: "\(remaining) more bytes of block padding")
        case .sparseExtensions:
            throw TarFormatError.truncated(offset: offset, expectedMore: "GNU sparse map blocks of \"\(currentPath)\"")
        }
    }

    /// Returns a whole block, reading straight from `input` when it holds one
    /// and otherwise collecting the pieces across calls.
    private mutating func readBlock(from input: inout ByteBuffer) -> [UInt8]? {
        if headerBlock.isEmpty, input.readableBytes >= Self.blockSize {
            offset += Int64(Self.blockSize)
            return input.readBytes(length: Self.blockSize)
        }
        let count = min(Self.blockSize - headerBlock.count, input.readableBytes)
        if count > 0 {
            headerBlock.append(contentsOf: input.readBytes(length: count)!)
            offset += Int64(count)
        }
        guard headerBlock.count == Self.blockSize else { return nil }
        defer { headerBlock.removeAll(keepingCapacity: true) }
        return headerBlock
    }
}
