/// The list and watch query of a Kubernetes request, parsed.
public struct ListOptions: Sendable {
    public var labelSelector: LabelSelector?
    public var fieldSelector: FieldSelector?
    public var limit: Int?
    public var continueToken: String?
    public var resourceVersion: String?
    public var timeoutSeconds: Int?
    public var allowBookmarks: Bool
    /// Nil: the legacy rule (initial events only without a resourceVersion).
    public var sendInitialEvents: Bool?

    public init(labelSelector: LabelSelector? = nil, fieldSelector: FieldSelector? = nil, limit: Int? = nil, continueToken: String? = nil,
                resourceVersion: String? = nil, timeoutSeconds: Int? = nil, allowBookmarks: Bool = false) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.timeoutSeconds = timeoutSeconds
        self.allowBookmarks = allowBookmarks
    }

    /// Selectors only; the page and version options do not decide membership.
    func matches(labels: [String: String], fields: [String: String]) -> Bool {
        (labelSelector?.matches(labels) ?? true) && (fieldSelector?.matches(fields) ?? true)
    }
}
