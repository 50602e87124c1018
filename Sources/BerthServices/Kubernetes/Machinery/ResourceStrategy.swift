import BerthModel

/// The per-kind rules of a store-backed resource, as apiserver's `strategy.go` files hold
/// them: defaulting and validation for create and update, and what a read adds. The generic
/// ``StoredResource`` does the rest (names, uids, versions, CAS, lists, watches), once.
public protocol ResourceStrategy: Sendable {
    associatedtype Object: KubeObject
    /// Clears server-owned fields and applies defaults.
    func prepareForCreate(_ object: inout Object) async throws
    func validate(_ object: Object) async throws -> [KubeStatusCause]
    /// Keeps what an update may not change (status on the main resource, spec on /status).
    func prepareForUpdate(_ object: inout Object, old: Object) async throws
    func validateUpdate(_ object: Object, old: Object) async throws -> [KubeStatusCause]
    /// Fields computed on every read.
    func decorate(_ object: inout Object)
    /// What the store keeps (secrets sealed) and how it is read back.
    func sealed(_ object: Object) throws -> Object
    func unsealed(_ object: Object) throws -> Object
    /// What a caller may see of an object.
    func present(_ object: Object, to caller: ResourceCaller) -> Object
    /// Values a field selector may test, besides name and namespace.
    func fields(_ object: Object) -> [String: String]
    /// Image and ImageStream refuse a PUT without a resourceVersion.
    var allowsUnconditionalUpdate: Bool { get }
}

extension ResourceStrategy {
    public func prepareForUpdate(_ object: inout Object, old: Object) async throws {}
    public func validateUpdate(_ object: Object, old: Object) async throws -> [KubeStatusCause] { try await validate(object) }
    public func decorate(_ object: inout Object) {}
    public func sealed(_ object: Object) throws -> Object { object }
    public func unsealed(_ object: Object) throws -> Object { object }
    public func present(_ object: Object, to caller: ResourceCaller) -> Object { object }
    public func fields(_ object: Object) -> [String: String] { [:] }
    public var allowsUnconditionalUpdate: Bool { false }
}
