/// `google.protobuf.Empty`: serialized as `{}`.
struct EmptyMessage: Codable, Sendable {}
