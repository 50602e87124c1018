#!/usr/bin/env python3
"""Pushes N distinct small images (one shared layer, a config each) to a loopback registry
through the distribution API, as repo:t0..t{N-1}: a catalogue of N digests in a second or two.

usage: push_distinct.py REGISTRY REPO N
"""
import hashlib, json, sys, urllib.request, io, tarfile, gzip

registry, repo, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = f"http://{registry}/v2/{repo}"


def upload(data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    head = urllib.request.Request(f"{base}/blobs/{digest}", method="HEAD")
    try:
        urllib.request.urlopen(head)
        return digest
    except urllib.error.HTTPError:
        pass
    start = urllib.request.urlopen(urllib.request.Request(f"{base}/blobs/uploads/", method="POST", data=b""))
    location = start.headers["Location"]
    if location.startswith("/"):
        location = f"http://{registry}{location}"
    sep = "&" if "?" in location else "?"
    put = urllib.request.Request(f"{location}{sep}digest={digest}", method="PUT", data=data,
                                 headers={"Content-Type": "application/octet-stream"})
    urllib.request.urlopen(put)
    return digest


raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w") as tar:
    payload = b"berth bench\n"
    info = tarfile.TarInfo("etc/bench.txt")
    info.size = len(payload)
    tar.addfile(info, io.BytesIO(payload))
layer = gzip.compress(raw.getvalue(), mtime=0)
diff_id = "sha256:" + hashlib.sha256(raw.getvalue()).hexdigest()
layer_digest = upload(layer)
for i in range(n):
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Labels": {"bench.index": str(i)}},
                         "rootfs": {"type": "layers", "diff_ids": [diff_id]}}).encode()
    config_digest = upload(config)
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": len(config)},
                           "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": len(layer)}]}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{base}/manifests/t{i}", method="PUT", data=manifest,
                                                  headers={"Content-Type": "application/vnd.oci.image.manifest.v1+json"}))
