/// A value Berth serves inside StackRox's `storage.CVSSV2`/`storage.CVSSV3`,
/// where metrics and severities are protobuf enum names, not vector letters.
public protocol CVSSStackRoxEnum: CaseIterable, Sendable, Hashable {
    var stackRoxName: String { get }
}

extension CVSSStackRoxEnum {
    /// Reads back a stored StackRox object; the names are unique per enum, so
    /// a linear search over a handful of cases is all it takes.
    public init?(stackRoxName: String) {
        guard let match = Self.allCases.first(where: { $0.stackRoxName == stackRoxName }) else { return nil }
        self = match
    }
}
