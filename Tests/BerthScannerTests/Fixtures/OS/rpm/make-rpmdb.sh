#!/usr/bin/env bash
# Rebuilds rpmdb.sqlite in this folder with Debian's rpm 4.18 (apt-get install
# -y --no-install-recommends rpm sqlite3 gnupg). See README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rpmdef=(--define "_topdir $work/top" --define '_db_backend sqlite')

for spec in "$here"/specs/*.spec; do
    rpmbuild "${rpmdef[@]}" -bb "$spec" >/dev/null 2>&1
done

mkdir -m 700 "$work/gnupg"
export GNUPGHOME="$work/gnupg"
gpg --batch --passphrase '' --quick-gen-key 'Berth Fixture Key <fixture@example.invalid>' ed25519 sign never 2>/dev/null
gpg --armor --export fixture@example.invalid >"$work/key.asc"

mkdir "$work/db"
rpm --dbpath "$work/db" "${rpmdef[@]}" --initdb
rpm --dbpath "$work/db" "${rpmdef[@]}" --import "$work/key.asc"
rpm --dbpath "$work/db" "${rpmdef[@]}" --nodeps --justdb --nosignature -i \
    "$work"/top/RPMS/*/*.rpm 2>/dev/null

# Shrink: 1 KiB pages instead of 4 KiB (rpm creates ~25 tables and indexes,
# each at least one page), then back to WAL, the mode rpm leaves it in.
mkdir "$work/small"
cp "$work/db/rpmdb.sqlite" "$work/small/rpmdb.sqlite"
sqlite3 "$work/small/rpmdb.sqlite" 'PRAGMA journal_mode=DELETE;' 'PRAGMA page_size=1024;' 'VACUUM;' 'PRAGMA journal_mode=WAL;' >/dev/null
cp "$work/small/rpmdb.sqlite" "$here/rpmdb.sqlite"
# What rpm itself reads back from the result:
rpm --dbpath "$work/small" --define '_db_backend sqlite' -qa \
    --qf '%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{LICENSE}|%{SOURCERPM}\n' 2>/dev/null
