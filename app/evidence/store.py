"""Files of evidence packs, kept content-addressed under the data folder.

A file's name in the store is its SHA-256: <data folder>/evidence/objects/ab/abcdef…. The
original bytes are kept as they came (read-only, never re-encoded), so the hash in a pack's
manifest is the hash of what the buyer or the carrier sent. Only photos and PDF documents are
taken; a file that is empty, too large, of another type or damaged (cut short) is refused with
a message that says what to do.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import tempfile
import zlib
from pathlib import Path

from app import paths
from app.errors import InvalidInput

IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF",
               "image/webp": "WebP", "image/bmp": "BMP"}
DOCUMENT_TYPES = {"application/pdf": "PDF"}
ACCEPTED = "photos (JPEG, PNG, GIF, WebP, BMP) and PDF documents"
DEFAULT_MAX_MB = 20
_KNOWN_OTHERS = (   # what a rep is likely to pick by mistake, to name it in the message
    (b"PK\x03\x04", "a ZIP archive or an Office document (Word, Excel)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"Rar!", "a RAR archive"),
    (b"\x00\x00\x00\x18ftyp", "a video"), (b"\x00\x00\x00\x20ftyp", "a video"),
    (b"\x00\x00\x00\x1cftyp", "a video or HEIC photo"),
)


class UnsupportedFile(InvalidInput):
    """Not a photo or a PDF."""


class DamagedFile(InvalidInput):
    """A photo or PDF that is cut short or otherwise unreadable."""


class StoreDamaged(InvalidInput):
    """A stored copy is gone or no longer matches its hash."""


def store_root() -> Path:
    return paths.data_dir() / "evidence" / "objects"


def object_path(sha256: str, root: Path | None = None) -> Path:
    root = root or store_root()
    return root / sha256[:2] / sha256


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff(data: bytes) -> str | None:
    """The MIME type of a photo or PDF by its first bytes; None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:2] == b"BM" and len(data) > 14:
        return "image/bmp"
    if data[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-"):
        return "application/pdf"
    return None


def read_source(path: Path, field: str, max_mb: int | None = None, name: str = ""
                ) -> tuple[bytes, str]:
    """The bytes of a file the rep chose and their MIME type, checked as `check_file` does
    under `name` (default the file's; `max_mb`: default the setting evidence.max_file_mb);
    one that cannot be read is a clear refusal naming it."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidInput("'{path}' cannot be read: {problem}", path=path,
                           problem=exc.strerror or exc, field=field) from None
    return data, check_file(data, name or Path(path).name, upload_limit(max_mb))


def upload_limit(max_mb: int | None = None) -> int:
    """The largest file a pack takes, in MB: `max_mb`, else the setting."""
    if max_mb is None:
        from app.settings import Settings
        max_mb = Settings().get("evidence.max_file_mb")
    return max_mb


def check_file(data: bytes, name: str, max_mb: int = DEFAULT_MAX_MB) -> str:
    """The MIME type of `data` if a pack can take it; else a clear refusal."""
    if not data:
        raise DamagedFile(f"'{name}' is empty (0 bytes): copy it again from where it came from",
                          field="file")
    limit = max_mb * 1024 * 1024
    if len(data) > limit:
        raise InvalidInput("'{name}' is {megabytes:.1f} MB; a pack takes files up to "
                           "{max_mb} MB (setting evidence.max_file_mb). Make the photo "
                           "smaller or split the document.",
                           name=name, megabytes=len(data) / 1048576, max_mb=max_mb, field="file")
    mime = sniff(data)
    if mime is None:
        what = next((label for magic, label in _KNOWN_OTHERS if data.startswith(magic)), None)
        what = f"is {what}" if what else "is not a photo or a PDF"
        raise UnsupportedFile(f"'{name}' {what}. A pack takes {ACCEPTED}: save or print it as "
                              "PDF, or take a screenshot.", field="file")
    problem = _damage(mime, data)
    if problem:
        raise DamagedFile(f"'{name}' looks damaged ({problem}): it cannot be shown in the pack. "
                          "Copy it again from the original.", field="file")
    return mime


def _damage(mime: str, data: bytes) -> str | None:
    if mime == "image/jpeg":
        return None if data.rstrip(b"\x00")[-2:] == b"\xff\xd9" else "the photo ends early"
    if mime == "image/png":
        return _png_damage(data)
    if mime == "application/pdf":
        return None if b"%%EOF" in data[-2048:] else "the document ends early"
    if mime == "image/gif":
        return None if data.rstrip(b"\x00")[-1:] == b";" else "the picture ends early"
    return None


def _png_damage(data: bytes) -> str | None:
    at = 8
    while at + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        end = at + 12 + length
        if end > len(data):
            return "the photo ends early"
        body = data[at + 4:at + 8 + length]
        if zlib.crc32(body) != struct.unpack(">I", data[end - 4:end])[0]:
            return f"a {kind.decode('latin-1')} block is corrupt"
        if kind == b"IEND":
            return None
        at = end
    return "the photo ends early"


def put(data: bytes, root: Path | None = None) -> tuple[str, Path]:
    """Keep `data` in the store (once per content); returns its SHA-256 and path."""
    digest = sha256_of(data)
    target = object_path(digest, root)
    if target.exists() and target.stat().st_size == len(data):
        return digest, target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)   # never altered
        if target.exists():
            os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return digest, target


def read(sha256: str, name: str = "", root: Path | None = None) -> bytes:
    """The stored bytes, checked against their hash."""
    path = object_path(sha256, root)
    label = f"'{name}'" if name else sha256[:12]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StoreDamaged(f"the stored copy of {label} is missing from {path.parent}; add the "
                           "file to the pack again", field="file") from None
    if sha256_of(data) != sha256:
        raise StoreDamaged(f"the stored copy of {label} was changed on disk ({path}); add the "
                           "original file to the pack again", field="file")
    return data
