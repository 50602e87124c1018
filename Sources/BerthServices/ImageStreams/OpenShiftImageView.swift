import BerthModel
import BerthRegistry
import BerthStore
import Foundation

/// Turns a catalogue image (StackRox shape) into the OpenShift Image object. Images that were
/// only ever scanned through StackRox still get a full view: a stable uid from the digest,
/// the pull spec from their name, metadata from their config.
enum OpenShiftImageView {
    static func make(_ image: Image, version: Int64) -> OpenShiftImage {
        let record = image.openShift
        var view = OpenShiftImage()
        view.metadata.name = image.id
        view.metadata.uid = record?.uid ?? KubeNames.stableUID(for: image.id)
        view.metadata.creationTimestamp = record?.creationTimestamp ?? image.lastUpdated.flatMap(Self.kubeTime)
        view.metadata.resourceVersion = String(version)
        view.metadata.labels = record?.labels
        var annotations = record?.annotations ?? [:]
        annotations["image.openshift.io/dockerLayersOrder"] = "ascending"
        for (key, value) in scanAnnotations(image) { annotations[key] = value }
        view.metadata.annotations = annotations
        let name = image.name
        view.dockerImageReference = record?.dockerImageReference
            ?? name.map { "\($0.registry.isEmpty ? "" : $0.registry + "/")\($0.remote)@\(image.id)" }
        view.dockerImageMetadata = record?.dockerImageMetadata ?? Self.metadata(from: image)
        view.dockerImageMetadataVersion = "1.0"
        view.dockerImageManifestMediaType = record?.manifestMediaType
        if let manifests = record?.manifests, !manifests.isEmpty {
            view.dockerImageManifests = manifests
        } else {
            view.dockerImageLayers = record?.layers ?? image.metadata?.layerShas.map { OpenShiftImageLayer(name: $0, size: 0, mediaType: "") }
        }
        // Signatures created through the OpenShift API first, then those the registry holds.
        let signatures = (record?.signatures ?? []) + CosignImageSignatures.make(image)
        view.signatures = signatures.isEmpty ? nil : signatures
        return view
    }

    /// What a scan (through `/v1/images/scan`) found, where OpenShift users look: annotations
    /// on the Image. Server-owned: recomputed on every read, never stored from a client.
    static func scanAnnotations(_ image: Image) -> [String: String] {
        guard let scan = image.scan else { return [:] }
        var annotations = [
            scanPrefix + "cves": String(image.cves ?? 0),
            scanPrefix + "fixable-cves": String(image.fixableCves ?? 0),
            scanPrefix + "components": String(image.components ?? 0),
            scanPrefix + "risk-score": String(format: "%.2f", image.riskScore),
        ]
        if let time = scan.scanTime { annotations[scanPrefix + "time"] = time }
        if let top = image.topCvss { annotations[scanPrefix + "top-cvss"] = String(format: "%.1f", top) }
        if !scan.operatingSystem.isEmpty { annotations[scanPrefix + "os"] = scan.operatingSystem }
        return annotations
    }

    static let scanPrefix = "scan.berth.dev/"

    static func kubeTime(_ text: String) -> String? {
        KubeTime.parse(text).map(KubeTime.format)
    }

    /// The `DockerImage` object, from what StackRox keeps of the config.
    static func metadata(from image: Image) -> JSONValue {
        let v1 = image.metadata?.v1
        var config: [String: JSONValue] = [:]
        if let v1 {
            if !v1.user.isEmpty { config["User"] = .string(v1.user) }
            if !v1.command.isEmpty { config["Cmd"] = .array(v1.command.map(JSONValue.string)) }
            if !v1.entrypoint.isEmpty { config["Entrypoint"] = .array(v1.entrypoint.map(JSONValue.string)) }
            if !v1.labels.isEmpty { config["Labels"] = .object(v1.labels.mapValues(JSONValue.string)) }
        }
        var object: [String: JSONValue] = [
            "kind": "DockerImage", "apiVersion": "image.openshift.io/1.0",
            "Id": .string(v1?.digest ?? image.id), "Created": v1?.created.flatMap(kubeTime).map(JSONValue.string) ?? .null,
            "ContainerConfig": [:],
        ]
        if !config.isEmpty { object["Config"] = .object(config) }
        return .object(object)
    }

    /// The `DockerImage` object of a fresh import, from the config blob itself.
    static func metadata(from config: ImageConfig?, configDigest: String, size: Int64) -> JSONValue {
        var object: [String: JSONValue] = [
            "kind": "DockerImage", "apiVersion": "image.openshift.io/1.0", "Id": .string(configDigest),
            "Created": config?.created.flatMap(kubeTime).map(JSONValue.string) ?? .null, "ContainerConfig": [:],
        ]
        if let inner = config?.config {
            var fields: [String: JSONValue] = [:]
            if let user = inner.User, !user.isEmpty { fields["User"] = .string(user) }
            if let env = inner.Env, !env.isEmpty { fields["Env"] = .array(env.map(JSONValue.string)) }
            if let cmd = inner.Cmd, !cmd.isEmpty { fields["Cmd"] = .array(cmd.map(JSONValue.string)) }
            if let entrypoint = inner.Entrypoint, !entrypoint.isEmpty { fields["Entrypoint"] = .array(entrypoint.map(JSONValue.string)) }
            if let labels = inner.Labels, !labels.isEmpty { fields["Labels"] = .object(labels.mapValues(JSONValue.string)) }
            if let dir = inner.WorkingDir, !dir.isEmpty { fields["WorkingDir"] = .string(dir) }
            if let volumes = inner.Volumes, !volumes.isEmpty { fields["Volumes"] = .object(volumes.mapValues { _ in [:] }) }
            if !fields.isEmpty { object["Config"] = .object(fields) }
        }
        if let architecture = config?.architecture { object["Architecture"] = .string(architecture) }
        if let author = config?.author, !author.isEmpty { object["Author"] = .string(author) }
        if size > 0 { object["Size"] = .number(Double(size)) }
        return .object(object)
    }
}
