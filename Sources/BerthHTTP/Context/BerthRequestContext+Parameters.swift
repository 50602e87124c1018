import BerthModel
import Foundation
import Hummingbird

extension BerthRequestContext {
    /// A path parameter by its OpenAPI name, percent-decoded (`sha256%3Aabc` is `sha256:abc`).
    public func pathParameter(_ name: String) throws -> String {
        guard let raw = parameters.get(APIOperation.routerParameterName(name)) else {
            throw BerthError.invalid("missing path parameter \(name)")
        }
        return raw.removingPercentEncoding ?? raw
    }
}
