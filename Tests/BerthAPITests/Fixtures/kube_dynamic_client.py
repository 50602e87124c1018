"""Drives Berth's OpenShift image API with the Python kubernetes DynamicClient, as a user's
script would, and prints what it saw as JSON for the Swift test to check.

Usage: kube_dynamic_client.py URL TOKEN REPOSITORY PRIVATE_REPOSITORY USER PASSWORD
"""
import base64
import json
import sys
import threading

from kubernetes import client
from kubernetes.dynamic import DynamicClient
from kubernetes.dynamic.exceptions import ApiException

url, token, repository, private, user, password = sys.argv[1:7]
configuration = client.Configuration()
configuration.host = url
configuration.api_key = {"authorization": "Bearer " + token}
dyn = DynamicClient(client.ApiClient(configuration))
out = {}

streams = dyn.resources.get(api_version="image.openshift.io/v1", kind="ImageStream")
tags = dyn.resources.get(api_version="image.openshift.io/v1", kind="ImageStreamTag")
imports = dyn.resources.get(api_version="image.openshift.io/v1", kind="ImageStreamImport")
secrets = dyn.resources.get(api_version="v1", kind="Secret")

ns = "py"
for name in ["alpha", "beta", "gamma"]:
    streams.create(namespace=ns, body={"apiVersion": "image.openshift.io/v1", "kind": "ImageStream",
                                       "metadata": {"name": name, "labels": {"set": "py"}},
                                       "spec": {"tags": [{"name": "ref", "from": {"kind": "DockerImage", "name": repository + ":v1"}, "reference": True}]}})

page = streams.get(namespace=ns, limit=2)
out["page1"] = [item.metadata.name for item in page.items]
out["continue"] = bool(page.metadata["continue"])
rest = streams.get(namespace=ns, limit=2, _continue=page.metadata["continue"])
out["page2"] = [item.metadata.name for item in rest.items]
out["selected"] = [item.metadata.name for item in streams.get(namespace=ns, label_selector="set=py").items]

alpha = streams.get(namespace=ns, name="alpha")
out["generation"] = alpha.metadata.generation
out["refEvent"] = alpha.status.tags[0]["items"][0]["dockerImageReference"]

# Strategic merge patch (the client's default) adds a tag and keeps the existing one.
patched = streams.patch(namespace=ns, name="alpha", body={"spec": {"tags": [{"name": "extra", "from": {"kind": "ImageStreamTag", "name": "ref"}}]}})
out["patchedTags"] = sorted(tag["name"] for tag in patched.spec.tags)
out["trackedEvent"] = [t for t in patched.status.tags if t["tag"] == "extra"][0]["items"][0]["dockerImageReference"]
out["patchedGeneration"] = patched.metadata.generation

# A replace with a stale resourceVersion is a 409.
stale = alpha.to_dict()
try:
    streams.replace(namespace=ns, body=stale)
    out["staleReplace"] = "accepted"
except ApiException as error:
    out["staleReplace"] = error.status

# A watch from the list's version sees a later change.
events = []
version = streams.get(namespace=ns).metadata.resourceVersion
def watch():
    for event in streams.watch(namespace=ns, resource_version=version, timeout=8):
        events.append((event["type"], event["object"].metadata.name))
        if event["object"].metadata.name == "gamma" and event["type"] == "DELETED":
            break
thread = threading.Thread(target=watch)
thread.start()
streams.patch(namespace=ns, name="beta", body={"metadata": {"annotations": {"note": "x"}}}, content_type="application/merge-patch+json")
streams.delete(namespace=ns, name="gamma")
thread.join(15)
out["events"] = events

# Pull secret for the registry behind basic auth, then an import that uses it.
host = private.split("/")[0]
config = {"auths": {host: {"auth": base64.b64encode(f"{user}:{password}".encode()).decode()}}}
secrets.create(namespace=ns, body={"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "pull"}, "type": "kubernetes.io/dockerconfigjson",
                                   "data": {".dockerconfigjson": base64.b64encode(json.dumps(config).encode()).decode()}})
out["secretShown"] = secrets.get(namespace=ns, name="pull").data[".dockerconfigjson"] != ""
isi = imports.create(namespace=ns, body={"apiVersion": "image.openshift.io/v1", "kind": "ImageStreamImport", "metadata": {"name": "private"},
                                         "spec": {"import": True, "images": [{"from": {"kind": "DockerImage", "name": private + ":v1"}}]}})
out["privateStatus"] = isi.status.images[0].status.status
out["privateTag"] = tags.get(namespace=ns, name="private:v1").image.metadata.name

# The same import from a namespace without the secret is refused by the registry.
denied = imports.create(namespace="other", body={"apiVersion": "image.openshift.io/v1", "kind": "ImageStreamImport", "metadata": {"name": "private"},
                                                 "spec": {"import": True, "images": [{"from": {"kind": "DockerImage", "name": private + ":v1"}}]}})
out["deniedReason"] = denied.status.images[0].status.reason
other = streams.get(namespace="other", name="private")
out["deniedCondition"] = other.status.tags[0]["conditions"][0]["reason"]

# Not found is a NotFound Status.
try:
    tags.get(namespace=ns, name="alpha:nope")
except ApiException as error:
    out["missingTag"] = [error.status, json.loads(error.body)["reason"]]

out["layers"] = sorted(streams.layers.get(namespace=ns, name="private").images.keys()) if hasattr(streams, "layers") else None
out["secretList"] = [item["metadata"]["name"] for item in streams.secrets.get(namespace=ns, name="any").items]
print(json.dumps(out))
