import BerthModel
import Hummingbird

/// Turns a ``BerthError`` into one dialect's error response. Each dialect brings one, with
/// the paths it owns, so a 401 or an unknown route under `/apis` is a `metav1.Status` while
/// the same failure under `/v1/imageintegrations` is a StackRox error body.
public protocol ErrorRenderer: Sendable {
    func owns(_ request: Request) -> Bool
    func response(for error: BerthError, request: Request) -> Response
}
