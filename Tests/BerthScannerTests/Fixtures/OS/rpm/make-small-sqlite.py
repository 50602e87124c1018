#!/usr/bin/env python3
"""Writes the two small, deliberately broken databases beside this script.

malformed-rpmdb.sqlite: rpm's own `Packages` table layout with two rows
copied from rpmdb.sqlite (made by rpm, see README.md). Row 1 is the
tiny-tool header unchanged; row 2 is the berth-demo header with the 8-byte
header magic (8e ad e8 01 00 00 00 00) put in front, as found in package
files but never in rpmdb.sqlite, so its counts no longer match its length.

no-packages-table.sqlite: a valid SQLite file without a Packages table.
"""
import os
import sqlite3

here = os.path.dirname(os.path.abspath(__file__))


def fresh(name):
    path = os.path.join(here, name)
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA page_size=512")
    return db


# immutable=1: read without creating -wal/-shm files next to the fixture.
source = sqlite3.connect(f"file:{os.path.join(here, 'rpmdb.sqlite')}?mode=ro&immutable=1", uri=True)
blobs = {}
for hnum, blob in source.execute("SELECT hnum, blob FROM Packages"):
    blobs[hnum] = blob
source.close()


def header_named(name):
    for blob in blobs.values():
        # NAME is the first string in the data store of rpm-built headers;
        # a NUL-delimited match is enough to tell the fixture's packages apart.
        if (b"\0" + name + b"\0") in blob:
            return blob
    raise SystemExit(f"no header for {name!r}")


db = fresh("malformed-rpmdb.sqlite")
db.execute("CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)")
db.execute("INSERT INTO Packages (hnum, blob) VALUES (1, ?)", (header_named(b"tiny-tool"),))
magic = bytes([0x8E, 0xAD, 0xE8, 0x01, 0, 0, 0, 0])
db.execute("INSERT INTO Packages (hnum, blob) VALUES (2, ?)", (magic + header_named(b"berth-demo"),))
db.commit()
db.execute("VACUUM")
db.close()

db = fresh("no-packages-table.sqlite")
db.execute("CREATE TABLE Other (id INTEGER PRIMARY KEY)")
db.commit()
db.close()
