import BerthModel
import Foundation

/// Field selectors know only equality: Kubernetes serves no set or existence terms on fields,
/// because every selectable field always has a value.
public enum FieldOperator: String, Sendable, Equatable, CaseIterable {
    /// `=` or `==`.
    case equals = "="
    case notEquals = "!="
}
