import BerthModel
import Crypto
import Foundation

/// The key that ``SecretBox`` seals with, kept in a file of its own (mode 0600) beside, not
/// inside, the database: a copied database file alone reveals no secret.
public enum SecretKeyFile {
    /// Reads the key, or makes a new random one when the file does not exist yet.
    public static func loadOrCreate(at path: String) throws -> SymmetricKey {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = Data(base64Encoded: text), data.count == 32 else {
                throw BerthError.invalid("secret key file \(path) must hold 32 bytes in base64 (as Berth writes it)")
            }
            return SymmetricKey(data: data)
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        try PrivateFile.write(text, to: path)
        return key
    }
}
