import BerthModel
import Foundation
import Hummingbird

extension BerthRequestContext {
    /// A path parameter by its OpenAPI name, percent-decoded (`sha256%3Aabc` is `sha256:abc`).
    public func pathParameter(_ name: String) throws -> String {
        guard let value = optionalPathParameter(name) else {
            throw BerthError.invalid("missing path parameter \(name)")
        }
        return value
    }

    /// nil when the route has no such parameter (cluster-wide forms of namespaced routes).
    public func optionalPathParameter(_ name: String) -> String? {
        guard let raw = parameters.get(APIOperation.routerParameterName(name)) else { return nil }
        return raw.removingPercentEncoding ?? raw
    }
}
