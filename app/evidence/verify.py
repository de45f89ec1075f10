"""`afterdesk verify PACK.zip`: every file of an exported pack against its manifest.

A file whose bytes no longer give the SHA-256 in manifest.json is named as changed; so is one
the ZIP itself finds damaged (its checksum fails). Missing and unlisted files are named too,
and the pack hash is recomputed from the manifest's items.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from app.evidence.manifest import Entry, pack_hash
from app.evidence.zipexport import MANIFEST_NAME
from app.errors import InvalidInput


@dataclass
class VerifyReport:
    pack_hash: str = ""
    checked: int = 0
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    hash_mismatch: bool = False          # the manifest's items do not give its pack hash

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.unlisted or self.hash_mismatch)

    def lines(self) -> list[str]:
        if self.ok:
            return [f"OK: all {self.checked} files match their SHA-256; pack hash {self.pack_hash}"]
        out = [f"CHANGED: {name}" for name in self.changed]
        out += [f"MISSING: {name}" for name in self.missing]
        out += [f"NOT IN MANIFEST: {name}" for name in self.unlisted]
        if self.hash_mismatch:
            out.append("MANIFEST CHANGED: its items no longer give the pack hash "
                       f"{self.pack_hash}")
        out.append(f"FAILED: {len(out)} problem(s) in {self.checked} files checked")
        return out


def _digest(archive: zipfile.ZipFile, name: str) -> str | None:
    """SHA-256 of a member, or None when the ZIP finds the member damaged."""
    sha = hashlib.sha256()
    try:
        with archive.open(name) as member:
            for chunk in iter(lambda: member.read(1 << 20), b""):
                sha.update(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        return None
    return sha.hexdigest()


def verify_zip(path: str | Path) -> VerifyReport:
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, FileNotFoundError, IsADirectoryError) as exc:
        raise InvalidInput("{path} is not a readable ZIP: {exc}", path=path, exc=exc) from None
    with archive:
        try:
            manifest = json.loads(archive.read(MANIFEST_NAME).decode("utf-8"))
            items = manifest["items"]
            pdf = manifest["pdf"]
        except (KeyError, ValueError, zipfile.BadZipFile, zlib.error) as exc:
            raise InvalidInput("{path} has no readable {MANIFEST_NAME}: is it an AfterDesk "
                               "evidence pack? ({exc})",
                               path=path, MANIFEST_NAME=MANIFEST_NAME, exc=exc) from None
        report = VerifyReport(pack_hash=manifest.get("pack_hash", ""))
        expected = {item["path"]: item["sha256"] for item in items}
        expected[pdf["path"]] = pdf["sha256"]
        present = set(archive.namelist())
        for name, sha in expected.items():
            if name not in present:
                report.missing.append(name)
                continue
            report.checked += 1
            if _digest(archive, name) != sha:
                report.changed.append(name)
        report.unlisted = sorted(present - set(expected) - {MANIFEST_NAME})
        entries = [Entry(i["path"], i["category"], i["caption"], i["sha256"], i["size"],
                         i["mime"], i.get("original_name", "")) for i in items]
        recomputed = pack_hash(manifest.get("case", ""), manifest.get("pack", {}).get("version",
                               0),
                               entries)
        report.hash_mismatch = recomputed != report.pack_hash
    return report
