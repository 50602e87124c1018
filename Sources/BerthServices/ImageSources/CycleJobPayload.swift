import BerthModel

/// What a Cycle job carries besides its input: its hub, and the captions and headers its Job
/// Descriptor shows, fixed when it is queued.
public enum CycleJobPayload {
    public static func make(hub: String, action: String, caption: String, header: String, input: [String: JSONValue], creator: CreatorScope) -> JSONValue {
        [
            "hub_id": .string(hub), "action": .string(action), "queue": .string("hub-\(hub)-images"),
            "caption": .string(caption), "header": .string(header), "input": .object(input),
            "creator": ["id": .string(creator.id), "type": .string(creator.type)],
        ]
    }
}
