import BerthModel
import Foundation

/// The opaque `continue` of a paged list, in apiserver's shape: base64url of
/// `{"v":"meta.k8s.io/v1","rv":<list version>,"start":"<key after which to resume>"}`.
public struct ContinueToken: Codable, Sendable, Equatable {
    public var v: String
    public var rv: Int64
    public var start: String

    public init(resourceVersion: Int64, start: String) {
        self.v = "meta.k8s.io/v1"
        self.rv = resourceVersion
        self.start = start
    }

    public var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public init(decoding text: String) throws(KubeStatusError) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let token = try? JSONDecoder().decode(ContinueToken.self, from: data),
              token.v == "meta.k8s.io/v1"
        else {
            throw KubeStatusError.badRequest("continue key is not valid: the token is not one this server issued")
        }
        self = token
    }
}
