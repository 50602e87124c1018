/// A searchable value attached to a stored object.
///
/// Services declare which fields of a body may be filtered on (a name, a label, a registry
/// host); the store keeps them in an index table, so a filtered list reads only the matching
/// rows instead of decoding every body.
public struct IndexEntry: Sendable, Hashable {
    public var field: String
    public var value: String
    /// A unique entry may be held by one object of the kind only; a second writer gets
    /// `alreadyExists`. This is how "names are unique" holds even under concurrent creates.
    public var unique: Bool

    public init(_ field: String, _ value: String, unique: Bool = false) {
        self.field = field
        self.value = value
        self.unique = unique
    }
}
