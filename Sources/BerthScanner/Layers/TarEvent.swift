import NIOCore

/// What the push parser hands back, one step at a time, so the consumer decides
/// per member whether body bytes are kept or dropped and nothing is buffered
/// on its behalf.
public enum TarEvent: Sendable {
    /// A new member begins; its body (if any) follows as `body` events.
    case entry(TarEntry)
    /// A slice of the current member's body. It shares storage with the input
    /// chunk, so it costs nothing unless the consumer copies it.
    case body(ByteBuffer)
    /// The current member's body is complete (also sent for empty bodies).
    case entryEnd
    /// The end-of-archive marker was read; later bytes are ignored.
    case archiveEnd
}
