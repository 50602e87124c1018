import BerthModel

/// The apimachinery and core/v1 schemas the image group's kinds point into. Names follow
/// kube-openapi (`io.k8s.apimachinery.pkg.apis.meta.v1.*`, `io.k8s.api.core.v1.*`) so a client
/// that already knows Kubernetes finds them where it expects.
enum KubernetesSchemas {
    static let meta = "io.k8s.apimachinery.pkg.apis.meta.v1."
    static let core = "io.k8s.api.core.v1."

    static let objectMeta = meta + "ObjectMeta"
    static let listMeta = meta + "ListMeta"
    static let time = meta + "Time"
    static let status = meta + "Status"
    static let statusDetails = meta + "StatusDetails"
    static let statusCause = meta + "StatusCause"
    static let ownerReference = meta + "OwnerReference"
    static let managedFieldsEntry = meta + "ManagedFieldsEntry"
    static let fieldsV1 = meta + "FieldsV1"
    static let deleteOptions = meta + "DeleteOptions"
    static let preconditions = meta + "Preconditions"
    static let patch = meta + "Patch"
    static let watchEvent = meta + "WatchEvent"
    static let objectReference = core + "ObjectReference"
    static let localObjectReference = core + "LocalObjectReference"
    static let secret = core + "Secret"
    static let secretList = core + "SecretList"

    typealias S = OpenAPISchema

    static let apiVersionDescription = "APIVersion defines the versioned schema of this representation of an object."
    static let kindDescription = "Kind is a string value representing the REST resource this object represents. In CamelCase."
    static let metadataDescription = "Standard object's metadata."
    static let listMetadataDescription = "Standard list metadata."

    /// The TypeMeta and ObjectMeta properties every top-level kind carries.
    static func objectProperties(_ properties: [String: JSONValue]) -> [String: JSONValue] {
        var all = properties
        all["apiVersion"] = S.string(apiVersionDescription)
        all["kind"] = S.string(kindDescription)
        all["metadata"] = S.ref(objectMeta, metadataDescription)
        return all
    }

    static func listProperties(items: String, _ description: String) -> [String: JSONValue] {
        [
            "apiVersion": S.string(apiVersionDescription),
            "kind": S.string(kindDescription),
            "metadata": S.ref(listMeta, listMetadataDescription),
            "items": S.array(of: S.ref(items), description),
        ]
    }

    /// Every group version serving DeleteOptions and WatchEvent lists them, as the apiserver does.
    private static func sharedGVKs(_ kind: String) -> [String: JSONValue] {
        ["x-kubernetes-group-version-kind": [
            S.gvkObject(group: "", kind: kind),
            S.gvkObject(group: "image.openshift.io", kind: kind),
        ]]
    }

    static let definitions: [String: JSONValue] = [
        objectMeta: S.object(
            "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
            properties: [
                "annotations": S.stringMap("Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata."),
                "creationTimestamp": S.ref(time, "CreationTimestamp is the server time when this object was created. Read-only."),
                "deletionGracePeriodSeconds": S.int64("Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Read-only."),
                "deletionTimestamp": S.ref(time, "DeletionTimestamp is the RFC 3339 date and time at which this resource will be deleted. Read-only."),
                "finalizers": S.array(of: ["type": "string", "default": ""], "Must be empty before the object is deleted from the registry.", extensions: [
                    "x-kubernetes-list-type": "set",
                    "x-kubernetes-patch-strategy": "merge",
                ]),
                "generateName": S.string("GenerateName is an optional prefix, used by the server, to generate a unique name only if the Name field has not been provided."),
                "generation": S.int64("A sequence number representing a specific generation of the desired state. Read-only."),
                "labels": S.stringMap("Map of string keys and values that can be used to organize and categorize (scope and select) objects."),
                "managedFields": S.array(of: S.ref(managedFieldsEntry), "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.", extensions: [
                    "x-kubernetes-list-type": "atomic",
                ]),
                "name": S.string("Name must be unique within a namespace."),
                "namespace": S.string("Namespace defines the space within which each name must be unique."),
                "ownerReferences": S.array(of: S.ref(ownerReference), "List of objects depended by this object.", extensions: [
                    "x-kubernetes-patch-merge-key": "uid",
                    "x-kubernetes-patch-strategy": "merge",
                    "x-kubernetes-list-type": "map",
                    "x-kubernetes-list-map-keys": ["uid"],
                ]),
                "resourceVersion": S.string("An opaque value that represents the internal version of this object. Read-only."),
                "selfLink": S.string("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
                "uid": S.string("UID is the unique in time and space value for this object. Read-only."),
            ]
        ),
        listMeta: S.object(
            "ListMeta describes metadata that synthetic resources must have, including lists and various status objects.",
            properties: [
                "continue": S.string("continue may be set if the user set a limit on the number of items returned."),
                "remainingItemCount": S.int64("The number of subsequent items in the list which are not included in this list response."),
                "resourceVersion": S.string("String that identifies the server's internal version of this object."),
                "selfLink": S.string("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
            ]
        ),
        time: S.string("Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON. RFC 3339, UTC.", format: "date-time"),
        status: S.object(
            "Status is a return value for calls that don't return other objects.",
            properties: [
                "apiVersion": S.string(apiVersionDescription),
                "code": S.int32("Suggested HTTP return code for this status, 0 if not set."),
                "details": S.ref(statusDetails, "Extended data associated with the reason."),
                "kind": S.string(kindDescription),
                "message": S.string("A human-readable description of the status of this operation."),
                "metadata": S.ref(listMeta, listMetadataDescription),
                "reason": S.string("A machine-readable description of why this operation is in the \"Failure\" status."),
                "status": S.string("Status of the operation. One of: \"Success\" or \"Failure\"."),
            ],
            extensions: S.gvk(group: "", kind: "Status")
        ),
        statusDetails: S.object(
            "StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.",
            properties: [
                "causes": S.array(of: S.ref(statusCause), "The Causes array includes more details associated with the StatusReason failure.", extensions: [
                    "x-kubernetes-list-type": "atomic",
                ]),
                "group": S.string("The group attribute of the resource associated with the status StatusReason."),
                "kind": S.string("The kind attribute of the resource associated with the status StatusReason."),
                "name": S.string("The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described)."),
                "retryAfterSeconds": S.int32("If specified, the time in seconds before the operation should be retried."),
                "uid": S.string("UID of the resource."),
            ]
        ),
        statusCause: S.object(
            "StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.",
            properties: [
                "field": S.string("The field of the resource that has caused this error, as named by its JSON serialization."),
                "message": S.string("A human-readable description of the cause of the error."),
                "reason": S.string("A machine-readable description of the cause of the error."),
            ]
        ),
        ownerReference: S.object(
            "OwnerReference contains enough information to let you identify an owning object.",
            properties: [
                "apiVersion": S.string("API version of the referent."),
                "blockOwnerDeletion": S.boolean("If true, AND if the owner has the \"foregroundDeletion\" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed."),
                "controller": S.boolean("If true, this reference points to the managing controller."),
                "kind": S.string("Kind of the referent."),
                "name": S.string("Name of the referent."),
                "uid": S.string("UID of the referent."),
            ],
            required: ["apiVersion", "kind", "name", "uid"],
            extensions: ["x-kubernetes-map-type": "atomic"]
        ),
        managedFieldsEntry: S.object(
            "ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.",
            properties: [
                "apiVersion": S.string("APIVersion defines the version of this resource that this field set applies to."),
                "fieldsType": S.string("FieldsType is the discriminator for the different fields format and version. The only valid value is \"FieldsV1\"."),
                "fieldsV1": S.ref(fieldsV1, "FieldsV1 holds the first JSON version format as described in the \"FieldsV1\" type."),
                "manager": S.string("Manager is an identifier of the workflow managing these fields."),
                "operation": S.string("Operation is the type of operation which lead to this ManagedFieldsEntry being created: Apply or Update."),
                "subresource": S.string("Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource."),
                "time": S.ref(time, "Time is the timestamp of when the ManagedFields entry was added."),
            ]
        ),
        fieldsV1: S.freeForm("FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format."),
        deleteOptions: S.object(
            "DeleteOptions may be provided when deleting an API object.",
            properties: [
                "apiVersion": S.string(apiVersionDescription),
                "dryRun": S.array(of: ["type": "string", "default": ""], "When present, indicates that modifications should not be persisted. Valid values are: All.", extensions: [
                    "x-kubernetes-list-type": "atomic",
                ]),
                "gracePeriodSeconds": S.int64("The duration in seconds before the object should be deleted."),
                "ignoreStoreReadErrorWithClusterBreakingPotential": S.boolean("if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error."),
                "kind": S.string(kindDescription),
                "orphanDependents": S.boolean("Deprecated: please use the PropagationPolicy. Should the dependent objects be orphaned."),
                "preconditions": S.ref(preconditions, "Must be fulfilled before a deletion is carried out."),
                "propagationPolicy": S.string("Whether and how garbage collection will be performed: Orphan, Background or Foreground."),
            ],
            extensions: sharedGVKs("DeleteOptions")
        ),
        preconditions: S.object(
            "Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.",
            properties: [
                "resourceVersion": S.string("Specifies the target ResourceVersion"),
                "uid": S.string("Specifies the target UID."),
            ]
        ),
        patch: .object([
            "type": "object",
            "description": "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
        ]),
        watchEvent: S.object(
            "Event represents a single event to a watched resource.",
            properties: [
                "object": S.freeForm("Object is: the object of the event (ADDED, MODIFIED, DELETED), a Status (ERROR), or an object carrying only the resourceVersion (BOOKMARK)."),
                "type": S.string("ADDED, MODIFIED, DELETED, BOOKMARK or ERROR."),
            ],
            required: ["type", "object"],
            extensions: sharedGVKs("WatchEvent")
        ),
        objectReference: S.object(
            "ObjectReference contains enough information to let you inspect or modify the referred object.",
            properties: [
                "apiVersion": S.string("API version of the referent."),
                "fieldPath": S.string("If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement."),
                "kind": S.string("Kind of the referent."),
                "name": S.string("Name of the referent."),
                "namespace": S.string("Namespace of the referent."),
                "resourceVersion": S.string("Specific resourceVersion to which this reference is made, if any."),
                "uid": S.string("UID of the referent."),
            ],
            extensions: ["x-kubernetes-map-type": "atomic"]
        ),
        localObjectReference: S.object(
            "LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.",
            properties: [
                "name": S.string("Name of the referent."),
            ],
            extensions: ["x-kubernetes-map-type": "atomic"]
        ),
        secret: S.object(
            "Secret holds secret data of a certain type.",
            properties: objectProperties([
                "data": S.map(of: ["type": "string", "format": "byte"], "Data contains the secret data. Each value is base64 encoded."),
                "immutable": S.boolean("Immutable, if set to true, ensures that data stored in the Secret cannot be updated."),
                "stringData": S.stringMap("stringData allows specifying non-binary secret data in string form. It is merged into the data field on write."),
                "type": S.string("Used to facilitate programmatic handling of secret data."),
            ]),
            extensions: S.gvk(group: "", kind: "Secret")
        ),
        secretList: S.object(
            "SecretList is a list of Secret.",
            properties: listProperties(items: secret, "Items is a list of secret objects."),
            required: ["items"],
            extensions: S.gvk(group: "", kind: "SecretList")
        ),
    ]
}
