"""One call from a pack's content to a PDF or a ZIP, with progress and cancel.

`progress(percent, text)` is called as work advances; `cancel()` is asked between steps and a
True answer stops the build with BuildCancelled, leaving no file behind.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.clock import utcnow
from app.evidence import manifest, store
from app.evidence.content import PackContent
from app.evidence.pdf import BuildCancelled, load_pictures, write_pdf
from app.evidence.zipexport import write_zip
from app.errors import InvalidInput

__all__ = ["BuildCancelled", "BuildResult", "build"]

FORMATS = (".pdf", ".zip")


@dataclass
class BuildResult:
    path: Path
    pages: int
    pack_hash: str
    seconds: float
    section_pages: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def output_format(out: str | Path) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInput("'{out}' must end in .pdf (the bundle) or .zip (the bundle, the "
                           "original files and manifest.json)",
                           out=out, field="out")
    return suffix


def build(content: PackContent, out: str | Path, *, page_budget: int | None = None,
          progress=None, cancel=None, read=store.read, signer=None, built_at=None,
          paper: str = "A4") -> BuildResult:
    """`signer` (app.evidence.signing.Signer) signs a ZIP's manifest; its fingerprint is
    printed on the cover."""
    started = time.perf_counter()
    out = Path(out)
    kind = output_format(out)
    if not out.parent.exists():
        raise InvalidInput("the folder {parent} does not exist", parent=out.parent, field="out")
    say = progress or (lambda percent, text: None)
    built_at = built_at or utcnow()
    fingerprint = signer.fingerprint if signer is not None else ""
    entries = manifest.entries(content)
    pack_hash = manifest.pack_hash(content.case.ref, content.version, entries)
    changed_since = bool(content.stored_hash and content.stored_hash != pack_hash)
    say(2, "Reading photos")
    images = load_pictures(content, read=read, cancel=cancel,
                           progress=lambda d, n: say(2 + 28 * d // n, f"Photo {d} of {n}"))
    pdf_share = 68 if kind == ".pdf" else 55

    def on_page(done, total):
        say(30 + pdf_share * done // total, f"Page {done} of {total}")

    if kind == ".pdf":
        rendered = write_pdf(content, out, entries, pack_hash, images, cancel=cancel,
                             progress=on_page, built_at=built_at, signer=fingerprint,
                             paper=paper)
    else:
        with tempfile.TemporaryDirectory(prefix="afterdesk-pack-") as folder:
            pdf_path = Path(folder) / "pack.pdf"
            rendered = write_pdf(content, pdf_path, entries, pack_hash, images, cancel=cancel,
                                 progress=on_page, built_at=built_at, signer=fingerprint,
                                 paper=paper)
            write_zip(content, out, pdf_path, rendered.pages, pack_hash, built_at,
                      signer=signer, read=read, cancel=cancel,
                      progress=lambda d, n: say(85 + 14 * d // n, f"File {d} of {n}"))
    warnings = []
    if changed_since:
        warnings.append(f"Version {content.version} was submitted with pack hash "
                        f"{(content.stored_hash or '')[:16]}…; built now it gives {pack_hash[:16]}… "
                        "(a message, file or case event it shows changed since): this file is "
                        "not the one handed in.")
    if page_budget and rendered.pages > page_budget:
        warnings.append(f"The pack has {rendered.pages} pages, more than the budget of "
                        f"{page_budget} (setting evidence.page_budget). Platforms may reject long "
                        "packs: leave out messages or photos that prove nothing.")
    unreadable = [f.name or f.sha256[:12] for f in content.files
                  if f.is_image and images.get(f.position) is None]
    if unreadable:
        warnings.append("These photos could not be shown in the PDF (the originals are kept): "
                        + ", ".join(unreadable))
    say(100, "Done")
    return BuildResult(out, rendered.pages, pack_hash, time.perf_counter() - started,
                       rendered.section_pages, warnings)


def prepare(content: PackContent, *, read=store.read, cancel=None, progress=None,
            fingerprint: str = "", built_at=None) -> dict:
    """What painting needs besides the content: entries, pack hash, decoded photos, the
    signing key's fingerprint and the instant the cover names. Slow with many photos: call it
    off the window's thread, then `paint` on it (print preview)."""
    entries = manifest.entries(content)
    return {"entries": entries,
            "pack_hash": manifest.pack_hash(content.case.ref, content.version, entries),
            "images": load_pictures(content, read=read, cancel=cancel, progress=progress),
            "fingerprint": fingerprint, "built_at": built_at or utcnow()}


def paint(content: PackContent, device, prepared: dict, *, cancel=None, progress=None):
    """Paint the pack onto any paged device: a printer chosen by the rep, a print preview.
    The pages are those of the PDF (on the printer's paper: A4, or Letter)."""
    from app.evidence.pdf import render
    return render(content, device, prepared["entries"], prepared["pack_hash"],
                  prepared["images"], cancel=cancel, progress=progress,
                  built_at=prepared["built_at"], signer=prepared["fingerprint"])
