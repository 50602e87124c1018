/// `meta.images_count` of an image source: its images by state. Cycle counts seven states;
/// `uploading` and `deleted` images are left out, as its schema has no keys for them.
public struct ImagesCount: Codable, Sendable, Equatable {
    public static let states = ["new", "downloading", "building", "verifying", "saving", "live", "deleting"]

    public var total: Int
    public var state: [String: Int]

    public init(total: Int = 0, state: [String: Int] = Dictionary(uniqueKeysWithValues: ImagesCount.states.map { ($0, 0) })) {
        self.total = total
        self.state = state
    }

    public mutating func add(_ state: String) {
        guard Self.states.contains(state) else { return }
        total += 1
        self.state[state, default: 0] += 1
    }
}
