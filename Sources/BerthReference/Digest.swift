/// A content digest such as `sha256:<64 hex>`.
///
/// Only the algorithms go-digest registers by default are accepted, with their exact
/// lengths and lowercase hex, because registries compare digests as strings.
/// Hashing itself lives elsewhere: this target has no crypto dependency.
public struct Digest: Sendable, Hashable, Codable, CustomStringConvertible {
    public let algorithm: String
    public let hex: String

    /// Hex length per supported algorithm.
    public static let supportedAlgorithms: [String: Int] = ["sha256": 64, "sha384": 96, "sha512": 128]

    public static func parse(_ text: String) throws(ReferenceError) -> Digest {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
            throw .invalidDigest(text, "expected <algorithm>:<hex>")
        }
        let algorithm = String(text[..<colon])
        let hex = String(text[text.index(after: colon)...])
        guard let length = supportedAlgorithms[algorithm] else {
            throw .invalidDigest(text, "unsupported digest algorithm \(ReferenceError.quoted(algorithm)) (use sha256, sha384 or sha512)")
        }
        guard hex.utf8.allSatisfy({ isLowerHex($0) }) else {
            throw .invalidDigest(text, "digest hex must be lowercase 0-9a-f")
        }
        guard hex.utf8.count == length else {
            throw .invalidDigest(text, "\(algorithm) digests have \(length) hex characters")
        }
        return Digest(algorithm: algorithm, hex: hex)
    }

    /// StackRox stores image ids as digests but accepts a bare hex id from clients.
    public static func normalizedID(_ id: String) -> String {
        id.contains(":") ? id : "sha256:" + id
    }

    public var string: String { algorithm + ":" + hex }
    public var description: String { string }

    private init(algorithm: String, hex: String) {
        self.algorithm = algorithm
        self.hex = hex
    }

    static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }

    // Encoded as the plain "sha256:…" string, the way it appears in JSON everywhere.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Digest.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
