import BerthModel
import BerthReference
import BerthStore
import Foundation

/// `images`: the catalogue itself, shown as Image objects. A create adds a catalogue entry
/// (as a registry push would); an update may change labels, annotations, signatures and the
/// pull spec, while layers and metadata stay as the registry described them.
public struct OpenShiftImageEndpoint: ResourceEndpoint {
    public let descriptor = ResourceDescriptor(group: ImageAPI.group, name: "images", kind: "Image", namespaced: false, verbs: ResourceDescriptor.allVerbs,
                                               mergeKeys: ["signatures": "name", "signatures[].conditions": "type"])
    let store: any ObjectStore
    let images: ImageService

    public var table: ResourceTable {
        ResourceTable(columns: [.init("Name", format: "name"), .init("Image Reference")]) { object in
            [object["metadata"]?["name"] ?? "", object["dockerImageReference"] ?? ""]
        }
    }

    var listing: StoreListing<OpenShiftImage> {
        StoreListing(store: store, storeKind: ImageService.catalogKind, namespaced: false, decode: { stored in
            OpenShiftImageView.make(try StoreCoding.decode(Image.self, from: stored.body), version: stored.resourceVersion)
        }, fields: { _ in [:] })
    }

    func wire(_ image: OpenShiftImage) throws -> JSONValue {
        KubeJSON.typed(try KubeJSON.value(image), kind: "Image", apiVersion: ImageAPI.apiVersion)
    }

    public func read(_ name: String) async throws -> (Image, OpenShiftImage, Int64)? {
        guard let stored = try await store.get(kind: ImageService.catalogKind, key: name) else { return nil }
        let image = try StoreCoding.decode(Image.self, from: stored.body)
        return (image, OpenShiftImageView.make(image, version: stored.resourceVersion), stored.resourceVersion)
    }

    func require(_ name: String) async throws -> (Image, OpenShiftImage, Int64) {
        guard let found = try await read(name) else { throw KubeStatusError.notFound("images", group: ImageAPI.group, name: name) }
        return found
    }

    public func get(namespace: String?, name: String, caller: ResourceCaller) async throws -> JSONValue {
        try wire(try await require(name).1)
    }

    public func list(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> ResourceList {
        let page = try await listing.list(namespace: nil, options: options)
        return ResourceList(items: try page.items.map { KubeJSON.untyped(try wire($0)) }, resourceVersion: String(page.version),
                            continueToken: page.continueToken, remainingItemCount: page.remaining)
    }

    public func watch(namespace: String?, options: ListOptions, caller: ResourceCaller) async throws -> AsyncThrowingStream<ResourceWatchEvent, Error> {
        try await listing.watch(namespace: nil, options: options) { try self.wire($0) }
    }

    static func validate(_ image: OpenShiftImage) -> [KubeStatusCause] {
        let name = image.metadata.name ?? ""
        var causes = KubeNames.pathSegmentProblems(name).map { KubeStatusCause.invalid("metadata.name", name, $0) }
        let reference = image.dockerImageReference ?? ""
        if reference.isEmpty {
            causes.append(.required("dockerImageReference"))
        } else if let problem = PullSpec.problem(reference) {
            causes.append(.invalid("dockerImageReference", reference, problem))
        }
        if let manifests = image.dockerImageManifests, !manifests.isEmpty {
            for (index, manifest) in manifests.enumerated() {
                let field = "dockerImageManifests[\(index)]"
                if manifest.digest.range(of: "^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$", options: .regularExpression) == nil {
                    causes.append(.invalid("\(field).digest", manifest.digest, "digest does not conform with OCI image specification"))
                }
                if manifest.architecture.isEmpty { causes.append(.required("\(field).architecture")) }
                if manifest.os.isEmpty { causes.append(.required("\(field).os")) }
                if manifest.manifestSize < 0 { causes.append(.invalid("\(field).manifestSize", String(manifest.manifestSize), "manifestSize cannot be negative")) }
            }
            if !(image.dockerImageLayers ?? []).isEmpty {
                causes.append(.invalid("dockerImageLayers", "", "dockerImageLayers should not be set when dockerImageManifests is set"))
            }
        }
        for (index, signature) in (image.signatures ?? []).enumerated() {
            causes += ImageSignatureEndpoint.validate(signature, field: "signatures[\(index)]", requireName: false)
        }
        return causes
    }

    public func create(namespace: String?, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> JSONValue {
        var input = try KubeJSON.decode(OpenShiftImage.self, from: body, kind: "Image")
        let name = input.metadata.name ?? ""
        guard !name.isEmpty else { throw KubeStatusError.invalid(kind: "Image", group: ImageAPI.group, name: "", causes: [.required("metadata.name")]) }
        let causes = Self.validate(input)
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "Image", group: ImageAPI.group, name: name, causes: causes) }
        if try await read(name) != nil { throw KubeStatusError.alreadyExists("images", group: ImageAPI.group, name: name) }
        var record = OpenShiftImageRecord(uid: KubeNames.uid(), creationTimestamp: KubeTime.now())
        record.labels = input.metadata.labels
        record.annotations = input.metadata.annotations
        record.dockerImageReference = input.dockerImageReference
        record.signatures = input.signatures?.map(ImageSignatureEndpoint.stored)
        ImageManifestFacts.fill(&record, from: &input)
        var image = Image()
        image.id = name
        if let reference = try? ImageReference.parse(input.dockerImageReference ?? "") {
            var imageName = ImageName()
            imageName.registry = reference.registry
            imageName.remote = reference.repository
            imageName.tag = reference.tag ?? ""
            imageName.fullName = reference.fullName
            image.name = imageName
            image.names = [imageName]
        }
        image.lastUpdated = Timestamps.format(Date())
        image.openShift = record
        if dryRun { return try wire(OpenShiftImageView.make(image, version: try await store.currentVersion())) }
        do {
            let version = try await images.replaceCatalogImage(image, expectedVersion: nil)
            return try wire(OpenShiftImageView.make(image, version: version))
        } catch let error as BerthError where error.code == .alreadyExists {
            throw KubeStatusError.alreadyExists("images", group: ImageAPI.group, name: name)
        }
    }

    public func update(namespace: String?, name: String, body: JSONValue, dryRun: Bool, caller: ResourceCaller) async throws -> (object: JSONValue, created: Bool) {
        var input = try KubeJSON.decode(OpenShiftImage.self, from: body, kind: "Image")
        let (image, old, version) = try await require(name)
        // The registry's cosign signatures come back in every GET-modify-PUT; they are the
        // registry's to change, so whatever the body says of them is dropped, as OpenShift drops
        // changes to dockerImageSignatures.
        let registryOwned = CosignImageSignatures.names(of: image)
        input.signatures?.removeAll { registryOwned.contains($0.metadata.name ?? "") }
        if let given = input.metadata.name, given != name {
            throw KubeStatusError.badRequest("the name of the object (\(given)) does not match the name on the URL (\(name))")
        }
        guard let text = input.metadata.resourceVersion, !text.isEmpty else {
            throw KubeStatusError.invalid(kind: "Image", group: ImageAPI.group, name: name,
                                          causes: [.invalid("metadata.resourceVersion", "0x0", "must be specified for an update")])
        }
        guard text == String(version) else { throw KubeStatusError.conflict("images", group: ImageAPI.group, name: name) }
        var candidate = old
        candidate.metadata.labels = input.metadata.labels
        candidate.metadata.annotations = input.metadata.annotations
        candidate.dockerImageReference = input.dockerImageReference
        candidate.signatures = input.signatures
        let causes = Self.validate(candidate)
        if !causes.isEmpty { throw KubeStatusError.invalid(kind: "Image", group: ImageAPI.group, name: name, causes: causes) }
        var updated = image
        var record = image.openShift ?? OpenShiftImageRecord(uid: old.metadata.uid ?? KubeNames.stableUID(for: name), creationTimestamp: old.metadata.creationTimestamp ?? KubeTime.now())
        record.labels = input.metadata.labels
        var annotations = input.metadata.annotations ?? [:]
        annotations["image.openshift.io/dockerLayersOrder"] = nil
        for key in annotations.keys where key.hasPrefix(OpenShiftImageView.scanPrefix) { annotations[key] = nil }
        record.annotations = annotations.isEmpty ? nil : annotations
        record.dockerImageReference = input.dockerImageReference
        record.signatures = input.signatures?.map(ImageSignatureEndpoint.stored)
        if record.layers == nil { record.layers = old.dockerImageLayers }
        updated.openShift = record
        if dryRun { return (try wire(OpenShiftImageView.make(updated, version: version)), false) }
        do {
            let newVersion = try await images.replaceCatalogImage(updated, expectedVersion: version)
            return (try wire(OpenShiftImageView.make(updated, version: newVersion)), false)
        } catch let error as BerthError where error.code == .conflict {
            throw KubeStatusError.conflict("images", group: ImageAPI.group, name: name)
        }
    }

    public func delete(namespace: String?, name: String, options: DeleteOptions, caller: ResourceCaller) async throws -> JSONValue {
        let (_, old, version) = try await require(name)
        if let uid = options.preconditionUID, uid != old.metadata.uid {
            throw KubeStatusError.conflict("images", group: ImageAPI.group, name: name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(old.metadata.uid ?? "")")
        }
        if !options.dryRun {
            do {
                try await store.delete(kind: ImageService.catalogKind, key: name, expectedVersion: version)
            } catch let error as BerthError where error.code == .conflict || error.code == .notFound {
                throw KubeStatusError.conflict("images", group: ImageAPI.group, name: name)
            }
        }
        return KubeSuccess.status(name: name, group: ImageAPI.group, resource: "images", uid: old.metadata.uid)
    }
}
