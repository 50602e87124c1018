import BerthModel
import BerthSignatures
import BerthStore
import Foundation

/// `imagesignatures`: create and delete only; a signature lives in its image's
/// `signatures` and is read through the image. Cosign signatures found in the registry show
/// there too, but they are the registry's: they cannot be deleted here, and a new signature
/// may not take one's name or content.
public struct ImageSignatureEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "imagesignatures", kind: "ImageSignature", namespaced: false, verbs: ["create", "delete"])
    let images: OpenShiftImageEndpoint
    let service: ImageService

    static func validate(_ signature: ImageSignature, field: String, requireName: Bool) -> [KubeStatusCause] {
        var causes: [KubeStatusCause] = []
        let name = signature.metadata.name ?? ""
        if requireName {
            let parts = name.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: \.isEmpty) {
                causes.append(.invalid("metadata.name", name, "name must be of format <imageName>@<signatureName>"))
            }
        }
        if !(signature.metadata.labels ?? [:]).isEmpty { causes.append(.forbidden("\(prefix(field))metadata.labels", "signatures cannot have labels")) }
        if !(signature.metadata.annotations ?? [:]).isEmpty { causes.append(.forbidden("\(prefix(field))metadata.annotations", "signatures cannot have annotations")) }
        if signature.type.isEmpty { causes.append(.required("\(prefix(field))type")) }
        if signature.content.isEmpty {
            causes.append(.required("\(prefix(field))content"))
        } else if Data(base64Encoded: signature.content) == nil {
            causes.append(.invalid("\(prefix(field))content", "", "content must be base64-encoded bytes"))
        }
        let types = Set((signature.conditions ?? []).compactMap { $0["type"]?.stringValue })
        if types.contains("Trusted") != types.contains("ForImage") {
            causes.append(.invalid("\(prefix(field))conditions", "", "a Trusted condition requires a ForImage condition and vice versa"))
        }
        return causes
    }

    static func prefix(_ field: String) -> String { field.isEmpty ? "" : field + "." }

    /// Signatures are kept without type metadata and without server-verified claims the
    /// client may not set.
    static func stored(_ signature: ImageSignature) -> ImageSignature {
        var signature = signature
        signature.apiVersion = nil
        signature.kind = nil
        signature.metadata.resourceVersion = nil
        return signature
    }

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        var signature = try KubeJSON.decode(ImageSignature.self, from: body, kind: "ImageSignature")
        signature.conditions = nil
        signature.imageIdentity = nil
        signature.signedClaims = nil
        signature.created = nil
        signature.issuedBy = nil
        signature.issuedTo = nil
        let name = signature.metadata.name ?? ""
        let causes = Self.validate(signature, field: "", requireName: true)
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "ImageSignature", group: ImageAPI.group, name: name, causes: causes) }
        let imageName = String(name.prefix { $0 != "@" })
        for _ in 0..<5 {
            let (image, _, version) = try await images.require(imageName)
            var record = image.openShift ?? OpenShiftImageRecord(uid: KubeNames.stableUID(for: image.id), creationTimestamp: KubeTime.now())
            var signatures = record.signatures ?? []
            let existing = signatures + CosignImageSignatures.make(image)
            if existing.contains(where: { $0.metadata.name == name || ($0.type == signature.type && $0.content == signature.content) }) {
                throw KubeStatusError.alreadyExists("imageSignatures", group: ImageAPI.group, name: name)
            }
            signature.metadata.uid = KubeNames.uid()
            signature.metadata.creationTimestamp = KubeTime.now()
            signatures.append(Self.stored(signature))
            record.signatures = signatures
            var updated = image
            updated.openShift = record
            if dryRun { break }
            do {
                _ = try await service.replaceCatalogImage(updated, expectedVersion: version)
                break
            } catch let error as BerthError where error.code == .conflict {
                continue
            }
        }
        return KubeJSON.typed(try KubeJSON.value(signature), kind: "ImageSignature", apiVersion: ImageAPI.apiVersion)
    }

    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue {
        let parts = name.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts.contains(where: \.isEmpty) else {
            throw KubeStatusError.badRequest("ImageSignatures must be accessed with <imageName>@<signatureName>")
        }
        for _ in 0..<5 {
            let (image, _, version) = try await images.require(String(parts[0]))
            let storedIndex = image.openShift?.signatures?.firstIndex(where: { $0.metadata.name == name })
            if storedIndex == nil, CosignImageSignatures.names(of: image).contains(name) {
                throw KubeStatusError(
                    code: 405, reason: "MethodNotAllowed",
                    message: "imagesignatures.\(ImageAPI.group) \"\(name)\" is a cosign signature stored in the image's registry (tag \(CosignDiscovery.signatureTag(for: image.id)) or an OCI referrer); it cannot be deleted through this API: delete it from the registry and scan the image again",
                    details: KubeStatusDetails(name: name, group: ImageAPI.group, kind: "imagesignatures"))
            }
            guard var record = image.openShift, let index = storedIndex else {
                throw KubeStatusError.notFound("imagesignatures", group: ImageAPI.group, name: name)
            }
            record.signatures?.remove(at: index)
            var updated = image
            updated.openShift = record
            if options.dryRun { break }
            do {
                _ = try await service.replaceCatalogImage(updated, expectedVersion: version)
                break
            } catch let error as BerthError where error.code == .conflict {
                continue
            }
        }
        return KubeSuccess.status()
    }
}
