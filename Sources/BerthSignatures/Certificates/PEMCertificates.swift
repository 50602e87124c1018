import SwiftASN1
import X509

/// Reads PEM certificate lists the way cosign annotations and StackRox chains hold them.
enum PEMCertificates {
    /// Every `CERTIFICATE` block in `pem`, in order.
    static func parse(_ pem: String, what: String) throws(CertificateError) -> [Certificate] {
        let blocks: [PEMBlock]
        do {
            blocks = try PEMBlock.parseAll(pem)
        } catch {
            throw .notPEMCertificate("\(what) holds no complete PEM block (\(error)); expected \"-----BEGIN CERTIFICATE-----\"")
        }
        var certificates: [Certificate] = []
        for (index, block) in blocks.enumerated() where block.label == "CERTIFICATE" {
            do {
                certificates.append(try Certificate(derEncoded: block.der))
            } catch {
                if let unsupported = unsupportedKeyReason(certificateDER: block.der) {
                    throw .unsupportedKeyAlgorithm("\(what), certificate \(index + 1): \(unsupported)")
                }
                throw .notPEMCertificate("\(what), certificate \(index + 1) is not a valid X.509 certificate (\(error))")
            }
        }
        guard !certificates.isEmpty else {
            let labels = blocks.map(\.label).joined(separator: ", ")
            throw .notPEMCertificate("\(what) holds no CERTIFICATE block (found \(labels))")
        }
        return certificates
    }

    /// The DER SubjectPublicKeyInfo of a certificate, the form ``PublicKeyVerifier`` reads.
    static func subjectPublicKeyInfo(of certificate: Certificate) throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate.publicKey)
        return serializer.serializedBytes
    }

    /// swift-certificates refuses certificates whose key it cannot use; reading the SPKI by hand lets
    /// that case be reported as an unsupported algorithm rather than as a corrupt certificate.
    private static func unsupportedKeyReason(certificateDER: [UInt8]) -> String? {
        guard let spki = try? extractSPKI(certificateDER: certificateDER) else { return nil }
        do {
            _ = try PublicKeyVerifier(subjectPublicKeyInfo: spki)
            return nil
        } catch {
            return error.isUnsupportedAlgorithm ? error.description : nil
        }
    }

    private static func extractSPKI(certificateDER: [UInt8]) throws -> [UInt8] {
        let root = try DER.parse(certificateDER)
        return try DER.sequence(root, identifier: .sequence) { outer in
            guard let tbsNode = outer.next() else { throw ASN1Error.invalidASN1Object(reason: "no TBSCertificate") }
            while outer.next() != nil {}
            return try DER.sequence(tbsNode, identifier: .sequence) { tbs in
                var fields: [ASN1Node] = []
                while let node = tbs.next() { fields.append(node) }
                // version [0] is optional; then serial, signature, issuer, validity, subject, spki.
                let offset = fields.first?.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) ? 1 : 0
                guard fields.count > offset + 5 else { throw ASN1Error.invalidASN1Object(reason: "short TBSCertificate") }
                return [UInt8](fields[offset + 5].encodedBytes)
            }
        }
    }
}
