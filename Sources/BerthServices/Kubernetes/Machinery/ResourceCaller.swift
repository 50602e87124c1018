/// Who is asking, as far as a resource cares: secrets show their values to admins only.
public struct ResourceCaller: Sendable {
    public var principal: Principal?

    public init(principal: Principal?) {
        self.principal = principal
    }

    public var isAdmin: Bool { principal?.role == .admin }
}
