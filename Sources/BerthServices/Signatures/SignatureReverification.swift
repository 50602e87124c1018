import BerthModel
import BerthSignatures
import BerthStore
import Foundation
import Logging

/// Judges the catalogue's stored signatures again after the signature integrations changed,
/// as StackRox's reprocessor does when an integration is saved or removed.
///
/// Only the signatures a scan stored are read, never the registry: a new key must not wait for
/// the next scan to count, and a removed one must stop counting at once, but neither is a reason
/// to fetch anything. Images are found through the `signed` index entry, so an unsigned
/// catalogue costs one empty query. An image is written only when a verdict changed (not merely
/// its verification time), each by compare-and-swap, so a concurrent scan wins and is not undone.
/// A scan that read the integrations before a change and stores its image after this pass has
/// run keeps the older verdicts until the image's next scan or the next integration change.
struct SignatureReverification: Sendable {
    let store: any ObjectStore
    let integrations: SignatureIntegrationService
    let logger = Logger(label: "berth.signatures")

    /// Returns how many images changed.
    @discardableResult
    func run() async throws -> Int {
        let configured = try await integrations.list()
        var changed = 0
        var after: String?
        repeat {
            let page = try await store.list(kind: ImageService.kind, query: ListQuery(
                filters: [IndexFilter(ImageService.signedIndex, equals: "true")], limit: 100, continueAfter: after))
            for object in page.items {
                if try await reverify(key: object.key, integrations: configured) { changed += 1 }
            }
            after = page.continueKey
        } while after != nil
        return changed
    }

    /// One image, retried while concurrent writers keep moving it.
    private func reverify(key: String, integrations: [SignatureIntegration]) async throws -> Bool {
        for _ in 0..<5 {
            guard let (stored, object) = try await store.getValue(Image.self, kind: ImageService.kind, key: key) else { return false }
            let signatures = CosignSignature.stored(in: stored)
            guard !signatures.isEmpty else { return false }
            let judgement = await ImageSigning.judge(signatures, digest: stored.id, names: stored.names.map(\.fullName), integrations: integrations)
            let before = ImageSigning.Judgement(verification: stored.signatureVerificationData, verified: stored.verifiedSignatures)
            guard Self.timeless(judgement) != Self.timeless(before) else { return false }
            var image = stored
            image.signatureVerificationData = judgement.verification
            image.verifiedSignatures = judgement.verified
            image.notes = ImageService.notes(for: image)
            do {
                try await store.update(kind: ImageService.kind, key: key, body: try StoreCoding.encode(image),
                                       index: ImageService.index(image), expectedVersion: object.resourceVersion)
                return true
            } catch let error as BerthError where error.code == .conflict {
                continue
            } catch let error as BerthError where error.code == .notFound {
                return false
            }
        }
        logger.warning("signature verification of \(key) was not recomputed: the image kept changing")
        return false
    }

    /// The judgement without its verification times, which differ on every run.
    private static func timeless(_ judgement: ImageSigning.Judgement) -> ImageSigning.Judgement {
        var copy = judgement
        if case .object(var verification)? = copy.verification, let results = verification["results"]?.arrayValue {
            verification["results"] = .array(results.map { result in
                guard case .object(var fields) = result else { return result }
                fields["verificationTime"] = nil
                return .object(fields)
            })
            copy.verification = .object(verification)
        }
        return copy
    }
}
