"""Signed evidence packs and `afterdesk verify`: every kind of tampering a forger could try is
caught, an untouched pack re-zipped with `zip -r` passes, and with the shop's database the
pack is matched to the version recorded as submitted."""

import base64
import hashlib
import json
import subprocess
import zipfile

import pytest

from app.cli import main
from app.db import close_database
from app.evidence import signing
from app.evidence.manifest import Entry, pack_hash
from app.evidence.verify import verify_zip
from app.models import Dispute
from app.models.signing import ShopSigningKey
from app.services.casework import evidence
from tests import system_packages
from tests.evidence_helpers import PDF_BYTES, demo_database, png_bytes

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def pack(tmp_path, tmp_path_factory, monkeypatch):
    """A signed ZIP of an escalated dispute, with two files of the same bytes."""
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    demo_database(tmp_path, tmp_path_factory)
    dispute = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    evidence.ensure_pack(dispute)
    evidence.add_file(dispute, PDF_BYTES, "quality_check", "质检报告", name="qc-report.pdf")
    evidence.add_file(dispute, PDF_BYTES, "product_description", "listing",
                      name="listing.pdf")
    out = tmp_path / "pack.zip"
    evidence.build_pack(dispute, out)
    yield dispute, out
    close_database()


def members_of(path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist()]


def rezip(path, members) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)


def edited(tmp_path, source, change, name="edited.zip"):
    members = members_of(source)
    change(members)
    target = tmp_path / name
    rezip(target, members)
    return verify_zip(target)


def manifest_of(members) -> dict:
    return json.loads(dict(members)["manifest.json"])


def put(members, name, data) -> None:
    at = next(i for i, (n, _) in enumerate(members) if n == name)
    members[at] = (name, data)


def test_an_untouched_pack_verifies_with_the_shops_key(pack):
    dispute, out = pack
    report = verify_zip(out, with_database=True)
    key = ShopSigningKey.get(ShopSigningKey.shop == dispute.order.shop)
    assert report.ok and report.signature_ok and report.fingerprint == key.fingerprint
    assert report.lines()[0].endswith(f"signed by key {key.fingerprint}")
    manifest = manifest_of(members_of(out))
    assert manifest["signing_key"]["fingerprint"] == key.fingerprint
    # the manifest states the case, order and buyer: all of it under the signature
    assert manifest["order_no"] == dispute.order.order_no
    assert manifest["buyer"] == dispute.order.buyer.login


def test_files_of_the_same_bytes_keep_their_own_names(pack):
    _, out = pack
    items = manifest_of(members_of(out))["items"]
    names = {i["original_name"]: i["path"] for i in items if i.get("original_name")}
    assert set(names) == {"qc-report.pdf", "listing.pdf"}
    assert names["listing.pdf"].endswith("-product_description-listing.pdf")
    with zipfile.ZipFile(out) as archive:
        assert archive.read(names["listing.pdf"]) == archive.read(names["qc-report.pdf"])


def test_one_changed_byte_a_file_added_removed_or_renamed_is_named(pack, tmp_path):
    _, out = pack

    def one_byte(members):
        statement = bytearray(dict(members)["statement.txt"])
        statement[0] ^= 0x01
        put(members, "statement.txt", bytes(statement))

    assert edited(tmp_path, out, one_byte).changed == ["statement.txt"]
    report = edited(tmp_path, out, lambda m: m.append(("files/extra.png", png_bytes())))
    assert report.unlisted == ["files/extra.png"] and not report.ok
    report = edited(tmp_path, out, lambda m: m.remove(next(x for x in m
                                                           if x[0] == "timeline.txt")))
    assert report.missing == ["timeline.txt"] and not report.ok

    def rename(members):
        at = next(i for i, (n, _) in enumerate(members) if n == "timeline.txt")
        members[at] = ("timeline-old.txt", members[at][1])

    report = edited(tmp_path, out, rename)
    assert report.missing == ["timeline.txt"] and report.unlisted == ["timeline-old.txt"]


def test_a_changed_manifest_field_breaks_the_signature(pack, tmp_path):
    _, out = pack

    def new_buyer(members):
        manifest = manifest_of(members)
        manifest["buyer"] = "someone_else"
        put(members, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2)
            .encode("utf-8"))

    report = edited(tmp_path, out, new_buyer)
    assert not report.ok and report.signed and not report.signature_ok
    assert report.lines()[0].startswith("SIGNATURE INVALID")


def forge(members, statement: bytes) -> dict:
    """Replace statement.txt and fix its SHA-256, size and the pack hash, as a forger without
    the shop's key would."""
    put(members, "statement.txt", statement)
    manifest = manifest_of(members)
    item = next(i for i in manifest["items"] if i["path"] == "statement.txt")
    item["sha256"], item["size"] = hashlib.sha256(statement).hexdigest(), len(statement)
    entries = [Entry(i["path"], i["category"], i["caption"], i["sha256"], i["size"], i["mime"],
                     i.get("original_name", "")) for i in manifest["items"]]
    manifest["pack_hash"] = pack_hash(manifest["case"], manifest["pack"]["version"], entries)
    return manifest


def test_a_recomputed_hash_without_the_key_is_caught(pack, tmp_path):
    _, out = pack

    def forged(members):
        manifest = forge(members, b"The buyer is right, refund everything.\n")
        put(members, "manifest.json", json.dumps(manifest, indent=2).encode())

    report = edited(tmp_path, out, forged)
    assert not report.changed and not report.hash_mismatch     # the hashes agree...
    assert not report.signature_ok and not report.ok           # ...but the signature does not


def test_a_pack_signed_with_another_key_is_not_the_shops(pack, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    _, out = pack
    other = Ed25519PrivateKey.generate()
    public = other.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()

    def resigned(members):
        manifest = forge(members, b"forged\n")
        manifest["signing_key"] = {"algorithm": "Ed25519", "public_key": public,
                                   "fingerprint": signing.fingerprint(public)}
        data = json.dumps(manifest, indent=2).encode()
        put(members, "manifest.json", data)
        put(members, "manifest.sig", json.dumps(
            {"signature": base64.b64encode(other.sign(data)).decode()}).encode())

    members = members_of(out)
    resigned(members)
    target = tmp_path / "resigned.zip"
    rezip(target, members)
    alone = verify_zip(target)
    assert alone.signature_ok and alone.fingerprint == signing.fingerprint(public)
    assert alone.fingerprint != verify_zip(out).fingerprint     # not the one on the cover
    report = verify_zip(target, with_database=True)
    assert not report.ok and report.record_problems[0].startswith("KEY NOT THE SHOP'S")


def test_with_the_database_a_manifest_of_another_order_or_buyer_is_named(pack, tmp_path):
    """Even signed by the shop, a manifest must state the case's own order and buyer."""
    dispute, out = pack
    members = members_of(out)
    manifest = manifest_of(members)
    manifest["buyer"] = "someone_else"
    data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    key = signing.shop_signer(dispute.order.shop)
    put(members, "manifest.json", data)
    put(members, "manifest.sig", json.dumps({"signature": key.sign(data)}).encode())
    target = tmp_path / "other-buyer.zip"
    rezip(target, members)
    assert verify_zip(target).ok                      # the shop signed it...
    report = verify_zip(target, with_database=True)   # ...but it is not this case's buyer
    assert not report.ok and report.record_problems == [
        (f"RECORDS DIFFER: the manifest of D-{dispute.id} states buyer someone_else "
         f"(the database: {dispute.order.buyer.login})")]


@pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")    # the forger's ZIP
def test_duplicate_members_and_a_missing_signature_fail(pack, tmp_path):
    _, out = pack

    def duplicate(members):
        at = next(i for i, (n, _) in enumerate(members) if n == "statement.txt")
        members.insert(at, ("statement.txt", b"tampered statement\n"))     # the forged first

    report = edited(tmp_path, out, duplicate)
    assert report.duplicated == ["statement.txt"] and not report.ok
    assert "DUPLICATE MEMBER: statement.txt" in report.lines()
    report = edited(tmp_path, out, lambda m: m.remove(next(x for x in m
                                                           if x[0] == "manifest.sig")))
    assert not report.ok and "NOT SIGNED" in report.lines()[0]


def test_a_pack_rezipped_with_folder_entries_verifies(pack, tmp_path):
    system_packages.require("zip", "unzip")
    _, out = pack
    folder = tmp_path / "unpacked"
    subprocess.run(["unzip", "-q", str(out), "-d", str(folder)], check=True)
    again = tmp_path / "again.zip"
    subprocess.run(["zip", "-q", "-r", str(again), "."], cwd=folder, check=True)
    with zipfile.ZipFile(again) as archive:
        assert any(i.is_dir() for i in archive.infolist())       # zip -r added folders
    assert verify_zip(again).ok


def test_with_the_database_the_pack_is_matched_to_a_submitted_version(pack, tmp_path,
                                                                      capsys):
    dispute, out = pack
    ref = f"D-{dispute.id}"
    assert verify_zip(out, with_database=True).submitted == f"{ref}: no version has been submitted"
    submitted = evidence.submit(dispute)
    v1 = tmp_path / "v1.zip"
    evidence.build_pack(dispute, v1)
    evidence.set_caption(dispute, evidence.item_rows(submitted)[-1].id, "new caption")
    v2 = tmp_path / "v2.zip"
    evidence.build_pack(dispute, v2)
    close_database()
    db = str(tmp_path / "afterdesk.db")
    assert main(["--db", db, "verify", str(v1)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("OK: all") and lines[1].startswith(
        f"{ref}: matches version 1 submitted 20")
    assert main(["--db", db, "verify", str(v2)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        f"{ref}: differs from every submitted version")


def test_without_a_keyring_the_pack_is_built_unsigned_and_says_so(pack, tmp_path):
    import keyring
    from keyring.backends import fail
    dispute, _ = pack
    keyring.set_keyring(fail.Keyring())
    out = tmp_path / "unsigned.zip"
    result = evidence.build_pack(dispute, out)
    assert any(w.startswith("The pack is not signed: the system keyring cannot be used")
               for w in result.warnings)
    report = verify_zip(out)
    assert not report.ok and report.lines()[0].startswith("NOT SIGNED")
