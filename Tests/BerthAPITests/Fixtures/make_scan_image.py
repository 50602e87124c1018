#!/usr/bin/env python3
"""Builds an OCI layout whose layers hold real package databases, for scanner tests.

usage: make_scan_image.py OUT

Layers (base first):
  0  etc/os-release (Debian 12) and THIS machine's /var/lib/dpkg/status
  1  a real Python dist-info METADATA copied from this machine, node_modules with
     lodash 4.17.20 and left-pad 1.3.0, and a jar with log4j-core 2.14.1's pom.properties
  2  a whiteout of node_modules/left-pad (so it is gone from the final filesystem), and
     an opaque-dir test: opt/gone/ emptied with .wh..wh..opq
Prints JSON: the manifest digest, the python package (name, version) and the layer count.
"""
import gzip, hashlib, importlib.metadata, io, json, os, shutil, sys, tarfile, zipfile

OUT = sys.argv[1]
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(f"{OUT}/blobs/sha256")


def put_blob(data):
    d = hashlib.sha256(data).hexdigest()
    with open(f"{OUT}/blobs/sha256/{d}", "wb") as f:
        f.write(data)
    return {"digest": f"sha256:{d}", "size": len(data)}


def make_layer(files, whiteouts=()):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tf:
        names = list(files) + list(whiteouts)
        dirs = {"/".join(p.split("/")[:i]) for p in names for i in range(1, len(p.split("/")))}
        for d in sorted(dirs):
            ti = tarfile.TarInfo(d + "/"); ti.type = tarfile.DIRTYPE; ti.mode = 0o755; ti.mtime = 0
            tf.addfile(ti)
        for path, data in list(files.items()) + [(w, b"") for w in whiteouts]:
            ti = tarfile.TarInfo(path); ti.size = len(data); ti.mode = 0o644; ti.mtime = 0
            tf.addfile(ti, io.BytesIO(data))
    tar = raw.getvalue()
    return tar, gzip.compress(tar, mtime=0)


def python_package():
    for dist in sorted(importlib.metadata.distributions(), key=lambda d: d.metadata["Name"] or ""):
        path = getattr(dist, "_path", None)
        if path and str(path).endswith(".dist-info") and (path / "METADATA").exists() and dist.metadata["Name"]:
            return dist.metadata["Name"], dist.version, (path / "METADATA").read_bytes(), path.name
    raise SystemExit("no dist-info package on this machine")


def jar(group, artifact, version):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", f"Manifest-Version: 1.0\r\nImplementation-Title: {artifact}\r\n\r\n")
        z.writestr(f"META-INF/maven/{group}/{artifact}/pom.properties", f"groupId={group}\nartifactId={artifact}\nversion={version}\n")
        z.writestr("org/apache/logging/log4j/core/Dummy.class", b"\xca\xfe\xba\xbe")
    return out.getvalue()


name, version, metadata, dist_dir = python_package()
with open("/var/lib/dpkg/status", "rb") as f:
    dpkg_status = f.read()
layers_files = [
    ({"etc/os-release": b'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
      "var/lib/dpkg/status": dpkg_status,
      "opt/gone/file.txt": b"hidden by an opaque whiteout later\n"}, ()),
    ({f"usr/lib/python3/dist-packages/{dist_dir}/METADATA": metadata,
      "opt/app/node_modules/lodash/package.json": json.dumps({"name": "lodash", "version": "4.17.20", "license": "MIT"}).encode(),
      "opt/app/node_modules/left-pad/package.json": json.dumps({"name": "left-pad", "version": "1.3.0"}).encode(),
      "opt/app/lib/log4j-core-2.14.1.jar": jar("org.apache.logging.log4j", "log4j-core", "2.14.1")}, ()),
    ({"opt/gone/new.txt": b"after the opaque whiteout\n"},
     ("opt/app/node_modules/.wh.left-pad", "opt/gone/.wh..wh..opq")),
]
layers, diff_ids, history = [], [], []
for i, (files, whiteouts) in enumerate(layers_files):
    tar, gz = make_layer(files, whiteouts)
    layers.append(put_blob(gz) | {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip"})
    diff_ids.append("sha256:" + hashlib.sha256(tar).hexdigest())
    history.append({"created": "2026-01-01T00:00:00Z", "created_by": f"RUN layer {i} # buildkit"})
config = {"created": "2026-01-01T00:00:01Z", "architecture": "amd64", "os": "linux", "config": {},
          "rootfs": {"type": "layers", "diff_ids": diff_ids}, "history": history}
cfg = put_blob(json.dumps(config).encode()) | {"mediaType": "application/vnd.oci.image.config.v1+json"}
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": cfg, "layers": layers}
m = put_blob(json.dumps(manifest).encode()) | {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                                                "annotations": {"org.opencontainers.image.ref.name": "scan"}}
with open(f"{OUT}/index.json", "w") as f:
    json.dump({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [m]}, f)
with open(f"{OUT}/oci-layout", "w") as f:
    json.dump({"imageLayoutVersion": "1.0.0"}, f)
print(json.dumps({"digest": m["digest"], "python": {"name": name, "version": version}, "layers": len(layers)}))
