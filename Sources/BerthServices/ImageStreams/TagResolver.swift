import BerthModel
import BerthStore

/// Fills status for spec tags that point inside the cluster (`ImageStreamTag`,
/// `ImageStreamImage`) or are plain references, the moment the spec changes, as upstream's
/// `tagsChanged` does; `DockerImage` tags wait for an import instead.
struct TagResolver: Sendable {
    let streams: StreamReader
    let internalRegistryHost: String?

    /// Resolves the named tags (all when nil) and then the tags that track them.
    func resolve(_ stream: inout ImageStream, tags names: Set<String>?, now: String) async throws {
        var causes: [KubeStatusCause] = []
        var changedTags = Set<String>()
        let specTags = (stream.spec.tags ?? []).filter { names?.contains($0.name) ?? true }
        for tag in specTags {
            guard let from = tag.from else { continue }
            let field = "spec.tags[\(tag.name)].from.name"
            let fromName = from.name ?? ""
            switch from.kind ?? "" {
            case "DockerImage":
                guard tag.reference == true else { continue }
                let event = TagEvent(created: now, dockerImageReference: fromName, image: "", generation: tag.generation ?? 0)
                if TagHistory.add(event, tag: tag.name, to: &stream) { changedTags.insert(tag.name) }
            case "ImageStreamTag":
                let parts = fromName.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count <= 2, !fromName.contains("@"), !fromName.isEmpty else {
                    causes.append(.invalid(field, fromName, "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>"))
                    continue
                }
                let streamName = parts.count == 2 ? parts[0] : (stream.metadata.name ?? "")
                let sourceTag = parts.count == 2 ? (parts[1].isEmpty ? "latest" : parts[1]) : parts[0]
                let namespace = (from.namespace ?? "").isEmpty ? (stream.metadata.namespace ?? "") : from.namespace!
                guard let source = try await sourceStream(namespace, streamName, of: stream) else {
                    causes.append(.notFound(field, fromName))
                    continue
                }
                guard let latest = TagHistory.latest(source, tag: sourceTag) else { continue }
                var reference = latest.dockerImageReference
                if let host = internalRegistryHost, reference.hasPrefix("\(host)/\(namespace)/\(streamName)@"), let at = reference.firstIndex(of: "@") {
                    reference = "\(host)/\(stream.metadata.namespace ?? "")/\(stream.metadata.name ?? "")" + reference[at...]
                }
                let event = TagEvent(created: now, dockerImageReference: reference, image: latest.image, generation: tag.generation ?? 0)
                if TagHistory.add(event, tag: tag.name, to: &stream) { changedTags.insert(tag.name) }
            case "ImageStreamImage":
                let parts = fromName.split(separator: "@", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count <= 2, !fromName.isEmpty, !parts.contains(where: \.isEmpty) else {
                    causes.append(.invalid(field, fromName, "must be of the form <tag>, <repo>:<tag>, <id>, or <repo>@<id>"))
                    continue
                }
                let streamName = parts.count == 2 ? parts[0] : (stream.metadata.name ?? "")
                let id = parts.count == 2 ? parts[1] : parts[0]
                let namespace = (from.namespace ?? "").isEmpty ? (stream.metadata.namespace ?? "") : from.namespace!
                guard let source = try await sourceStream(namespace, streamName, of: stream) else {
                    causes.append(.notFound(field, fromName))
                    continue
                }
                var matches: [String: TagEvent] = [:]
                for list in source.status.tags ?? [] {
                    for item in list.items ?? [] where !item.image.isEmpty && DigestMatch.matches(image: item.image, id: id) {
                        matches[item.image] = matches[item.image] ?? item
                    }
                }
                guard matches.count == 1, let match = matches.values.first else {
                    let detail = matches.isEmpty
                        ? "error generating tag event: imagestreamimage.image.openshift.io \"\(fromName)\" not found"
                        : "error generating tag event: multiple images match the prefix \"\(id)\": \(matches.keys.sorted().joined(separator: ", "))"
                    causes.append(.invalid(field, fromName, detail))
                    continue
                }
                let event = TagEvent(created: now, dockerImageReference: match.dockerImageReference, image: match.image, generation: tag.generation ?? 0)
                if TagHistory.add(event, tag: tag.name, to: &stream) { changedTags.insert(tag.name) }
            default:
                continue
            }
        }
        if !causes.isEmpty {
            throw KubeStatusError.invalid(kind: "ImageStream", group: ImageAPI.group, name: stream.metadata.name ?? "", causes: causes)
        }
        Self.updateTracking(&stream, changed: changedTags)
    }

    /// The stream a tag points into: this one (as being edited) or another, read from the store.
    func sourceStream(_ namespace: String, _ name: String, of stream: ImageStream) async throws -> ImageStream? {
        if namespace == stream.metadata.namespace && name == stream.metadata.name { return stream }
        return try await streams.read(namespace, name)
    }

    /// Spec tags that follow another tag of the same stream get that tag's new head.
    static func updateTracking(_ stream: inout ImageStream, changed: Set<String>) {
        var pending = changed
        var rounds = 0
        while !pending.isEmpty, rounds < 16 {
            rounds += 1
            var next = Set<String>()
            for source in pending {
                guard let head = TagHistory.latest(stream, tag: source) else { continue }
                for tag in stream.spec.tags ?? [] where tag.name != source {
                    guard let from = tag.from, from.kind == "ImageStreamTag",
                          (from.namespace ?? "").isEmpty || from.namespace == stream.metadata.namespace
                    else { continue }
                    let name = from.name ?? ""
                    guard name == source || name == "\(stream.metadata.name ?? ""):\(source)" else { continue }
                    var event = head
                    event.generation = tag.generation ?? head.generation
                    if TagHistory.add(event, tag: tag.name, to: &stream) { next.insert(tag.name) }
                }
            }
            pending = next
        }
    }
}
