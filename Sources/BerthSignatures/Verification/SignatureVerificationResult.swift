import Foundation

/// One integration's verdict on one image (StackRox `ImageSignatureVerificationResult`).
///
/// Encodes with StackRox's field names (`verifierId`, `verificationTime`, …) so the RHACS dialect can
/// serve it as is; ``matches`` and ``certificateValidationTime`` are Berth's additions.
public struct SignatureVerificationResult: Sendable, Hashable, Codable {
    /// The signature integration's ID.
    public var verifierID: String
    /// The signature integration's name (StackRox's newer `verifierName`).
    public var verifierName: String
    public var status: SignatureVerificationStatus
    /// Why verification did not succeed, in words a person can act on; `nil` when verified, as in StackRox.
    public var description: String?
    /// Full image names the verified signatures cover, sorted and unique.
    public var verifiedImageReferences: [String]
    /// When the verification ran.
    public var verificationTime: Date
    /// The instant certificate validity was judged at.
    public var certificateValidationTime: Date
    /// The signatures that verified.
    public var matches: [SignatureMatch]

    public init(
        verifierID: String,
        verifierName: String,
        status: SignatureVerificationStatus,
        description: String?,
        verifiedImageReferences: [String],
        verificationTime: Date,
        certificateValidationTime: Date,
        matches: [SignatureMatch]
    ) {
        self.verifierID = verifierID
        self.verifierName = verifierName
        self.status = status
        self.description = description
        self.verifiedImageReferences = verifiedImageReferences
        self.verificationTime = verificationTime
        self.certificateValidationTime = certificateValidationTime
        self.matches = matches
    }

    private enum CodingKeys: String, CodingKey {
        case verifierID = "verifierId"
        case verifierName, status, description, verifiedImageReferences, verificationTime
        case certificateValidationTime, matches
    }
}
