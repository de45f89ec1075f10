"""The ZIP of a pack: pack.pdf, the original files byte for byte, the text exports,
manifest.json with every item's SHA-256, size and caption and the case's particulars, and
manifest.sig, the shop's Ed25519 signature of manifest.json's exact bytes."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from app.clock import format_instant
from app.evidence import store
from app.evidence.content import PackContent
from app.evidence.manifest import FORMAT, Entry, file_entries, text_parts

PDF_NAME = "pack.pdf"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
_COMPRESSED = ("image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf")


def manifest_json(content: PackContent, entries: list[Entry], pack_hash: str, pdf_sha: str,
                  pdf_size: int, pages: int, built_at, signer=None) -> dict:
    """Everything the pack states, all of it under the signature: the case, order and
    buyer as well as every file's hash."""
    c = content.case
    manifest = {
        "format": FORMAT, "generator": "AfterDesk",
        "case": c.ref, "platform": c.platform, "shop": c.shop_name, "order_no": c.order_no,
        "issue_id": c.issue_id or None, "buyer": c.buyer_login,
        "buyer_name": c.buyer_name, "buyer_country": c.buyer_country,
        "kind": c.kind, "reason": c.reason, "state": c.state, "amount": c.amount,
        "opened_at": format_instant(c.opened_at), "goods": list(c.goods),
        "carrier": c.carrier, "tracking_no": c.tracking_no,
        "pack": {"uid": content.pack_uid, "version": content.version, "state": content.state,
                 "submitted_at": format_instant(content.submitted_at)},
        "built_at": format_instant(built_at), "pack_hash": pack_hash,
        "pdf": {"path": PDF_NAME, "sha256": pdf_sha, "size": pdf_size, "pages": pages},
        "items": [e.to_json() for e in entries],
    }
    if signer is not None:
        manifest["signing_key"] = {"algorithm": "Ed25519", "public_key": signer.public_hex,
                                   "fingerprint": signer.fingerprint}
    return manifest


def write_zip(content: PackContent, out: Path, pdf_path: Path, pdf_pages: int, pack_hash: str,
              built_at, *, signer=None, read=store.read, cancel=None, progress=None) -> dict:
    """Write the ZIP (through a temporary file); returns its manifest."""
    out = Path(out)
    temporary = out.with_name(f".{out.name}.part")
    parts = text_parts(content)
    files = list(zip(file_entries(content), content.files))
    entries = [e for e, _ in parts] + [e for e, _ in files]
    pdf_bytes = Path(pdf_path).read_bytes()
    manifest = manifest_json(content, entries, pack_hash, store.sha256_of(pdf_bytes),
                             len(pdf_bytes), pdf_pages, built_at, signer)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST_NAME, manifest_bytes)
            if signer is not None:
                archive.writestr(SIGNATURE_NAME, json.dumps(
                    {"algorithm": "Ed25519", "fingerprint": signer.fingerprint,
                     "signature": signer.sign(manifest_bytes)}, indent=2))
            archive.writestr(PDF_NAME, pdf_bytes, compress_type=zipfile.ZIP_STORED)
            for entry, data in parts:
                archive.writestr(entry.path, data)
            for done, (entry, f) in enumerate(files, 1):
                if cancel is not None and cancel():
                    from app.evidence.pdf import BuildCancelled
                    raise BuildCancelled("The build was cancelled; no file was written.")
                kind = zipfile.ZIP_STORED if f.mime in _COMPRESSED else zipfile.ZIP_DEFLATED
                archive.writestr(entry.path, read(f.sha256, f.name), compress_type=kind)
                if progress:
                    progress(done, len(files))
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return manifest
