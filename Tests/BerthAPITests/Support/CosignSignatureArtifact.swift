import Crypto
import Foundation

/// A cosign `.sig` artifact laid out as cosign writes it (reference C.1), written as an OCI
/// layout and pushed with skopeo to `<repo>:sha256-<hex>.sig`.
///
/// One image manifest; its config is a small OCI config JSON and each layer is one signature:
/// media type `application/vnd.dev.cosign.simplesigning.v1+json`, the payload bytes as the blob,
/// the base64 signature (and for keyless signing the certificate and chain) as annotations.
struct CosignSignatureArtifact {
    struct Layer {
        var payload: [UInt8]
        var annotations: [String: String]

        /// A signature made with a key.
        init(payload: [UInt8], signature: [UInt8]) {
            self.payload = payload
            annotations = [CosignTestSigner.signatureAnnotation: Data(signature).base64EncodedString()]
        }

        /// A keyless signature: the certificate and chain ride along.
        init(payload: [UInt8], signature: [UInt8], certificatePEM: String, chainPEM: String) {
            self.init(payload: payload, signature: signature)
            annotations[CosignTestSigner.certificateAnnotation] = certificatePEM
            annotations[CosignTestSigner.chainAnnotation] = chainPEM
        }
    }

    static let layerMediaType = "application/vnd.dev.cosign.simplesigning.v1+json"

    var layers: [Layer]

    /// `sha256:abc` → `sha256-abc.sig`.
    static func tag(for digest: String) -> String {
        digest.replacingOccurrences(of: ":", with: "-") + ".sig"
    }

    /// Writes the layout and copies it to `repository:sha256-<hex>.sig`; returns the tag's reference.
    @discardableResult
    func push(to repository: String, signing imageDigest: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("berth-sig-\(UUID().uuidString)")
        try write(to: directory)
        let destination = "\(repository):\(Self.tag(for: imageDigest))"
        try TestImages.run("/usr/bin/skopeo", ["copy", "-q", "--retry-times", "3", "--dest-tls-verify=false",
                                               "oci:\(directory.path):sig", "docker://\(destination)"])
        return destination
    }

    func write(to directory: URL) throws {
        let blobs = directory.appendingPathComponent("blobs/sha256")
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
        func put(_ bytes: [UInt8]) throws -> (digest: String, size: Int) {
            let hex = CosignTestSigner.hex(SHA256.hash(data: bytes))
            try Data(bytes).write(to: blobs.appendingPathComponent(hex))
            return ("sha256:" + hex, bytes.count)
        }
        var layerDescriptors: [[String: Any]] = []
        var diffIDs: [String] = []
        for layer in layers {
            let blob = try put(layer.payload)
            diffIDs.append(blob.digest)
            layerDescriptors.append(["mediaType": Self.layerMediaType, "digest": blob.digest, "size": blob.size, "annotations": layer.annotations])
        }
        // The config cosign writes: no platform, one history entry, the payloads as diff ids.
        let config = try put(Self.json([
            "architecture": "", "os": "", "created": "0001-01-01T00:00:00Z", "config": [String: Any](),
            "history": [["created": "0001-01-01T00:00:00Z"]], "rootfs": ["type": "layers", "diff_ids": diffIDs],
        ]))
        let manifest = try put(Self.json([
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": ["mediaType": "application/vnd.oci.image.config.v1+json", "digest": config.digest, "size": config.size],
            "layers": layerDescriptors,
        ]))
        let index = Self.json([
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
            "manifests": [[
                "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest.digest, "size": manifest.size,
                "annotations": ["org.opencontainers.image.ref.name": "sig"],
            ]],
        ])
        try Data(index).write(to: directory.appendingPathComponent("index.json"))
        try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: directory.appendingPathComponent("oci-layout"))
    }

    static func json(_ object: Any) -> [UInt8] {
        Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
}
