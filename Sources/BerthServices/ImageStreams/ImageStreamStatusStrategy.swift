import BerthModel

/// `imagestreams/status`: the registry's and importer's path. Spec stays as stored; status
/// is taken as sent, with each new head event's generation filled in when the writer sent 0.
struct ImageStreamStatusStrategy: ResourceStrategy {
    typealias Object = ImageStream
    let configuration: ImageStreamConfiguration

    func prepareForCreate(_ stream: inout ImageStream) async throws {
        throw KubeStatusError.methodNotAllowed("create", resource: "imagestreams/status", group: ImageAPI.group)
    }

    func validate(_ stream: ImageStream) async throws -> [KubeStatusCause] {
        ImageStreamValidation.stream(stream)
    }

    func prepareForUpdate(_ stream: inout ImageStream, old: ImageStream) async throws {
        stream.spec = old.spec
        stream.metadata.generation = old.metadata.generation
        let generation = old.metadata.generation ?? 1
        var lists = stream.status.tags ?? []
        for index in lists.indices {
            guard var items = lists[index].items, !items.isEmpty, items[0].generation == 0 else { continue }
            let tag = lists[index].tag
            let oldHead = TagHistory.latest(old, tag: tag)
            if let oldHead, oldHead.dockerImageReference == items[0].dockerImageReference, oldHead.image == items[0].image {
                items[0].generation = generation
            } else {
                items[0].generation = old.spec.tags?.first { $0.name == tag }?.generation ?? generation
            }
            lists[index].items = items
        }
        stream.status.tags = lists.isEmpty ? nil : lists.sorted { $0.tag < $1.tag }
        TagHistory.collapse(&stream)
    }

    func decorate(_ stream: inout ImageStream) {
        ImageStreamStrategy.decorate(&stream, configuration: configuration)
    }
}
