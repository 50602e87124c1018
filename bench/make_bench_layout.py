#!/usr/bin/env python3
"""OCI layouts for the scanner benchmarks.

usage: make_bench_layout.py layer OUT DIR...   one gzip layer holding DIRs (paths under /)
                                                and this machine's dpkg status
       make_bench_layout.py packages OUT N     one small layer with a dpkg status of N
                                                synthetic packages (for matching)
       make_bench_layout.py osv OUT.zip N PACKAGES
                                                N synthetic Debian:12 OSV records spread
                                                over PACKAGES source names (pkg0000…)
Prints the layer blob path (layer/packages modes) so the baseline can read the same bytes.
"""
import gzip, hashlib, io, json, os, shutil, sys, tarfile, zipfile

mode, out = sys.argv[1], sys.argv[2]


def layout(tar_bytes):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(f"{out}/blobs/sha256")

    def put(data):
        d = hashlib.sha256(data).hexdigest()
        with open(f"{out}/blobs/sha256/{d}", "wb") as f:
            f.write(data)
        return {"digest": f"sha256:{d}", "size": len(data)}

    gz = gzip.compress(tar_bytes, compresslevel=6, mtime=0)
    layer = put(gz) | {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip"}
    config = {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers",
              "diff_ids": ["sha256:" + hashlib.sha256(tar_bytes).hexdigest()]}, "history": [{"created_by": "bench"}]}
    cfg = put(json.dumps(config).encode()) | {"mediaType": "application/vnd.oci.image.config.v1+json"}
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json", "config": cfg, "layers": [layer]}
    m = put(json.dumps(manifest).encode()) | {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                                              "annotations": {"org.opencontainers.image.ref.name": "bench"}}
    with open(f"{out}/index.json", "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [m]}, f)
    with open(f"{out}/oci-layout", "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    print(f"{out}/blobs/sha256/{layer['digest'][7:]}")


OS_RELEASE = b'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'


def tar_of(files, dirs=()):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for d in dirs:
            tf.add(d, arcname=d.lstrip("/"), recursive=True)
        for path, data in files.items():
            ti = tarfile.TarInfo(path); ti.size = len(data); ti.mode = 0o644
            tf.addfile(ti, io.BytesIO(data))
    return raw.getvalue()


if mode == "layer":
    with open("/var/lib/dpkg/status", "rb") as f:
        status = f.read()
    layout(tar_of({"etc/os-release": OS_RELEASE, "var/lib/dpkg/status": status}, sys.argv[3:]))
elif mode == "packages":
    n = int(sys.argv[3])
    status = "".join(f"Package: pkg{i:04d}\nStatus: install ok installed\nVersion: 1.{i % 7}.{i % 13}-1\nArchitecture: amd64\n\n" for i in range(n))
    layout(tar_of({"etc/os-release": OS_RELEASE, "var/lib/dpkg/status": status.encode()}))
elif mode == "osv":
    n, packages = int(sys.argv[3]), int(sys.argv[4])
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(n):
            fixed = f"1.{i % 9}.{i % 17}-1"
            record = {"id": f"DEBIAN-BENCH-{i:06d}", "modified": "2026-01-01T00:00:00Z", "aliases": [f"CVE-2090-{i:06d}"],
                      "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N"}],
                      "affected": [{"package": {"ecosystem": "Debian:12", "name": f"pkg{i % packages:04d}"},
                                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": fixed}]}]}]}
            z.writestr(f"DEBIAN-BENCH-{i:06d}.json", json.dumps(record))
