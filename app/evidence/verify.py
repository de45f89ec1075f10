"""`afterdesk verify PACK.zip`: an exported pack against its signed manifest.

- the signature (manifest.sig) of manifest.json's exact bytes, with the Ed25519 key the
  manifest names: any change of the manifest (a file's hash, the buyer, the order, the case)
  without the shop's private key breaks it;
- every file against its SHA-256; missing, unlisted and duplicated members are named (two
  members of one name would let a reader pick the forged one); folder entries, which
  `zip -r` adds, are not files and are passed over;
- the pack hash recomputed from the manifest's items;
- with the shop's database open: whether the key is the shop's, and whether the pack is a
  version recorded as submitted.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import InvalidInput
from app.evidence import signing
from app.evidence.manifest import Entry, pack_hash
from app.evidence.zipexport import MANIFEST_NAME, SIGNATURE_NAME


@dataclass
class VerifyReport:
    pack_hash: str = ""
    checked: int = 0
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    hash_mismatch: bool = False          # the manifest's items do not give its pack hash
    signed: bool = False                 # manifest.sig is there and names a key
    signature_ok: bool = False
    fingerprint: str = ""
    # with a database: the key is not the shop's, the case's order or buyer differ
    record_problems: list[str] = field(default_factory=list)
    submitted: str = ""                  # with a database: what the records say

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.unlisted or self.duplicated
                    or self.hash_mismatch or not self.signature_ok or self.record_problems)

    def lines(self) -> list[str]:
        notes = [self.submitted] if self.submitted else []
        if self.ok:
            return [(f"OK: all {self.checked} files match their SHA-256; pack hash "
                     f"{self.pack_hash}; signed by key {self.fingerprint}")] + notes
        out = [f"DUPLICATE MEMBER: {name}" for name in self.duplicated]
        if not self.signed:
            out.append("NOT SIGNED: the pack has no signature of its manifest")
        elif not self.signature_ok:
            out.append("SIGNATURE INVALID: manifest.json was changed after the shop signed it "
                       f"(key {self.fingerprint})")
        out += self.record_problems
        out += [f"CHANGED: {name}" for name in self.changed]
        out += [f"MISSING: {name}" for name in self.missing]
        out += [f"NOT IN MANIFEST: {name}" for name in self.unlisted]
        if self.hash_mismatch:
            out.append("MANIFEST CHANGED: its items no longer give the pack hash "
                       f"{self.pack_hash}")
        out.append(f"FAILED: {len(out)} problem(s) in {self.checked} files checked")
        return out + notes


def _digest(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """SHA-256 of a member, or None when the ZIP finds the member damaged."""
    sha = hashlib.sha256()
    try:
        with archive.open(info) as member:
            for chunk in iter(lambda: member.read(1 << 20), b""):
                sha.update(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        return None
    return sha.hexdigest()


def verify_zip(path: str | Path, *, with_database: bool = False) -> VerifyReport:
    """Check the ZIP; `with_database`: also against the open database's keys and
    submitted versions."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, FileNotFoundError, IsADirectoryError) as exc:
        raise InvalidInput("{path} is not a readable ZIP: {exc}", path=path, exc=exc) from None
    with archive:
        files = [i for i in archive.infolist() if not i.is_dir()]
        counts = Counter(i.filename for i in files)
        members = {i.filename: i for i in files}
        report = VerifyReport()
        report.duplicated = sorted(name for name, n in counts.items() if n > 1)
        try:
            manifest_bytes = archive.read(members[MANIFEST_NAME])
            manifest = json.loads(manifest_bytes.decode("utf-8"))
            items = manifest["items"]
            pdf = manifest["pdf"]
        except (KeyError, ValueError, zipfile.BadZipFile, zlib.error) as exc:
            raise InvalidInput("{path} has no readable {MANIFEST_NAME}: is it an AfterDesk "
                               "evidence pack? ({exc})",
                               path=path, MANIFEST_NAME=MANIFEST_NAME, exc=exc) from None
        report.pack_hash = manifest.get("pack_hash", "")
        _check_signature(archive, members, manifest, manifest_bytes, report)
        expected = {item["path"]: item["sha256"] for item in items}
        expected[pdf["path"]] = pdf["sha256"]
        for name, sha in expected.items():
            if name not in members:
                report.missing.append(name)
                continue
            report.checked += 1
            if _digest(archive, members[name]) != sha:
                report.changed.append(name)
        report.unlisted = sorted(set(members) - set(expected) - {MANIFEST_NAME, SIGNATURE_NAME})
        entries = [Entry(i["path"], i["category"], i["caption"], i["sha256"], i["size"],
                         i["mime"], i.get("original_name", "")) for i in items]
        recomputed = pack_hash(manifest.get("case", ""),
                               manifest.get("pack", {}).get("version", 0), entries)
        report.hash_mismatch = recomputed != report.pack_hash
    if with_database:
        _check_records(manifest, report)
    return report


def _check_signature(archive, members, manifest, manifest_bytes, report) -> None:
    key = manifest.get("signing_key") or {}
    if SIGNATURE_NAME not in members or not key.get("public_key"):
        return
    try:
        signature = json.loads(archive.read(members[SIGNATURE_NAME]).decode("utf-8"))
    except (ValueError, zipfile.BadZipFile, zlib.error):
        signature = {}
    report.signed = True
    report.fingerprint = signing.fingerprint(key["public_key"]) if _is_hex(
        key["public_key"]) else "?"
    report.signature_ok = _is_hex(key["public_key"]) and signing.check_signature(
        key["public_key"], str(signature.get("signature", "")), manifest_bytes)


def _is_hex(text: str) -> bool:
    try:
        return len(bytes.fromhex(text)) == 32
    except (ValueError, TypeError):
        return False


def _check_records(manifest: dict, report: VerifyReport) -> None:
    """Against the open shop database: the signing key, and the versions submitted."""
    from app.errors import NotFound
    from app.evidence import queries
    from app.evidence.timefmt import local, zone
    from app.services.casework.cases import get_case
    ref = manifest.get("case", "")
    try:
        case = get_case(ref)
    except (NotFound, InvalidInput):
        report.submitted = f"This database has no case {ref}: submitted versions not compared."
        return
    shop = case.order.shop
    order = case.order
    stated = {"order": (manifest.get("order_no"), order.order_no),
              "buyer": (manifest.get("buyer"), order.buyer.login if order.buyer else "")}
    differ = [f"{what} {said} (the database: {recorded})"
              for what, (said, recorded) in stated.items() if said != recorded]
    if differ:
        report.record_problems.append(f"RECORDS DIFFER: the manifest of {ref} states "
                                      + "; ".join(differ))
    key = (manifest.get("signing_key") or {}).get("public_key", "")
    owner = signing.shop_of_key(key) if report.signature_ok else None
    if report.signature_ok and (owner is None or owner.id != shop.id):
        report.record_problems.append(f"KEY NOT THE SHOP'S: key {report.fingerprint} is not "
                                      f"a signing key of {shop.name} in this database")
    tz = zone(shop.timezone)
    submitted = [p for p in queries.packs_of(case) if p.state == "submitted"]
    match = next((p for p in submitted if p.pack_hash == report.pack_hash), None)
    if match is not None:
        report.submitted = (f"{ref}: matches version {match.version} submitted "
                            f"{local(match.submitted_at, tz)}")
    elif submitted:
        report.submitted = f"{ref}: differs from every submitted version"
    else:
        report.submitted = f"{ref}: no version has been submitted"
