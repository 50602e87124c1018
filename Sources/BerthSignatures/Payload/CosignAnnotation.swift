/// Keys and media types cosign writes on the layers of a `<repo>:sha256-<hex>.sig` manifest.
///
/// These are cosign's code constants. SIGNATURE_SPEC's prose spells the certificate keys with a
/// `dev.cosignproject.cosign/` prefix, but its own examples and every cosign release write
/// `dev.sigstore.cosign/`, so a fetcher that followed the prose would find no certificates.
public enum CosignAnnotation {
    /// Base64 (standard alphabet, padded) of the raw signature over the layer blob.
    public static let signature = "dev.cosignproject.cosign/signature"
    /// PEM leaf certificate of a keyless (Fulcio-style) signature.
    public static let certificate = "dev.sigstore.cosign/certificate"
    /// PEM intermediates (and usually the root) that issued the leaf certificate.
    public static let chain = "dev.sigstore.cosign/chain"
    /// Rekor bundle JSON: `{SignedEntryTimestamp, Payload: {body, integratedTime, logIndex, logID}}`.
    public static let bundle = "dev.sigstore.cosign/bundle"
    /// RFC 3161 timestamp response, carried but not interpreted here.
    public static let rfc3161Timestamp = "dev.sigstore.cosign/rfc3161timestamp"
    /// The layer media type whose blob is a simple-signing payload.
    public static let simpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json"
}
