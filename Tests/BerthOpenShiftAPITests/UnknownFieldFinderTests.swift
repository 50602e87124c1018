import BerthModel
import Foundation
import Testing

@testable import BerthOpenShiftAPI

@Suite("UnknownFieldFinder")
struct UnknownFieldFinderTests {
    let finder = UnknownFieldFinder(definitions: ImageV1Schemas.definitions)

    private func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Not throwing, so that a failed expectation prints the paths found.
    private func unknown(_ text: String, _ type: String) -> [String] {
        guard let object = try? json(text) else {
            Issue.record("test body is not JSON")
            return ["<invalid JSON>"]
        }
        return finder.unknownFields(in: object, schema: ImageV1Schemas.name(type))
    }

    static let validImageStream = """
        {
          "kind": "ImageStream",
          "apiVersion": "image.openshift.io/v1",
          "metadata": {
            "name": "ruby",
            "namespace": "demo",
            "labels": {"app": "ruby"},
            "annotations": {"openshift.io/image.dockerRepositoryCheck": "2024-05-01T10:00:00Z"},
            "ownerReferences": [{"apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": "u-1"}],
            "managedFields": [{"manager": "kubectl", "operation": "Update", "fieldsType": "FieldsV1",
                               "fieldsV1": {"f:spec": {"f:tags": {}}}, "time": "2024-05-01T10:00:00Z"}],
            "creationTimestamp": "2024-05-01T10:00:00Z",
            "resourceVersion": "7",
            "generation": 2
          },
          "spec": {
            "lookupPolicy": {"local": true},
            "tags": [
              {"name": "latest", "annotations": {"tags": "builder"}, "generation": null,
               "from": {"kind": "DockerImage", "name": "docker.io/library/ruby:3.3"},
               "importPolicy": {"scheduled": true, "importMode": "Legacy"},
               "referencePolicy": {"type": "Source"}},
              {"name": "3.3", "reference": true, "annotations": null,
               "from": {"kind": "ImageStreamTag", "name": "latest", "namespace": "demo"},
               "importPolicy": {}, "referencePolicy": {"type": "Local"}}
            ]
          },
          "status": {
            "dockerImageRepository": "registry.example/demo/ruby",
            "publicDockerImageRepository": "public.example/demo/ruby",
            "tags": [
              {"tag": "latest",
               "items": [{"created": "2024-05-01T10:00:00Z", "dockerImageReference": "docker.io/library/ruby@sha256:abc",
                          "image": "sha256:abc", "generation": 2}],
               "conditions": [{"type": "ImportSuccess", "status": "False", "lastTransitionTime": "2024-05-01T10:00:00Z",
                               "reason": "NotFound", "message": "not found", "generation": 2}]}
            ]
          }
        }
        """

    @Test("a valid ImageStream reports nothing")
    func validImageStream() throws {
        #expect(unknown(Self.validImageStream, "ImageStream") == [])
    }

    @Test("unknown fields are reported with the apiserver's paths, sorted")
    func unknownPaths() throws {
        let body = """
            {
              "kind": "ImageStream", "apiVersion": "image.openshift.io/v1",
              "metadata": {"name": "ruby", "bogus": 1},
              "spec": {
                "foo": "bar",
                "tags": [
                  {"name": "a"},
                  {"name": "b", "bogus": true, "from": {"kind": "DockerImage", "name": "x", "extra": 1}}
                ]
              },
              "status": {"tags": [{"tag": "a", "items": [{"image": "i", "oops": 1}]}]},
              "extraTopLevel": {}
            }
            """
        #expect(unknown(body, "ImageStream") == [
            "extraTopLevel",
            "metadata.bogus",
            "spec.foo",
            "spec.tags[1].bogus",
            "spec.tags[1].from.extra",
            "status.tags[0].items[0].oops",
        ])
    }

    @Test("dockerImageMetadata accepts anything")
    func freeFormMetadata() throws {
        let image = """
            {
              "kind": "Image", "apiVersion": "image.openshift.io/v1",
              "metadata": {"name": "sha256:abc"},
              "dockerImageReference": "nginx@sha256:abc",
              "dockerImageMetadata": {
                "kind": "DockerImage", "apiVersion": "image.openshift.io/1.0",
                "Id": "sha256:def", "Created": "2021-12-03T01:53:41Z", "ContainerConfig": {},
                "Config": {"Env": ["A=B"], "ExposedPorts": {"80/tcp": {}}, "Labels": {"x": "y"}},
                "Anything": [{"deeply": {"nested": true}}]
              },
              "dockerImageMetadataVersion": "1.0",
              "dockerImageLayers": [{"name": "sha256:1", "size": 10, "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip"}],
              "dockerImageManifests": [{"digest": "sha256:2", "mediaType": "m", "manifestSize": 3, "architecture": "amd64", "os": "linux", "variant": "v8"}],
              "signatures": [{"metadata": {"name": "sha256:abc@sig"}, "type": "AtomicImageV1", "content": "AAEC",
                              "conditions": [{"type": "Trusted", "status": "True"}],
                              "issuedBy": {"organization": "o", "commonName": "c"},
                              "issuedTo": {"publicKeyID": "0x1", "organization": "o"},
                              "signedClaims": {"a": "b"}}],
              "dockerImageSignatures": ["AAEC"]
            }
            """
        #expect(unknown(image, "Image") == [])
    }

    @Test("an unknown field next to dockerImageMetadata is still reported")
    func strictAroundFreeForm() throws {
        let image = """
            {"metadata": {"name": "sha256:abc"}, "dockerImageMetadata": {"x": 1},
             "signatures": [{"type": "t", "content": "AA", "conditions": [{"type": "T", "status": "True", "bad": 1}]}],
             "dockerImageLayer": []}
            """
        #expect(unknown(image, "Image") == ["dockerImageLayer", "signatures[0].conditions[0].bad"])
    }

    @Test("an ImageStreamImport with spec.images from/to/importPolicy/referencePolicy reports nothing")
    func validImport() throws {
        let isi = """
            {
              "kind": "ImageStreamImport", "apiVersion": "image.openshift.io/v1",
              "metadata": {"name": "ruby", "namespace": "demo"},
              "spec": {
                "import": true,
                "images": [
                  {"from": {"kind": "DockerImage", "name": "docker.io/library/ruby:3.3"},
                   "to": {"name": "3.3"},
                   "importPolicy": {"insecure": false, "scheduled": true, "importMode": "PreserveOriginal"},
                   "referencePolicy": {"type": "Local"},
                   "includeManifest": true}
                ],
                "repository": {"from": {"kind": "DockerImage", "name": "docker.io/library/ruby"},
                               "importPolicy": {}, "referencePolicy": {"type": "Source"}, "includeManifest": false}
              },
              "status": {}
            }
            """
        #expect(unknown(isi, "ImageStreamImport") == [])
        let bad = """
            {"spec": {"import": true, "images": [{"from": {"kind": "DockerImage", "name": "x"}, "to": {"name": "t", "tag": "no"}, "policy": {}}]}}
            """
        #expect(unknown(bad, "ImageStreamImport") == ["spec.images[0].policy", "spec.images[0].to.tag"])
    }

    @Test("an ImageStreamImport response shape (status with streams, images and Status) reports nothing")
    func importStatus() throws {
        let isi = """
            {"spec": {"import": false},
             "status": {
               "import": {"metadata": {"name": "ruby"}, "spec": {"lookupPolicy": {"local": false}}, "status": {"dockerImageRepository": ""}},
               "images": [{"status": {"metadata": {}, "status": "Failure", "message": "m", "reason": "NotFound", "code": 404,
                                      "details": {"name": "x", "kind": "k", "causes": [{"reason": "r", "message": "m", "field": "f"}]}},
                           "image": {"metadata": {"name": "sha256:abc"}, "dockerImageMetadata": {"Id": "x"}},
                           "manifests": [{"metadata": {"name": "sha256:def"}}], "tag": "latest"}],
               "repository": {"status": {"metadata": {}, "status": "Success"}, "additionalTags": ["a"], "images": []}
             }}
            """
        #expect(unknown(isi, "ImageStreamImport") == [])
    }

    @Test("map values are checked against their schema, keyed by the map key")
    func mapEntries() throws {
        let layers = """
            {"kind": "ImageStreamLayers", "apiVersion": "image.openshift.io/v1", "metadata": {"name": "ruby"},
             "blobs": {"sha256:1": {"size": 10, "mediaType": "m"}, "sha256:2": {"size": null, "mediaType": "m", "digest": "x"}},
             "images": {"sha256:abc": {"imageMissing": false, "layers": ["sha256:1"], "config": null, "manifests": []}}}
            """
        #expect(unknown(layers, "ImageStreamLayers") == ["blobs.sha256:2.digest"])
    }

    @Test("ImageStreamTag, ImageTag and ImageStreamMapping bodies")
    func otherKinds() throws {
        let istag = """
            {"kind": "ImageStreamTag", "apiVersion": "image.openshift.io/v1", "metadata": {"name": "ruby:latest"},
             "tag": {"name": "latest", "from": {"kind": "DockerImage", "name": "ruby:3"}, "referencePolicy": {"type": "Source"}},
             "generation": 0, "lookupPolicy": {"local": false}, "image": {"metadata": {}}, "conditions": []}
            """
        #expect(unknown(istag, "ImageStreamTag") == [])
        let itag = """
            {"metadata": {"name": "ruby:latest"}, "spec": null, "status": {"tag": "latest", "items": null, "bogus": 1}, "image": null}
            """
        #expect(unknown(itag, "ImageTag") == ["status.bogus"])
        let mapping = """
            {"metadata": {"name": "ruby"}, "image": {"metadata": {"name": "sha256:abc"}, "dockerImageReference": "r@sha256:abc"}, "tag": "latest", "tags": ["x"]}
            """
        #expect(unknown(mapping, "ImageStreamMapping") == ["tags"])
    }

    @Test("kind and apiVersion are known at the top level even of schemas without them")
    func typeMetaAtRoot() throws {
        let policy = try json(#"{"kind": "X", "apiVersion": "v1", "local": true, "remote": false}"#)
        #expect(finder.unknownFields(in: policy, schema: ImageV1Schemas.name("ImageLookupPolicy")) == ["remote"])
        let nested = try json(#"{"spec": {"lookupPolicy": {"kind": "X"}}}"#)
        #expect(finder.unknownFields(in: nested, schema: ImageV1Schemas.name("ImageStream")) == ["spec.lookupPolicy.kind"])
    }

    @Test("core Secret and the image group SecretList")
    func secrets() throws {
        let secret = try json(#"{"kind": "Secret", "apiVersion": "v1", "metadata": {"name": "s"}, "type": "Opaque", "data": {"a": "AA=="}, "stringData": {"b": "c"}, "immutable": false, "extra": 1}"#)
        #expect(finder.unknownFields(in: secret, schema: "io.k8s.api.core.v1.Secret") == ["extra"])
        let list = try json(#"{"kind": "SecretList", "apiVersion": "image.openshift.io/v1", "metadata": {"resourceVersion": "1"}, "items": [{"metadata": {"name": "s"}, "data": {}, "nope": 1}]}"#)
        #expect(finder.unknownFields(in: list, schema: ImageV1Schemas.name("SecretList")) == ["items[0].nope"])
    }

    @Test("values of an unexpected type and unknown schema names are left alone")
    func lenient() throws {
        let odd = try json(#"{"spec": "not an object", "metadata": {"labels": {"a": {"b": 1}}}, "status": {"tags": {"x": 1}}}"#)
        #expect(finder.unknownFields(in: odd, schema: ImageV1Schemas.name("ImageStream")) == [])
        #expect(finder.unknownFields(in: try json(#"{"x": 1}"#), schema: "no.such.Schema") == [])
        #expect(finder.unknownFields(in: .array([1, 2]), schema: ImageV1Schemas.name("ImageStream")) == [])
    }
}
