import BerthModel

/// The server-side columns `kubectl get` prints for a resource.
public struct ResourceTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: String
        public var format: String
        public var description: String
        public var priority: Int

        public init(_ name: String, type: String = "string", format: String = "", description: String = "", priority: Int = 0) {
            self.name = name
            self.type = type
            self.format = format
            self.description = description
            self.priority = priority
        }
    }

    public var columns: [Column]
    public var row: @Sendable (JSONValue) -> [JSONValue]

    public init(columns: [Column], row: @escaping @Sendable (JSONValue) -> [JSONValue]) {
        self.columns = columns
        self.row = row
    }

    /// Name and Created At, what apiserver prints for kinds without their own printer.
    public static let standard = ResourceTable(columns: [
        Column("Name", format: "name", description: "Name must be unique within a namespace."),
        Column("Created At", type: "date", description: "The time the object was created."),
    ]) { object in
        [.string(object["metadata"]?["name"]?.stringValue ?? ""), object["metadata"]?["creationTimestamp"] ?? .null]
    }
}
