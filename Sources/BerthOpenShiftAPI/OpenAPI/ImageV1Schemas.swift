import BerthModel

/// Component schemas for every `image.openshift.io/v1` type and the Kubernetes types they
/// reference. kubectl reads them for `explain`, for the strategic-merge metadata of client-side
/// `apply`, and Berth itself walks them for `fieldValidation=Strict`. JSON names come from
/// openshift/api `image/v1/types.go` (reference/openshift.md §1); descriptions and `required`
/// lists from the seed's specification tables.
public enum ImageV1Schemas {
    public static let prefix = "com.github.openshift.api.image.v1."

    /// The component name of an image group type, e.g. `ImageStream`.
    public static func name(_ type: String) -> String { prefix + type }

    /// Image group definitions plus the apimachinery and core/v1 ones they reference.
    public static let definitions: [String: JSONValue] = KubernetesSchemas.definitions.merging(imageDefinitions) { _, image in image }

    /// The component name of the schema describing a kind's wire form, for the kinds served by
    /// the image group and the core kinds Berth serves (`Secret`, `SecretList` under `api/v1`).
    public static func schemaName(group: String, kind: String) -> String? {
        let candidate: String
        switch group {
        case "image.openshift.io": candidate = name(kind)
        case "": candidate = KubernetesSchemas.core + kind
        default: return nil
        }
        return definitions[candidate] == nil ? nil : candidate
    }

    private typealias S = OpenAPISchema
    private typealias K = KubernetesSchemas

    private static func kind(_ kind: String) -> [String: JSONValue] {
        S.gvk(group: "image.openshift.io", kind: kind)
    }

    private static let imageDescription = "Image is an immutable representation of a container image and metadata at a point in time."
    private static let imageStreamDescription = "An ImageStream stores a mapping of tags to images, metadata overrides that are applied when images are tagged in a stream, and an optional reference to a container image repository on a registry."
    private static let tagReferenceDescription = "TagReference specifies optional annotations for images using this tag and an optional reference to an ImageStreamTag, ImageStreamImage, or DockerImage this tag should track."
    private static let namedTagEventListDescription = "NamedTagEventList relates a tag to its image history."
    private static let importPolicyDescription = "TagImportPolicy controls how images related to this tag will be imported."
    private static let referencePolicyDescription = "TagReferencePolicy describes how pull-specs for images in this image stream tag are generated when image change triggers in deployment configs or builds are resolved."
    private static let lookupPolicyDescription = "ImageLookupPolicy describes how an image stream can be used to override the image references used by pods, builds, and other resources in a namespace."
    private static let imageImportStatusDescription = "ImageImportStatus describes the result of an image import."
    private static let includeManifestDescription = "IncludeManifest determines if the manifest for each image is returned in the response"

    private static let imageDefinitions: [String: JSONValue] = [
        name("Image"): S.object(
            imageDescription,
            properties: K.objectProperties([
                "dockerImageConfig": S.string("DockerImageConfig is a JSON blob that the runtime uses to set up the container. Will not be set when the image represents a manifest list."),
                "dockerImageLayers": S.array(of: S.ref(name("ImageLayer")), "DockerImageLayers represents the layers in the image. May not be set if the image does not define that data or if the image represents a manifest list."),
                "dockerImageManifest": S.string("DockerImageManifest is the raw JSON of the manifest"),
                "dockerImageManifestMediaType": S.string("DockerImageManifestMediaType specifies the mediaType of manifest. This is a part of manifest schema v2."),
                "dockerImageManifests": S.array(of: S.ref(name("ImageManifest")), "DockerImageManifests holds information about sub-manifests when the image represents a manifest list. When this field is present, no DockerImageLayers should be specified."),
                "dockerImageMetadata": S.freeForm("DockerImageMetadata contains metadata about this image", extensions: [
                    "x-kubernetes-patch-strategy": "replace",
                ]),
                "dockerImageMetadataVersion": S.string("DockerImageMetadataVersion conveys the version of the object, which if empty defaults to \"1.0\""),
                "dockerImageReference": S.string("DockerImageReference is the string that can be used to pull this image."),
                "dockerImageSignatures": S.array(of: ["type": "string", "format": "byte"], "DockerImageSignatures provides the signatures as opaque blobs. This is a part of manifest schema v1."),
                // The Go tag's merge key `name` is no field of ImageSignature (its name lives in
                // metadata), so this list gets the strategic-merge key kubectl expects but no
                // `x-kubernetes-list-type: map`: a list-map key must be a scalar field of the item.
                "signatures": S.array(of: S.ref(name("ImageSignature")), "Signatures holds all signatures of the image.", extensions: [
                    "x-kubernetes-patch-merge-key": "name",
                    "x-kubernetes-patch-strategy": "merge",
                ]),
            ]),
            extensions: kind("Image")
        ),
        name("ImageList"): S.object(
            "ImageList is a list of Image objects.",
            properties: K.listProperties(items: name("Image"), "Items is a list of images"),
            required: ["items"],
            extensions: kind("ImageList")
        ),
        name("ImageLayer"): S.object(
            "ImageLayer represents a single layer of the image. Some images may have multiple layers. Some may have none.",
            properties: [
                "mediaType": S.string("MediaType of the referenced object."),
                "name": S.string("Name of the layer as defined by the underlying store."),
                "size": S.int64("Size of the layer in bytes as defined by the underlying store."),
            ],
            required: ["name", "size", "mediaType"]
        ),
        name("ImageManifest"): S.object(
            "ImageManifest represents sub-manifests of a manifest list. The Digest field points to a regular Image object.",
            properties: [
                "architecture": S.string("Architecture specifies the supported CPU architecture, for example `amd64` or `ppc64le`."),
                "digest": S.string("Digest is the unique identifier for the manifest. It refers to an Image object."),
                "manifestSize": S.int64("ManifestSize represents the size of the raw object contents, in bytes."),
                "mediaType": S.string("MediaType defines the type of the manifest."),
                "os": S.string("OS specifies the operating system, for example `linux`."),
                "variant": S.string("Variant is an optional field repreenting a variant of the CPU, for example v6 to specify a particular CPU variant of the ARM CPU."),
            ],
            required: ["digest", "mediaType", "manifestSize", "architecture", "os"]
        ),
        name("ImageSignature"): S.object(
            "ImageSignature holds a signature of an image. It allows to verify image identity and possibly other claims as long as the signature is trusted.",
            properties: K.objectProperties([
                "conditions": S.keyedArray(of: S.ref(name("SignatureCondition")), key: "type", "Conditions represent the latest available observations of a signature's current state."),
                "content": S.bytes("Required: An opaque binary string which is an image's signature."),
                "created": S.ref(K.time, "If specified, it is the time of signature's creation."),
                "imageIdentity": S.string("A human readable string representing image's identity. It could be a product name and version, or an image pull spec (e.g. \"registry.access.redhat.com/rhel7/rhel:7.2\")."),
                "issuedBy": S.ref(name("SignatureIssuer"), "If specified, it holds information about an issuer of signing certificate or key (a person or entity who signed the signing certificate or key)."),
                "issuedTo": S.ref(name("SignatureSubject"), "If specified, it holds information about a subject of signing certificate or key (a person or entity who signed the image)."),
                "signedClaims": S.stringMap("Contains claims from the signature."),
                "type": S.string("Required: Describes a type of stored blob."),
            ]),
            required: ["type", "content"],
            extensions: kind("ImageSignature")
        ),
        name("SignatureCondition"): S.object(
            "SignatureCondition describes an image signature condition of particular kind at particular probe time.",
            properties: [
                "lastProbeTime": S.ref(K.time, "Last time the condition was checked."),
                "lastTransitionTime": S.ref(K.time, "Last time the condition transit from one status to another."),
                "message": S.string("Human readable message indicating details about last transition."),
                "reason": S.string("(brief) reason for the condition's last transition."),
                "status": S.string("Status of the condition, one of True, False, Unknown."),
                "type": S.string("Type of signature condition, Complete or Failed."),
            ],
            required: ["type", "status"]
        ),
        name("SignatureIssuer"): S.object(
            "SignatureIssuer holds information about an issuer of signing certificate or key.",
            properties: [
                "commonName": S.string("Common name (e.g. openshift-signing-service)."),
                "organization": S.string("Organization name."),
            ]
        ),
        name("SignatureSubject"): S.object(
            "SignatureSubject holds information about a person or entity who created the signature.",
            properties: [
                "commonName": S.string("Common name (e.g. openshift-signing-service)."),
                "organization": S.string("Organization name."),
                "publicKeyID": S.string("If present, it is a human readable key id of public key belonging to the subject used to verify image signature. It should contain at least 64 lowest bits of public key's fingerprint (e.g. 0x685ebe62bf278440)."),
            ],
            required: ["publicKeyID"]
        ),
        name("ImageStream"): S.object(
            imageStreamDescription,
            properties: K.objectProperties([
                "spec": S.ref(name("ImageStreamSpec"), "Spec describes the desired state of this stream"),
                "status": S.ref(name("ImageStreamStatus"), "Status describes the current state of this stream"),
            ]),
            extensions: kind("ImageStream")
        ),
        name("ImageStreamList"): S.object(
            "ImageStreamList is a list of ImageStream objects.",
            properties: K.listProperties(items: name("ImageStream"), "Items is a list of imageStreams"),
            required: ["items"],
            extensions: kind("ImageStreamList")
        ),
        name("ImageStreamSpec"): S.object(
            "ImageStreamSpec represents options for ImageStreams.",
            properties: [
                "dockerImageRepository": S.string("dockerImageRepository is optional, if specified this stream is backed by a container repository on this server. Deprecated: specify the source for the tags to be imported in each tag via the spec.tags.from reference instead."),
                "lookupPolicy": S.ref(name("ImageLookupPolicy"), "lookupPolicy controls how other resources reference images within this namespace."),
                "tags": S.keyedArray(of: S.ref(name("TagReference")), key: "name", "tags map arbitrary string values to specific image locators"),
            ]
        ),
        name("ImageStreamStatus"): S.object(
            "ImageStreamStatus contains information about the state of this image stream.",
            properties: [
                "dockerImageRepository": S.string("DockerImageRepository represents the effective location this stream may be accessed at. May be empty until the server determines where the repository is located"),
                "publicDockerImageRepository": S.string("PublicDockerImageRepository represents the public location from where the image can be pulled outside the cluster. This field may be empty if the administrator has not exposed the integrated registry externally."),
                "tags": S.keyedArray(of: S.ref(name("NamedTagEventList")), key: "tag", "Tags are a historical record of images associated with each tag. The first entry in the TagEvent array is the currently tagged image."),
            ],
            required: ["dockerImageRepository"]
        ),
        name("ImageLookupPolicy"): S.object(
            lookupPolicyDescription,
            properties: [
                "local": S.boolean("local will change the docker short image references (like \"mysql\" or \"php:latest\") on objects in this namespace to the image ID whenever they match this image stream, instead of reaching out to a remote registry."),
            ],
            required: ["local"]
        ),
        name("TagReference"): S.object(
            tagReferenceDescription,
            properties: [
                "annotations": S.stringMap("Optional; if specified, annotations that are applied to images retrieved via ImageStreamTags."),
                "from": S.ref(K.objectReference, "Optional; if specified, a reference to another image that this tag should point to. Valid values are ImageStreamTag, ImageStreamImage, and DockerImage."),
                "generation": S.int64("Generation is a counter that tracks mutations to the spec tag (user intent). To trigger a new import, clients may set this value to zero; legacy clients send nil, which is merged with the current tag generation."),
                "importPolicy": S.ref(name("TagImportPolicy"), "ImportPolicy is information that controls how images may be imported by the server."),
                "name": S.string("Name of the tag"),
                "reference": S.boolean("Reference states if the tag will be imported. Default value is false, which means the tag will be imported."),
                "referencePolicy": S.ref(name("TagReferencePolicy"), "ReferencePolicy defines how other components should consume the image."),
            ],
            required: ["name"]
        ),
        name("TagImportPolicy"): S.object(
            importPolicyDescription,
            properties: [
                "importMode": S.string("ImportMode describes how to import an image manifest: Legacy or PreserveOriginal."),
                "insecure": S.boolean("Insecure is true if the server may bypass certificate verification or connect directly over HTTP during image import."),
                "scheduled": S.boolean("Scheduled indicates to the server that this tag should be periodically checked to ensure it is up to date, and imported"),
            ]
        ),
        name("TagReferencePolicy"): S.object(
            referencePolicyDescription,
            properties: [
                "type": S.string("Type determines how the image pull spec should be transformed when the image stream tag is used in deployment config triggers or new builds. The default value is `Source`; `Local` is the other."),
            ],
            required: ["type"]
        ),
        name("NamedTagEventList"): S.object(
            namedTagEventListDescription,
            properties: [
                "conditions": S.array(of: S.ref(name("TagEventCondition")), "Conditions is an array of conditions that apply to the tag event list."),
                "items": S.array(of: S.ref(name("TagEvent")), "Standard object's metadata."),
                "tag": S.string("Tag is the tag for which the history is recorded"),
            ],
            required: ["tag", "items"]
        ),
        name("TagEvent"): S.object(
            "TagEvent is used by ImageStreamStatus to keep a historical record of images associated with a tag.",
            properties: [
                "created": S.ref(K.time, "Created holds the time the TagEvent was created"),
                "dockerImageReference": S.string("DockerImageReference is the string that can be used to pull this image"),
                "generation": S.int64("Generation is the spec tag generation that resulted in this tag being updated"),
                "image": S.string("Image is the image"),
            ],
            required: ["created", "dockerImageReference", "image", "generation"]
        ),
        name("TagEventCondition"): S.object(
            "TagEventCondition contains condition information for a tag event.",
            properties: [
                "generation": S.int64("Generation is the spec tag generation that this status corresponds to"),
                "lastTransitionTime": S.ref(K.time, "LastTransitionTIme is the time the condition transitioned from one status to another."),
                "message": S.string("Message is a human readable description of the details about last transition, complementing reason."),
                "reason": S.string("Reason is a brief machine readable explanation for the condition's last transition."),
                "status": S.string("Status of the condition, one of True, False, Unknown."),
                "type": S.string("Type of tag event condition, currently only ImportSuccess"),
            ],
            required: ["type", "status", "generation"]
        ),
        name("ImageStreamImage"): S.object(
            "ImageStreamImage represents an Image that is retrieved by image name from an ImageStream. Its name is \"<STREAM>@<DIGEST>\".",
            properties: K.objectProperties([
                "image": S.ref(name("Image"), "Image associated with the ImageStream and image name."),
            ]),
            required: ["image"],
            extensions: kind("ImageStreamImage")
        ),
        name("ImageStreamImport"): S.object(
            "The image stream import resource provides an easy way for a user to find and import container images from other container image registries into the server.",
            properties: K.objectProperties([
                "spec": S.ref(name("ImageStreamImportSpec"), "Spec is a description of the images that the user wishes to import"),
                "status": S.ref(name("ImageStreamImportStatus"), "Status is the result of importing the image"),
            ]),
            required: ["spec", "status"],
            extensions: kind("ImageStreamImport")
        ),
        name("ImageStreamImportSpec"): S.object(
            "ImageStreamImportSpec defines what images should be imported.",
            properties: [
                "images": S.array(of: S.ref(name("ImageImportSpec")), "Images are a list of individual images to import."),
                "import": S.boolean("Import indicates whether to perform an import - if so, the specified tags are set on the spec and status of the image stream defined by the type meta."),
                "repository": S.ref(name("RepositoryImportSpec"), "Repository is an optional import of an entire container image repository."),
            ],
            required: ["import"]
        ),
        name("ImageStreamImportStatus"): S.object(
            "ImageStreamImportStatus contains information about the status of an image stream import.",
            properties: [
                "images": S.array(of: S.ref(name("ImageImportStatus")), "Images is set with the result of importing spec.images"),
                "import": S.ref(name("ImageStream"), "Import is the image stream that was successfully updated or created when 'to' was set."),
                "repository": S.ref(name("RepositoryImportStatus"), "Repository is set if spec.repository was set to the outcome of the import"),
            ]
        ),
        name("ImageImportSpec"): S.object(
            "ImageImportSpec describes a request to import a specific image.",
            properties: [
                "from": S.ref(K.objectReference, "From is the source of an image to import; only kind DockerImage is allowed"),
                "importPolicy": S.ref(name("TagImportPolicy"), "ImportPolicy is the policy controlling how the image is imported"),
                "includeManifest": S.boolean(includeManifestDescription),
                "referencePolicy": S.ref(name("TagReferencePolicy"), "ReferencePolicy defines how other components should consume the image"),
                "to": S.ref(K.localObjectReference, "To is a tag in the current image stream to assign the imported image to, if name is not specified the default tag from from.name will be used"),
            ],
            required: ["from"]
        ),
        name("ImageImportStatus"): S.object(
            imageImportStatusDescription,
            properties: [
                "image": S.ref(name("Image"), "Image is the metadata of that image, if the image was located"),
                "manifests": S.array(of: S.ref(name("Image")), "Manifests holds sub-manifests metadata when importing a manifest list"),
                "status": S.ref(K.status, "Status is the status of the image import, including errors encountered while retrieving the image"),
                "tag": S.string("Tag is the tag this image was located under, if any"),
            ],
            required: ["status"]
        ),
        name("RepositoryImportSpec"): S.object(
            "RepositoryImportSpec describes a request to import images from a container image repository.",
            properties: [
                "from": S.ref(K.objectReference, "From is the source for the image repository to import; only kind DockerImage and a name of a container image repository is allowed"),
                "importPolicy": S.ref(name("TagImportPolicy"), "ImportPolicy is the policy controlling how the image is imported"),
                "includeManifest": S.boolean(includeManifestDescription),
                "referencePolicy": S.ref(name("TagReferencePolicy"), "ReferencePolicy defines how other components should consume the image"),
            ],
            required: ["from"]
        ),
        name("RepositoryImportStatus"): S.object(
            "RepositoryImportStatus describes the result of an image repository import",
            properties: [
                "additionalTags": S.array(of: ["type": "string", "default": ""], "AdditionalTags are tags that exist in the repository but were not imported because a maximum limit of automatic imports was applied."),
                "images": S.array(of: S.ref(name("ImageImportStatus")), "Images is a list of images successfully retrieved by the import of the repository."),
                "status": S.ref(K.status, "Status reflects whether any failure occurred during import"),
            ]
        ),
        name("ImageStreamLayers"): S.object(
            "ImageStreamLayers describes information about the layers referenced by images in this image stream.",
            properties: K.objectProperties([
                "blobs": S.map(of: S.ref(name("ImageLayerData")), "blobs is a map of blob name to metadata about the blob."),
                "images": S.map(of: S.ref(name("ImageBlobReferences")), "images is a map between an image name and the names of the blobs and config that comprise the image."),
            ]),
            required: ["blobs", "images"],
            extensions: kind("ImageStreamLayers")
        ),
        name("ImageLayerData"): S.object(
            "ImageLayerData contains metadata about an image layer.",
            properties: [
                "mediaType": S.string("MediaType of the referenced object."),
                "size": S.int64("Size of the layer in bytes as defined by the underlying store. This field is optional if the necessary information about size is not available."),
            ],
            required: ["size", "mediaType"]
        ),
        name("ImageBlobReferences"): S.object(
            "ImageBlobReferences describes the blob references within an image.",
            properties: [
                "config": S.string("config, if set, is the blob that contains the image config. Some images do not have separate config blobs and this field will be set to nil if so."),
                "imageMissing": S.boolean("imageMissing is true if the image is referenced by the image stream but the image object has been deleted from the API by an administrator."),
                "layers": S.array(of: ["type": "string", "default": ""], "layers is the list of blobs that compose this image, from base layer to top layer."),
                "manifests": S.array(of: ["type": "string", "default": ""], "manifests is the list of other image names that this image points to. For a single architecture image, it is empty."),
            ]
        ),
        name("ImageStreamMapping"): S.object(
            "ImageStreamMapping represents a mapping from a single image stream tag to a container image as well as the reference to the container image stream the image came from.",
            properties: K.objectProperties([
                "image": S.ref(name("Image"), "Image is a container image."),
                "tag": S.string("Tag is a string value this image can be located with inside the stream."),
            ]),
            required: ["image", "tag"],
            extensions: kind("ImageStreamMapping")
        ),
        name("ImageStreamTag"): S.object(
            "ImageStreamTag represents an Image that is retrieved by tag name from an ImageStream. Its name is \"<STREAM>:<TAG>\".",
            properties: K.objectProperties([
                "conditions": S.array(of: S.ref(name("TagEventCondition")), "conditions is an array of conditions that apply to the image stream tag."),
                "generation": S.int64("generation is the current generation of the tagged image - if tag is provided and this value is not equal to the tag generation, a user has requested an import that has not completed, or conditions will be filled out indicating any error."),
                "image": S.ref(name("Image"), "image associated with the ImageStream and tag."),
                "lookupPolicy": S.ref(name("ImageLookupPolicy"), "lookupPolicy indicates whether this tag will handle image references in this namespace."),
                "tag": S.ref(name("TagReference"), "tag is the spec tag associated with this image stream tag, and it may be null if only pushes have occurred to this image stream."),
            ]),
            required: ["tag", "generation", "lookupPolicy", "image"],
            extensions: kind("ImageStreamTag")
        ),
        name("ImageStreamTagList"): S.object(
            "ImageStreamTagList is a list of ImageStreamTag objects.",
            properties: K.listProperties(items: name("ImageStreamTag"), "Items is the list of image stream tags"),
            required: ["items"],
            extensions: kind("ImageStreamTagList")
        ),
        name("ImageTag"): S.object(
            "ImageTag represents a single tag within an image stream and includes the spec, the status history, and the currently referenced image (if any) of the provided tag.",
            properties: K.objectProperties([
                "image": S.ref(name("Image"), "image is the details of the most recent image stream status tag, and it may be null if import has not completed or an administrator has deleted the image object."),
                "spec": S.ref(name("TagReference"), "spec is the spec tag associated with this image stream tag, and it may be null if only pushes have occurred to this image stream."),
                "status": S.ref(name("NamedTagEventList"), "status is the status tag details associated with this image stream tag, and it may be null if no push or import has been performed."),
            ]),
            required: ["spec", "status", "image"],
            extensions: kind("ImageTag")
        ),
        name("ImageTagList"): S.object(
            "ImageTagList is a list of ImageTag objects.",
            properties: K.listProperties(items: name("ImageTag"), "Items is the list of image stream tags"),
            required: ["items"],
            extensions: kind("ImageTagList")
        ),
        name("SecretList"): S.object(
            "SecretList is a list of Secret.",
            properties: K.listProperties(items: K.secret, "Items is a list of secret objects."),
            required: ["items"],
            extensions: kind("SecretList")
        ),
    ]
}
