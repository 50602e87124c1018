import BerthModel

/// How a tag's history grows (`AddTagEventToImageStream`): newest first, a repeat of the
/// current event is no change, and an event that differs only in reference or image
/// replaces the head instead of growing the list.
public enum TagHistory {
    /// Returns whether the stream changed.
    @discardableResult
    public static func add(_ event: TagEvent, tag: String, to stream: inout ImageStream) -> Bool {
        var lists = stream.status.tags ?? []
        guard let index = lists.firstIndex(where: { $0.tag == tag }) else {
            lists.append(NamedTagEventList(tag: tag, items: [event]))
            stream.status.tags = lists.sorted { $0.tag < $1.tag }
            return true
        }
        var list = lists[index]
        var items = list.items ?? []
        if let head = items.first {
            let sameReference = head.dockerImageReference == event.dockerImageReference
            let sameImage = head.image == event.image
            if sameReference && sameImage && head.generation == event.generation { return false }
            if sameReference && sameImage {
                items[0].generation = event.generation
            } else if sameReference {
                items[0].image = event.image
                items[0].generation = event.generation
            } else if sameImage {
                items[0].dockerImageReference = event.dockerImageReference
                items[0].generation = event.generation
            } else {
                items.insert(event, at: 0)
            }
        } else {
            items = [event]
        }
        list.items = items
        list.conditions = nil
        lists[index] = list
        stream.status.tags = lists
        return true
    }

    public static func latest(_ stream: ImageStream, tag: String) -> TagEvent? {
        stream.status.tags?.first { $0.tag == tag }?.items?.first
    }

    /// Status tags with neither items nor conditions are dropped, as upstream collapses them.
    public static func collapse(_ stream: inout ImageStream) {
        guard let tags = stream.status.tags else { return }
        let kept = tags.filter { !($0.items ?? []).isEmpty || !($0.conditions ?? []).isEmpty }
        stream.status.tags = kept.isEmpty ? nil : kept.sorted { $0.tag < $1.tag }
    }

    /// Sets (or replaces) a tag's ImportSuccess=False condition; returns whether it changed.
    @discardableResult
    public static func setImportFailure(tag: String, reason: String?, message: String, generation: Int64, now: String, on stream: inout ImageStream) -> Bool {
        var lists = stream.status.tags ?? []
        let condition = TagEventCondition(type: "ImportSuccess", status: "False", lastTransitionTime: now, reason: reason, message: message, generation: generation)
        if let index = lists.firstIndex(where: { $0.tag == tag }) {
            if let existing = lists[index].conditions?.first,
               existing.type == condition.type, existing.status == condition.status, existing.reason == condition.reason, existing.message == condition.message {
                return false
            }
            lists[index].conditions = [condition]
        } else {
            var list = NamedTagEventList(tag: tag, items: nil)
            list.conditions = [condition]
            lists.append(list)
        }
        stream.status.tags = lists.sorted { $0.tag < $1.tag }
        return true
    }
}
