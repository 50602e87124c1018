import SwiftASN1

/// The outer structure of a DER SubjectPublicKeyInfo, read without committing to an algorithm.
///
/// Reading the algorithm identifier first is what lets an unsupported key (DSA, secp256k1, Ed448)
/// be reported as "unsupported algorithm" instead of the vaguer "could not parse key" that trying
/// each swift-crypto initialiser in turn would give.
struct SPKIDocument: Sendable {
    var algorithm: ASN1ObjectIdentifier
    /// The parameters when they are an OID (the named curve of an EC key); `nil` otherwise.
    var parameterOID: ASN1ObjectIdentifier?
    var hasParameters: Bool
    var key: ArraySlice<UInt8>

    init(der: [UInt8]) throws {
        let root = try DER.parse(der)
        self = try DER.sequence(root, identifier: .sequence) { nodes in
            guard let algorithmNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "SubjectPublicKeyInfo has no algorithm")
            }
            let (algorithm, parameterOID, hasParameters) = try DER.sequence(algorithmNode, identifier: .sequence) { inner in
                let algorithm = try ASN1ObjectIdentifier(derEncoded: &inner)
                var parameterOID: ASN1ObjectIdentifier?
                var hasParameters = false
                if let parameters = inner.next() {
                    hasParameters = parameters.identifier != .null
                    if parameters.identifier == .objectIdentifier {
                        parameterOID = try ASN1ObjectIdentifier(derEncoded: parameters)
                    }
                }
                return (algorithm, parameterOID, hasParameters)
            }
            let key = try ASN1BitString(derEncoded: &nodes)
            return SPKIDocument(algorithm: algorithm, parameterOID: parameterOID, hasParameters: hasParameters, key: key.bytes)
        }
    }

    private init(algorithm: ASN1ObjectIdentifier, parameterOID: ASN1ObjectIdentifier?, hasParameters: Bool, key: ArraySlice<UInt8>) {
        self.algorithm = algorithm
        self.parameterOID = parameterOID
        self.hasParameters = hasParameters
        self.key = key
    }
}
