import BerthModel
import Foundation

/// How a label requirement relates its key to its values.
///
/// `=` and `==` are one case: Kubernetes treats them as synonyms everywhere but in its
/// String() output, and callers narrowing a list by an exact label must not have to check two.
public enum LabelOperator: String, Sendable, Equatable, CaseIterable {
    case equals = "="
    case notEquals = "!="
    case `in` = "in"
    case notIn = "notin"
    case exists = "exists"
    case doesNotExist = "!"
    /// Node-affinity style integer comparisons, which the Kubernetes label parser also accepts.
    case greaterThan = "gt"
    case lessThan = "lt"
}
