import Foundation

/// A searchable field under its StackRox label ("Image Registry"). Queries and sort
/// options name it case-insensitively, so the label here is only the canonical spelling.
public struct SearchField: Sendable, Hashable {
    public var label: String
    public var type: SearchFieldType

    public init(label: String, type: SearchFieldType) {
        self.label = label
        self.type = type
    }

    /// Whether a name typed by a user refers to this field (trimmed, case-insensitive).
    func isNamed(_ name: some StringProtocol) -> Bool {
        Self.normalized(name) == Self.normalized(label)
    }

    static func normalized(_ name: some StringProtocol) -> String {
        String(name).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
