import BerthModel
import Crypto
import Foundation

/// Seals secrets (registry passwords, tokens, keys) with AES-256-GCM before they reach the
/// store, so the database file never holds one in plaintext.
///
/// Sealed values are self-describing (`aesgcm1:<base64>`) so a future key or algorithm can
/// sit beside this one during a rotation.
public struct SecretBox: Sendable {
    /// Raw key bytes: `SymmetricKey` is not `Sendable`, so it is rebuilt per use.
    private let keyBytes: Data
    static let prefix = "aesgcm1:"

    public init(key: SymmetricKey) {
        self.keyBytes = key.withUnsafeBytes { Data($0) }
    }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// Empty stays empty: there is nothing to hide, and "no password" must stay distinguishable.
    public func seal(_ plaintext: String) throws -> String {
        guard !plaintext.isEmpty else { return "" }
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        guard let combined = box.combined else { throw BerthError.internalError("could not seal a secret") }
        return Self.prefix + combined.base64EncodedString()
    }

    public func open(_ sealed: String) throws -> String {
        guard !sealed.isEmpty else { return "" }
        guard sealed.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count))) else {
            throw BerthError.internalError("a stored secret is not in sealed form; the database may be damaged")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
        } catch {
            throw BerthError.internalError("a stored secret could not be opened: the secret key file does not match this database")
        }
    }
}
