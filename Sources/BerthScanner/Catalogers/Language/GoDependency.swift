/// A `dep` line with the `=>` replacement that may follow it.
public struct GoDependency: Sendable, Hashable {
    public var module: GoModule
    public var replacement: GoModule?

    public init(module: GoModule, replacement: GoModule? = nil) {
        self.module = module
        self.replacement = replacement
    }

    /// The code that was really compiled in. A replacement with a version
    /// (`=> github.com/fork/x v1.4.0`) is another published module, and
    /// advisories for it are what apply; a directory replacement
    /// (`=> ./x`) has no version of its own (Go 1.19 writes `(devel)`,
    /// other releases leave the column empty), so the required version is
    /// the best identity left.
    public var effective: GoModule {
        if let replacement, !replacement.version.isEmpty, replacement.version != "(devel)" { return replacement }
        return module
    }
}
