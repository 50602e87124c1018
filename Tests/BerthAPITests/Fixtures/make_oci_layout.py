#!/usr/bin/env python3
"""Builds a small OCI image layout for the tests, with no container tooling.

usage: make_oci_layout.py OUT [--seed S] [--layers N]

OUT gets refs:
  1.0    a linux/amd64 image (N gzip layers, config with history, labels, user, volumes)
  multi  an index over linux/amd64 and linux/arm64
--seed changes file contents, so different seeds give different digests.
"""
import argparse, gzip, hashlib, io, json, os, shutil, tarfile

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--seed", default="0")
p.add_argument("--layers", type=int, default=2)
a = p.parse_args()
OUT = a.out
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(f"{OUT}/blobs/sha256")


def put_blob(data):
    d = hashlib.sha256(data).hexdigest()
    with open(f"{OUT}/blobs/sha256/{d}", "wb") as f:
        f.write(data)
    return {"digest": f"sha256:{d}", "size": len(data)}


OS_RELEASE = b'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'


def make_layer(files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tf:
        dirs = {"/".join(path.split("/")[:i]) for path in files for i in range(1, len(path.split("/")))}
        for d in sorted(dirs):
            ti = tarfile.TarInfo(d + "/"); ti.type = tarfile.DIRTYPE; ti.mode = 0o755; ti.mtime = 0
            tf.addfile(ti)
        for path, data in files.items():
            ti = tarfile.TarInfo(path); ti.size = len(data); ti.mode = 0o644; ti.mtime = 0
            tf.addfile(ti, io.BytesIO(data))
    tar = raw.getvalue()
    return tar, gzip.compress(tar, mtime=0)


def make_image(arch):
    layers, diff_ids, history = [], [], []
    for i in range(a.layers):
        files = {f"opt/berth/{a.seed}/{arch}/file{i}.txt": f"layer {i} seed {a.seed} arch {arch}\n".encode()}
        if i == 0:
            files["etc/os-release"] = OS_RELEASE
        tar, gz = make_layer(files)
        layers.append(put_blob(gz) | {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip"})
        diff_ids.append("sha256:" + hashlib.sha256(tar).hexdigest())
        created_by = "/bin/sh -c #(nop) ADD file:abc in / " if i == 0 else f"RUN /bin/sh -c echo {i} # buildkit"
        history.append({"created": "2026-01-01T00:00:00Z", "created_by": created_by, "author": "berth-tests"})
    history.append({"created": "2026-01-01T00:00:01Z", "created_by": '/bin/sh -c #(nop)  CMD ["/bin/sh"]', "empty_layer": True})
    config = {
        "created": "2026-01-01T00:00:01Z", "author": "berth-tests", "architecture": arch, "os": "linux",
        "config": {"User": "1000", "Cmd": ["/bin/sh"], "Entrypoint": ["/entry"], "Volumes": {"/data": {}},
                   "Labels": {"org.opencontainers.image.title": "berth-test", "seed": a.seed}},
        "rootfs": {"type": "layers", "diff_ids": diff_ids},
        "history": history,
    }
    cfg = put_blob(json.dumps(config).encode()) | {"mediaType": "application/vnd.oci.image.config.v1+json"}
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": cfg, "layers": layers}
    return put_blob(json.dumps(manifest).encode()) | {
        "mediaType": "application/vnd.oci.image.manifest.v1+json", "platform": {"architecture": arch, "os": "linux"}}


amd64, arm64 = make_image("amd64"), make_image("arm64")
idx = put_blob(json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
                           "manifests": [amd64, arm64]}).encode())
idx |= {"mediaType": "application/vnd.oci.image.index.v1+json", "annotations": {"org.opencontainers.image.ref.name": "multi"}}
single = {k: v for k, v in amd64.items() if k != "platform"} | {"annotations": {"org.opencontainers.image.ref.name": "1.0"}}
with open(f"{OUT}/index.json", "w") as f:
    json.dump({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [single, idx]}, f)
with open(f"{OUT}/oci-layout", "w") as f:
    json.dump({"imageLayoutVersion": "1.0.0"}, f)
print(json.dumps({"amd64": amd64["digest"], "arm64": arm64["digest"], "index": idx["digest"]}))
