import BerthModel
import BerthServices
import Foundation
import Hummingbird

/// The query of a Kubernetes request: booleans case-insensitive (the Python client sends
/// `True`), selectors parsed with the resource's selectable fields, bad values a 400.
struct KubeQuery {
    let request: Request

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name)
    }

    func bool(_ name: String) throws(KubeStatusError) -> Bool {
        guard let text = string(name) else { return false }
        switch text.lowercased() {
        case "true", "1", "": return true
        case "false", "0": return false
        default: throw KubeStatusError.badRequest("the query parameter \(name)=\(text) is not a boolean")
        }
    }

    func int(_ name: String) throws(KubeStatusError) -> Int? {
        guard let text = string(name), !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 0 else { throw KubeStatusError.badRequest("the query parameter \(name)=\(text) is not a non-negative integer") }
        return value
    }

    /// `dryRun=All` stores nothing; any other value is refused, as apiserver does.
    func dryRun() throws(KubeStatusError) -> Bool {
        let values = request.uri.queryParameters.getAll("dryRun")
        for value in values where value != "All" {
            throw KubeStatusError.badRequest("Invalid dryRun: \(value): supported values: \"All\"")
        }
        return !values.isEmpty
    }

    func listOptions(selectableFields: Set<String>, forWatch: Bool = false) throws -> ListOptions {
        var options = ListOptions()
        if let text = string("labelSelector"), !text.isEmpty {
            do { options.labelSelector = try LabelSelector(parsing: text) } catch { throw KubeStatusError.badRequest(error.message) }
        }
        if let text = string("fieldSelector"), !text.isEmpty {
            do {
                options.fieldSelector = try FieldSelector(parsing: text, supportedFields: selectableFields.union(["metadata.name", "metadata.namespace"]))
            } catch {
                throw KubeStatusError.badRequest(error.message)
            }
        }
        options.limit = try int("limit")
        options.continueToken = string("continue")
        options.resourceVersion = string("resourceVersion")
        options.timeoutSeconds = try int("timeoutSeconds")
        options.allowBookmarks = try bool("allowWatchBookmarks")
        let match = string("resourceVersionMatch") ?? ""
        if let text = string("sendInitialEvents"), !text.isEmpty {
            let send = try bool("sendInitialEvents")
            guard try bool("watch") || forWatch else {
                throw KubeStatusError(code: 422, reason: "Invalid", message: "sendInitialEvents is forbidden for list")
            }
            // apimachinery's rules: either value needs NotOlderThan; bookmarks stay optional
            // for backward compatibility.
            guard match == "NotOlderThan" else {
                throw KubeStatusError(code: 422, reason: "Invalid", message: "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")
            }
            options.sendInitialEvents = send
        } else if !match.isEmpty, try bool("watch") || forWatch {
            throw KubeStatusError(code: 422, reason: "Invalid", message: "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided")
        } else if !match.isEmpty, (options.resourceVersion ?? "").isEmpty {
            throw KubeStatusError(code: 422, reason: "Invalid", message: "resourceVersionMatch is forbidden unless resourceVersion is provided")
        }
        if options.continueToken != nil, try bool("watch") {
            throw KubeStatusError.badRequest("continue is not allowed with watch")
        }
        return options
    }

    /// `fieldValidation`: Strict refuses unknown fields, Warn reports them, Ignore drops them.
    func fieldValidation() throws(KubeStatusError) -> String {
        let value = string("fieldValidation") ?? "Warn"
        guard ["Ignore", "Warn", "Strict", ""].contains(value) else {
            throw KubeStatusError.badRequest("fieldValidation parameter unsupported: \(value): supported values: \"Ignore\", \"Warn\", \"Strict\"")
        }
        return value.isEmpty ? "Warn" : value
    }
}
