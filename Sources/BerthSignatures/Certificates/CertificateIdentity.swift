import Crypto
import Foundation
import SwiftASN1
import X509

/// Who a signing certificate names and who issued it, as display strings.
///
/// Identity policies match ``subjectAlternativeNames`` and ``oidcIssuer``; OpenShift's ImageSignature
/// shows `issuedBy` (issuer organization and common name) and `issuedTo` (subject organization,
/// common name and publicKeyID). Fulcio leaves have an empty subject, so ``subjectDisplayName`` falls
/// back to the first SAN, which is the signer's email or workflow URI.
public struct CertificateIdentity: Sendable, Hashable, Codable {
    public var subjectCommonName: String?
    public var subjectOrganization: String?
    public var issuerCommonName: String?
    public var issuerOrganization: String?
    public var emailAddresses: [String]
    public var uris: [String]
    public var dnsNames: [String]
    public var ipAddresses: [String]
    /// UTF-8 OtherName SANs (Fulcio writes usernames this way).
    public var otherNames: [String]
    /// The Fulcio OIDC issuer extension, if present.
    public var oidcIssuer: String?
    /// Low 64 bits of the SHA-256 of the certified key, as `0x…`.
    public var publicKeyID: String
    public var notValidBefore: Date
    public var notValidAfter: Date

    /// Reads the first certificate of a PEM text (a `dev.sigstore.cosign/certificate` annotation).
    public init(pem: String) throws(CertificateError) {
        let certificates = try PEMCertificates.parse(pem, what: "the certificate")
        self.init(certificate: certificates[0])
    }

    init(certificate: Certificate) {
        subjectCommonName = Self.attribute(.RDNAttributeType.commonName, in: certificate.subject)
        subjectOrganization = Self.attribute(.RDNAttributeType.organizationName, in: certificate.subject)
        issuerCommonName = Self.attribute(.RDNAttributeType.commonName, in: certificate.issuer)
        issuerOrganization = Self.attribute(.RDNAttributeType.organizationName, in: certificate.issuer)
        var emails: [String] = []
        var uris: [String] = []
        var dns: [String] = []
        var ips: [String] = []
        var others: [String] = []
        if let names = try? certificate.extensions.subjectAlternativeNames {
            for name in names {
                switch name {
                case .rfc822Name(let value): emails.append(value)
                case .uniformResourceIdentifier(let value): uris.append(value)
                case .dnsName(let value): dns.append(value)
                case .ipAddress(let octets): ips.append(Self.formatIP(Array(octets.bytes)))
                case .otherName(let other):
                    if let value = other.value, let text = try? ASN1UTF8String(asn1Any: value) {
                        others.append(String(text))
                    }
                default: break
                }
            }
        }
        emailAddresses = emails
        self.uris = uris
        dnsNames = dns
        ipAddresses = ips
        otherNames = others
        oidcIssuer = FulcioExtension.oidcIssuer(of: certificate)
        let spki = (try? PEMCertificates.subjectPublicKeyInfo(of: certificate)) ?? []
        let hex = SHA256.hash(data: spki).map { String(format: "%02x", $0) }.joined()
        publicKeyID = "0x" + String(hex.suffix(16))
        notValidBefore = certificate.notValidBefore
        notValidAfter = certificate.notValidAfter
    }

    /// Every SAN as text, in cosign's order (DNS, email, IP, URI, OtherName): what identity regexes match.
    public var subjectAlternativeNames: [String] {
        dnsNames + emailAddresses + ipAddresses + uris + otherNames
    }

    /// The subject common name, else the first SAN: the human answer to "signed by whom".
    public var subjectDisplayName: String {
        subjectCommonName ?? subjectAlternativeNames.first ?? ""
    }

    private static func attribute(_ type: ASN1ObjectIdentifier, in name: DistinguishedName) -> String? {
        for rdn in name {
            for attribute in rdn where attribute.type == type {
                if let text = String(attribute.value) { return text }
            }
        }
        return nil
    }

    private static func formatIP(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 {
            return bytes.map(String.init).joined(separator: ".")
        }
        guard bytes.count == 16 else { return bytes.map { String(format: "%02x", $0) }.joined() }
        let groups = stride(from: 0, to: 16, by: 2).map { (UInt16(bytes[$0]) << 8) | UInt16(bytes[$0 + 1]) }
        // Compress the longest run of zero groups, as Go's net.IP.String does.
        var bestStart = -1, bestLength = 0, runStart = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = index }
                let length = index - runStart + 1
                if length > bestLength, length > 1 { bestStart = runStart; bestLength = length }
            } else {
                runStart = -1
            }
        }
        func hex(_ slice: ArraySlice<UInt16>) -> String { slice.map { String($0, radix: 16) }.joined(separator: ":") }
        guard bestStart >= 0 else { return hex(groups[...]) }
        return hex(groups[..<bestStart]) + "::" + hex(groups[(bestStart + bestLength)...])
    }
}
