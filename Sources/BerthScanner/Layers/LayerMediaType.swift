import Foundation

/// How a layer's bytes are encoded, decided from its descriptor's media type.
///
/// The declared compression is only a hint: registries and old tools label
/// plain tars as gzip and the reverse, so `LayerDecoder` sniffs the first
/// bytes of every layer whose type names a tar (as go-containerregistry and
/// containerd do). What this type settles is whether the layer is a tar at all
/// and whether its declared compression is one we can read.
enum LayerMediaType: Sendable, Hashable {
    case tar
    case gzipTar
    /// A type we cannot read: zstd today, or not a layer type we know.
    case unsupported

    init(_ mediaType: String) {
        // Parameters (`; charset=…`) and case never change the encoding.
        let base = mediaType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        switch base.trimmingCharacters(in: .whitespaces).lowercased() {
        case "application/vnd.oci.image.layer.v1.tar",
            "application/vnd.oci.image.layer.nondistributable.v1.tar":
            self = .tar
        case "application/vnd.oci.image.layer.v1.tar+gzip",
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
            "application/vnd.docker.image.rootfs.diff.tar.gzip",
            "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip":
            self = .gzipTar
        default:
            self = .unsupported
        }
    }
}
