/// What an image integration is used for. Decodes from the enum name or its proto number, as
/// protojson accepts both.
public enum IntegrationCategory: String, Codable, Sendable, CaseIterable, Comparable {
    case registry = "REGISTRY"
    case scanner = "SCANNER"
    case nodeScanner = "NODE_SCANNER"

    public var number: Int {
        switch self {
        case .registry: 0
        case .scanner: 1
        case .nodeScanner: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), let match = Self.allCases.first(where: { $0.number == number }) {
            self = match
        } else if let name = try? container.decode(String.self), let match = Self(rawValue: name) {
            self = match
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown category; use one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }
}
