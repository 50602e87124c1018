import BerthModel
import Foundation

/// One comma-separated term of a label selector.
///
/// Public so that a lister can turn exact terms (`app=web`) into an index lookup before it
/// reads objects, instead of filtering everything in memory.
public struct LabelRequirement: Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var `operator`: LabelOperator
    /// Sorted and without duplicates (a set, as in Kubernetes); one value for `=`, `!=`, `gt`
    /// and `lt`, none for `exists` and `!`.
    public var values: [String]

    public init(key: String, operator: LabelOperator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    /// A missing key satisfies `!=` and `notin`: "not this value" includes "no value", which
    /// is how Kubernetes answers `kubectl get -l 'tier!=frontend'`.
    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        switch `operator` {
        case .equals, .in:
            return value.map(values.contains) ?? false
        case .notEquals, .notIn:
            return value.map { !values.contains($0) } ?? true
        case .exists:
            return value != nil
        case .doesNotExist:
            return value == nil
        case .greaterThan, .lessThan:
            guard let value, let actual = Int64(value), values.count == 1, let bound = Int64(values[0]) else { return false }
            return `operator` == .greaterThan ? actual > bound : actual < bound
        }
    }

    public var description: String {
        switch `operator` {
        case .exists: key
        case .doesNotExist: "!" + key
        case .in: "\(key) in (\(values.joined(separator: ",")))"
        case .notIn: "\(key) notin (\(values.joined(separator: ",")))"
        case .equals: "\(key)=\(values.first ?? "")"
        case .notEquals: "\(key)!=\(values.first ?? "")"
        case .greaterThan: "\(key)>\(values.first ?? "")"
        case .lessThan: "\(key)<\(values.first ?? "")"
        }
    }
}
