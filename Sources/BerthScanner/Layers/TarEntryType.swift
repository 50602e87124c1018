/// What a tar member is, reduced to the distinctions the layer walker acts on.
///
/// Only `regular` members carry file contents an analyzer can read; the rest
/// matter because they replace or shadow a lower layer's file at the same path.
public enum TarEntryType: Sendable, Hashable {
    /// `0`, `\0` (old v7) and `7` (contiguous file, which every reader treats as regular).
    case regular
    case hardLink
    case symbolicLink
    case characterDevice
    case blockDevice
    case directory
    case fifo
    /// Any other typeflag (GNU sparse `S`, volume labels, vendor extensions):
    /// its body is skipped by size and never analysed.
    case other(UInt8)

    init(typeflag: UInt8, name: String) {
        switch typeflag {
        case UInt8(ascii: "0"), UInt8(ascii: "7"): self = .regular
        // v7 archives had no directory type; a trailing slash on the name meant one.
        case 0: self = name.hasSuffix("/") ? .directory : .regular
        case UInt8(ascii: "1"): self = .hardLink
        case UInt8(ascii: "2"): self = .symbolicLink
        case UInt8(ascii: "3"): self = .characterDevice
        case UInt8(ascii: "4"): self = .blockDevice
        case UInt8(ascii: "5"): self = .directory
        case UInt8(ascii: "6"): self = .fifo
        default: self = .other(typeflag)
        }
    }

    /// Types whose size field describes no body in the archive (GNU and POSIX
    /// readers ignore a non-zero size on them), so the parser must not skip one.
    var isHeaderOnly: Bool {
        switch self {
        case .hardLink, .symbolicLink, .characterDevice, .blockDevice, .directory, .fifo: true
        case .regular, .other: false
        }
    }
}
