import BerthModel
import BerthServices

/// `meta.k8s.io/v1` Table responses for `kubectl get`: rows from the resource's columns,
/// each carrying the object's metadata (or the object, or nothing, per `includeObject`).
enum KubeTableBuilder {
    static func wantsTable(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").contains { part in
            part.contains("as=Table") && part.contains("g=meta.k8s.io") && part.contains("v=v1")
        }
    }

    static func table(_ objects: [JSONValue], table: ResourceTable, resourceVersion: String?, continueToken: String?, includeObject: String?, withColumns: Bool = true) -> JSONValue {
        var result: [String: JSONValue] = [
            "kind": "Table", "apiVersion": "meta.k8s.io/v1",
            "metadata": .object(["resourceVersion": .string(resourceVersion ?? ""), "continue": .string(continueToken ?? "")]),
            "rows": .array(objects.map { row($0, table: table, includeObject: includeObject) }),
        ]
        result["columnDefinitions"] = withColumns ? .array(table.columns.map { column in
            ["name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
             "description": .string(column.description), "priority": .number(Double(column.priority))]
        }) : .array([])
        return .object(result)
    }

    static func row(_ object: JSONValue, table: ResourceTable, includeObject: String?) -> JSONValue {
        var row: [String: JSONValue] = ["cells": .array(table.row(object))]
        switch includeObject ?? "Metadata" {
        case "None": break
        case "Object": row["object"] = object
        default:
            row["object"] = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? [:]]
        }
        return .object(row)
    }
}
