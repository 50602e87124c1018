import Foundation

/// The verifier configuration for one signature integration, in StackRox's shape.
///
/// Coding follows StackRox's `storage.SignatureIntegration` JSON (`cosign.publicKeys[]`,
/// `cosignCertificates[]`), so a RHACS client's create request decodes into it directly.
/// Transparency-log settings are not modelled: this engine verifies offline and never contacts Rekor.
public struct SignatureIntegration: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var publicKeys: [CosignPublicKey]
    public var certificates: [CosignCertificateVerification]

    public init(id: String, name: String, publicKeys: [CosignPublicKey] = [], certificates: [CosignCertificateVerification] = []) {
        self.id = id
        self.name = name
        self.publicKeys = publicKeys
        self.certificates = certificates
    }

    /// Everything that would make part of this integration unusable, empty when all of it is usable.
    ///
    /// ID format rules (StackRox's `io.stackrox.signatureintegration.` prefix) belong to the API
    /// that mints IDs and are not checked here.
    public func validationProblems() -> [SignatureIntegrationProblem] {
        var problems: [SignatureIntegrationProblem] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.init(field: "name", kind: .missingField, message: "name field must be set"))
        }
        for (index, key) in publicKeys.enumerated() where key.name.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.init(field: "cosign.publicKeys[\(index)].name", kind: .missingField, message: "public key name should be filled"))
        }
        return problems + ConfiguredVerifiers(integration: self).problems
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, cosign
        case certificates = "cosignCertificates"
    }

    private enum CosignKeys: String, CodingKey {
        case publicKeys
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        if container.contains(.cosign), try !container.decodeNil(forKey: .cosign) {
            let cosign = try container.nestedContainer(keyedBy: CosignKeys.self, forKey: .cosign)
            publicKeys = try cosign.decodeIfPresent([CosignPublicKey].self, forKey: .publicKeys) ?? []
        } else {
            publicKeys = []
        }
        certificates = try container.decodeIfPresent([CosignCertificateVerification].self, forKey: .certificates) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        var cosign = container.nestedContainer(keyedBy: CosignKeys.self, forKey: .cosign)
        try cosign.encode(publicKeys, forKey: .publicKeys)
        try container.encode(certificates, forKey: .certificates)
    }
}
