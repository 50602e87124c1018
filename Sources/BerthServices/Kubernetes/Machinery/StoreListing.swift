import BerthModel
import BerthStore

/// Lists and watches of one store kind with Kubernetes semantics: keys ordered by
/// namespace then name, label and field selectors, `limit`/`continue` pages, and watches that
/// start with synthetic ADDED events and follow the store's change feed. Shared by stored
/// resources and by views over other kinds (catalogue images shown as Image objects).
public struct StoreListing<Object: KubeObject>: Sendable {
    let store: any ObjectStore
    let storeKind: String
    let namespaced: Bool
    let decode: @Sendable (StoredObject) throws -> Object
    let extraFields: @Sendable (Object) -> [String: String]

    public init(store: any ObjectStore, storeKind: String, namespaced: Bool, decode: @escaping @Sendable (StoredObject) throws -> Object,
                fields: @escaping @Sendable (Object) -> [String: String]) {
        self.store = store
        self.storeKind = storeKind
        self.namespaced = namespaced
        self.decode = decode
        self.extraFields = fields
    }

    func key(_ object: Object) -> String {
        namespaced ? "\(object.metadata.namespace ?? "")/\(object.metadata.name ?? "")" : (object.metadata.name ?? "")
    }

    func fields(_ object: Object) -> [String: String] {
        var fields = extraFields(object)
        fields["metadata.name"] = object.metadata.name ?? ""
        fields["metadata.namespace"] = object.metadata.namespace ?? ""
        return fields
    }

    func matches(_ object: Object, _ options: ListOptions) -> Bool {
        options.matches(labels: object.metadata.labels ?? [:], fields: fields(object))
    }

    func storePrefix(_ namespace: String?, _ options: ListOptions) -> String {
        guard namespaced else { return "" }
        if let namespace { return namespace + "/" }
        return options.fieldSelector?.exactValue(for: "metadata.namespace").map { $0 + "/" } ?? ""
    }

    /// Selectors are checked on decoded objects; an exact label term narrows the read through
    /// the store's label index first.
    public func list(namespace: String?, options: ListOptions) async throws -> (items: [Object], version: Int64, continueToken: String?, remaining: Int?) {
        var version = try await store.currentVersion()
        var cursor: String?
        if let token = options.continueToken, !token.isEmpty {
            let decoded = try ContinueToken(decoding: token)
            cursor = decoded.start
            version = decoded.rv
        }
        var filters: [IndexFilter] = []
        for requirement in options.labelSelector?.requirements ?? [] where requirement.operator == .equals && requirement.values.count == 1 {
            filters.append(IndexFilter("label", equals: "\(requirement.key)=\(requirement.values[0])"))
        }
        let prefix = storePrefix(namespace, options)
        let limit = options.limit.flatMap { $0 > 0 ? $0 : nil }
        var matched: [Object] = []
        var next: String?
        scan: while true {
            let page = try await store.list(kind: storeKind, query: ListQuery(prefix: prefix, filters: filters, limit: 500, continueAfter: cursor))
            for stored in page.items {
                let object = try decode(stored)
                guard matches(object, options) else { continue }
                if let limit, matched.count == limit, let last = matched.last {
                    next = ContinueToken(resourceVersion: version, start: key(last)).encoded
                    break scan
                }
                matched.append(object)
            }
            guard let key = page.continueKey else { break }
            cursor = key
        }
        var remaining: Int?
        if next != nil, options.labelSelector?.isEmpty ?? true, options.fieldSelector?.isEmpty ?? true, let last = matched.last {
            remaining = try await store.list(kind: storeKind, query: ListQuery(prefix: prefix, continueAfter: key(last))).items.count
        }
        return (matched, version, next, remaining)
    }

    /// Without a version: ADDED for what exists, then changes. With one: changes after it, or
    /// a single 410 ERROR event when that version has been compacted away. With selectors an
    /// object that stops matching is sent as DELETED and one that starts matching as ADDED.
    /// `sendInitialEvents=true` always starts with the current state and marks its end with a
    /// bookmark annotated `k8s.io/initial-events-end`, as the watch-list protocol asks; with
    /// `allowWatchBookmarks` a bookmark carrying the latest version follows every minute and
    /// one second before the timeout, so a client resumes from there instead of re-listing.
    public func watch(namespace: String?, options: ListOptions, wire: @escaping @Sendable (Object) throws -> JSONValue) async throws -> AsyncThrowingStream<ResourceWatchEvent, Error> {
        var initial: [ResourceWatchEvent] = []
        var visible = Set<String>()
        let from: Int64
        let text = options.resourceVersion ?? ""
        let sendInitial = options.sendInitialEvents ?? (text.isEmpty || text == "0")
        if sendInitial {
            var everything = options
            everything.limit = nil
            everything.continueToken = nil
            let listed = try await list(namespace: namespace, options: everything)
            for object in listed.items {
                visible.insert(key(object))
                initial.append(ResourceWatchEvent(type: "ADDED", object: try wire(object)))
            }
            from = listed.version
            if options.sendInitialEvents == true, options.allowBookmarks {
                initial.append(Self.bookmark(version: from, initialEventsEnd: true))
            }
        } else if text.isEmpty || text == "0" {
            from = try await store.currentVersion()
        } else {
            guard let version = Int64(text) else {
                throw KubeStatusError.badRequest("resourceVersion \"\(text)\" is not one this server issued")
            }
            from = version
        }
        let changes: AsyncThrowingStream<WatchEvent, Error>
        do {
            changes = try await store.watch(kind: storeKind, prefix: namespaced ? (namespace.map { $0 + "/" } ?? "") : "", fromVersion: from)
        } catch let error as BerthError where error.code == .gone {
            return AsyncThrowingStream { continuation in
                continuation.yield(Self.expired(error.message))
                continuation.finish()
            }
        }
        let filtered = !(options.labelSelector?.isEmpty ?? true) || !(options.fieldSelector?.isEmpty ?? true)
        let listing = self
        let startVisible = visible, startEvents = initial
        let latest = VersionMark(from)
        let bookmarks = options.allowBookmarks ? Self.bookmarkTimes(timeout: options.timeoutSeconds) : []
        return AsyncThrowingStream<ResourceWatchEvent, Error> { (continuation: AsyncThrowingStream<ResourceWatchEvent, Error>.Continuation) in
            let task = Task {
                var visible = startVisible
                for event in startEvents { continuation.yield(event) }
                do {
                    for try await change in changes {
                        let object = try listing.decode(change.object)
                        let key = change.object.key
                        let type: String?
                        if !filtered {
                            type = change.type.rawValue
                        } else if change.type == .deleted {
                            type = visible.remove(key) != nil || listing.matches(object, options) ? "DELETED" : nil
                        } else if listing.matches(object, options) {
                            type = visible.insert(key).inserted ? "ADDED" : "MODIFIED"
                        } else {
                            type = visible.remove(key) != nil ? "DELETED" : nil
                        }
                        if let type { continuation.yield(ResourceWatchEvent(type: type, object: try wire(object))) }
                        // Only after the event is on its way: a bookmark must never name a
                        // version whose event a client resuming from it would miss.
                        latest.advance(to: change.object.resourceVersion)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            let ticker = Task {
                var elapsed = Duration.zero
                for time in bookmarks {
                    try await Task.sleep(for: time - elapsed)
                    elapsed = time
                    continuation.yield(Self.bookmark(version: latest.current, initialEventsEnd: false))
                }
            }
            continuation.onTermination = { _ in
                task.cancel()
                ticker.cancel()
            }
        }
    }

    /// Every minute up to the timeout, plus one just before it.
    static func bookmarkTimes(timeout: Int?) -> [Duration] {
        let total = Duration.seconds(timeout ?? 1800)
        var times: [Duration] = []
        var next = Duration.seconds(60)
        while next < total - .seconds(1) {
            times.append(next)
            next += .seconds(60)
        }
        if total >= .seconds(2) { times.append(total - .seconds(1)) }
        return times
    }

    /// Bookmarks carry only a version; the route adds the kind, as the event's object must be
    /// of the watched kind.
    static func bookmark(version: Int64, initialEventsEnd: Bool) -> ResourceWatchEvent {
        var metadata: [String: JSONValue] = ["resourceVersion": .string(String(version))]
        if initialEventsEnd { metadata["annotations"] = ["k8s.io/initial-events-end": "true"] }
        return ResourceWatchEvent(type: "BOOKMARK", object: ["metadata": .object(metadata)])
    }

    static func expired(_ message: String) -> ResourceWatchEvent {
        ResourceWatchEvent(type: "ERROR", object: [
            "kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Failure",
            "message": .string(message), "reason": "Expired", "code": 410,
        ])
    }
}
