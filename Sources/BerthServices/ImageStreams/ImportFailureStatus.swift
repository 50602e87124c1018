import BerthModel
import BerthRegistry

/// A failed image lookup as the per-image status of an import reports it, with upstream's
/// reasons and wording (reference/openshift.md §2.7), so `oc describe is` reads the same.
struct ImportFailureStatus: Error, Sendable {
    var status: EmbeddedStatus

    init(code: Int, reason: String, message: String, details: JSONValue? = nil) {
        status = EmbeddedStatus(status: "Failure", message: message, reason: reason, code: code, details: details)
    }

    init(embedded: EmbeddedStatus) {
        status = embedded
    }

    /// A 404 anywhere wins (the image is not there, whoever asks); then an authorization
    /// failure, worded by whether any credentials were tried; anything else is internal.
    static func from(_ failure: ImportFetchFailure, reference: String, hadCredentials: Bool) -> ImportFailureStatus {
        switch failure {
        case .blocked(let why):
            return ImportFailureStatus(code: 403, reason: "Forbidden", message: "forbidden: registry of \(reference) blocked: \(why)")
        case .registry(let errors):
            if errors.contains(where: { if case .notFound = $0 { true } else { false } }) {
                return ImportFailureStatus(code: 404, reason: "NotFound", message: "dockerimage.image.openshift.io \"\(reference)\" not found",
                                           details: ["name": .string(reference), "kind": "dockerimage"])
            }
            if errors.contains(where: { if case .unauthorized = $0 { true } else { false } }) {
                let message = hadCredentials
                    ? "incorrect username or password for image \"\(reference)\": you may not have access to the container image \"\(reference)\""
                    : "you may not have access to the container image \"\(reference)\""
                return ImportFailureStatus(code: 401, reason: "Unauthorized", message: message)
            }
            let detail = errors.map(\.description).joined(separator: "; ")
            return ImportFailureStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(reference): \(detail.isEmpty ? "no registry could be tried" : detail)")
        }
    }
}
