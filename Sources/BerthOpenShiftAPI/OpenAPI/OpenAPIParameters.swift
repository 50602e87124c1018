import BerthModel

/// The query and path parameters of Kubernetes operations (seed chapters 2.2–11.2).
/// They are written inline on each operation rather than as `$ref`s to
/// `components/parameters`: client-go's field-validation probe compares the `name` of each
/// parameter of a PATCH operation and never resolves a reference.
enum OpenAPIParameters {
    private static func query(_ name: String, _ type: String, _ description: String) -> JSONValue {
        [
            "name": .string(name),
            "in": "query",
            "description": .string(description),
            "schema": ["type": .string(type), "uniqueItems": true],
        ]
    }

    static func name(of kind: String) -> JSONValue {
        [
            "name": "name",
            "in": "path",
            "description": .string("name of the \(kind)"),
            "required": true,
            "schema": ["type": "string", "uniqueItems": true],
        ]
    }

    static let namespace: JSONValue = [
        "name": "namespace",
        "in": "path",
        "description": "object name and auth scope, such as for teams and projects",
        "required": true,
        "schema": ["type": "string", "uniqueItems": true],
    ]

    static let pretty = query("pretty", "string", "If 'true', then the output is pretty printed.")

    static let dryRun = query("dryRun", "string", "When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed")
    static let fieldManager = query("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.")
    static let fieldValidation = query("fieldValidation", "string", "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: unknown fields are silently dropped. - Warn: each unknown or duplicate field is reported in a warning header; the default. - Strict: the request fails with a BadRequest error listing every unknown and duplicate field.")
    static let force = query("force", "boolean", "Force is going to \"force\" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.")

    static let allowWatchBookmarks = query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server's discretion. If this is not a watch, this field is ignored.")
    static let `continue` = query("continue", "string", "The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue). An expired value gives 410 ResourceExpired.")
    static let fieldSelector = query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. Defaults to everything.")
    static let labelSelector = query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. Defaults to everything.")
    static let limit = query("limit", "integer", "limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results.")
    static let resourceVersion = query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details. Defaults to unset")
    static let resourceVersionMatch = query("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion is set. Defaults to unset")
    static let sendInitialEvents = query("sendInitialEvents", "boolean", "`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection.")
    static let timeoutSeconds = query("timeoutSeconds", "integer", "Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.")
    static let watch = query("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.")

    static let gracePeriodSeconds = query("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately.")
    static let orphanDependents = query("orphanDependents", "boolean", "Deprecated: please use the PropagationPolicy. Should the dependent objects be orphaned.")
    static let propagationPolicy = query("propagationPolicy", "string", "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'.")

    /// GET on a collection, and the list-shaped `imagestreams/{name}/secrets`.
    static let list: [JSONValue] = [
        allowWatchBookmarks, `continue`, fieldSelector, labelSelector, limit,
        resourceVersion, resourceVersionMatch, sendInitialEvents, timeoutSeconds, watch,
    ]

    /// POST and PUT.
    static let write: [JSONValue] = [dryRun, fieldManager, fieldValidation]

    /// PATCH: the write parameters plus `force` for apply patches.
    static let patch: [JSONValue] = write + [force]

    static let delete: [JSONValue] = [dryRun, gracePeriodSeconds, orphanDependents, propagationPolicy]

    /// DELETE on a collection: the selection parameters of a list, then the delete ones.
    static let deleteCollection: [JSONValue] = [
        `continue`, dryRun, fieldSelector, gracePeriodSeconds, labelSelector, limit,
        orphanDependents, propagationPolicy, resourceVersion, resourceVersionMatch,
        sendInitialEvents, timeoutSeconds,
    ]
}
