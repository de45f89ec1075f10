"""The content-addressed file store: photos and PDFs only, clear refusals, originals kept."""

import hashlib
import os

import pytest

from app.evidence import store
from tests.evidence_helpers import PDF_BYTES, png_bytes

JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x11" * 200 + b"\xff\xd9"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))


@pytest.mark.parametrize("data, mime", [(JPEG, "image/jpeg"), (png_bytes(), "image/png"),
                                        (PDF_BYTES, "application/pdf"),
                                        (b"GIF89a" + b"\x00" * 20 + b";", "image/gif")])
def test_photos_and_pdfs_are_taken(data, mime):
    assert store.check_file(data, "x") == mime


@pytest.mark.parametrize("data, words", [
    (JPEG[:-60], "ends early"), (png_bytes()[:-12], "ends early"),
    (PDF_BYTES.replace(b"%%EOF", b""), "ends early"),
    (png_bytes()[:40] + b"X" + png_bytes()[41:], "corrupt")])
def test_a_damaged_file_is_refused_with_a_clear_message(data, words):
    with pytest.raises(store.DamagedFile) as caught:
        store.check_file(data, "pod.jpg")
    assert "pod.jpg" in str(caught.value) and words in str(caught.value)
    assert "Copy it again" in str(caught.value)


def test_an_office_document_is_refused_naming_what_it_is():
    with pytest.raises(store.UnsupportedFile, match="Office document.*PDF"):
        store.check_file(b"PK\x03\x04" + b"\x00" * 100, "invoice.docx")
    with pytest.raises(store.UnsupportedFile, match="not a photo or a PDF"):
        store.check_file(b"hello", "notes.txt")


def test_empty_and_oversized_files_are_refused():
    with pytest.raises(store.DamagedFile, match="empty"):
        store.check_file(b"", "a.jpg")
    big = b"\xff\xd8\xff" + b"\x00" * (2 * 1024 * 1024) + b"\xff\xd9"
    with pytest.raises(store.InvalidInput, match="up to 1 MB"):
        store.check_file(big, "big.jpg", max_mb=1)


def test_files_are_kept_by_hash_once_and_read_only():
    digest, path = store.put(JPEG)
    assert digest == hashlib.sha256(JPEG).hexdigest()
    assert path == store.store_root() / digest[:2] / digest
    assert store.put(JPEG) == (digest, path)
    assert not os.access(path, os.W_OK) or os.geteuid() == 0
    assert not (path.stat().st_mode & 0o222)
    assert store.read(digest) == JPEG


def test_a_stored_copy_changed_on_disk_is_noticed():
    digest, path = store.put(png_bytes())
    os.chmod(path, 0o644)
    path.write_bytes(png_bytes(rgb=(0, 0, 0)))
    with pytest.raises(store.StoreDamaged, match="changed on disk"):
        store.read(digest, "box.png")
    path.unlink()
    with pytest.raises(store.StoreDamaged, match="missing"):
        store.read(digest, "box.png")
