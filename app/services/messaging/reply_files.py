"""Files the rep attaches to an answer (pictures and PDF documents): checked before
anything is written, kept in the content-addressed file store (app.evidence.store) and
attached to the outgoing message like a buyer's files are to theirs.

An answer carries at most MAX_TOTAL_MB in all: a mail of that size, base64-encoded, still
passes the common 25 MB limit of mail servers.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.clock import utcnow
from app.errors import InvalidInput
from app.evidence import store
from app.models import Attachment, Message, StoredFile

MAX_TOTAL_MB = 15
MAX_FILES = 10
_MB = 1024 * 1024


@dataclass(frozen=True)
class ReplyFile:
    name: str
    data: bytes
    mime: str


def check(name: str, data: bytes, already: int = 0) -> ReplyFile:
    """A file the answer can carry, or a clear refusal. `already`: the bytes of the files
    attached before it."""
    name = (name or "").strip() or "file"
    record = f"attachment '{name}'"
    if already + len(data) > MAX_TOTAL_MB * _MB:
        raise InvalidInput("an answer carries at most {max_mb} MB of files; with '{name}' "
                           "({megabytes:.1f} MB) it would be {total:.1f} MB. Send a smaller "
                           "picture, or the rest in a second answer.", record=record,
                           field="file", max_mb=MAX_TOTAL_MB, name=name,
                           megabytes=len(data) / _MB, total=(already + len(data)) / _MB)
    try:
        mime = store.check_file(data, name, max_mb=MAX_TOTAL_MB)
    except store.UnsupportedFile:
        raise InvalidInput("'{name}' is not a picture or a PDF: an answer carries pictures "
                           "(JPEG, PNG, GIF, WebP, BMP) and PDF documents.", record=record,
                           field="file", name=name) from None
    return ReplyFile(name[:300], data, mime)


def check_all(files) -> list[ReplyFile]:
    """Each (name, bytes) checked, the total too; nothing is written."""
    files = list(files)
    if len(files) > MAX_FILES:
        raise InvalidInput("an answer carries at most {count} files", field="file",
                           count=MAX_FILES)
    checked: list[ReplyFile] = []
    for name, data in files:
        checked.append(check(name, data, sum(len(f.data) for f in checked)))
    return checked


def attach(message: Message, files: list[ReplyFile]) -> None:
    """Keep the files in the store and on the message (inside the caller's transaction)."""
    now = utcnow()
    for item in files:
        digest, _ = store.put(item.data)
        stored = StoredFile.get_or_none(StoredFile.sha256 == digest) or StoredFile.create(
            sha256=digest, size=len(item.data), mime=item.mime[:100],
            original_name=item.name, created_at=now)
        Attachment.create(file=stored, message=message, caption=item.name, created_at=now)


def save_note(conversation_id: int, body: str, files=(), *, channel: str | None = None,
              language: str = "", actor: str = "rep") -> Message:
    """An internal note with its files (the buyer sees neither), in one transaction."""
    from app.db import database
    from app.services.messaging import thread
    checked = check_all(files)
    with database.atomic():
        note = thread.send_reply(conversation_id, body, channel=channel, language=language,
                                 internal=True, actor=actor)
        attach(note, checked)
    return note


def files_of(message_id: int) -> list[ReplyFile]:
    """The files of a message, read back from the store (checked against their hash)."""
    query = (Attachment.select(Attachment, StoredFile).join(StoredFile)
             .where(Attachment.message == message_id).order_by(Attachment.id))
    return [ReplyFile(a.caption or a.file.original_name or a.file.sha256[:12],
                      store.read(a.file.sha256, a.caption), a.file.mime) for a in query]
