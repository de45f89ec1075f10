"""A pack as files with hashes: the statement, each conversation, the tracking and the case
timeline as UTF-8 text, and the original files byte for byte.

The pack hash is the SHA-256 of the manifest's entries (path, SHA-256, size, category,
caption, in order) together with the case and version: it names exactly this content, so the
same version built twice has the same hash, and any change of any item gives another one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from app.clock import format_instant
from app.evidence import pack_words as words
from app.evidence.content import PackContent

FORMAT = "afterdesk-evidence-pack/1"


@dataclass(frozen=True)
class Entry:
    path: str
    category: str
    caption: str
    sha256: str
    size: int
    mime: str
    name: str = ""          # the original file name, for files

    def to_json(self) -> dict:
        data = {"path": self.path, "category": self.category, "caption": self.caption,
                "sha256": self.sha256, "size": self.size, "mime": self.mime}
        if self.name:
            data["original_name"] = self.name
        return data


def statement_text(content: PackContent) -> bytes:
    return content.statement.replace("\r\n", "\n").encode("utf-8")


def thread_text(thread, platform: str = "") -> bytes:
    channel = words.in_words(words.CHANNELS, thread.channel, platform)
    out = [f"# conversation {thread.conversation_id} · {channel} · {thread.subject}"]
    for line in thread.lines:
        who = "buyer 买家" if line.direction == "in" else "seller 卖家"
        auto = " (automatic reply 自动回复)" if line.is_auto else ""
        out.append(f"{format_instant(line.at)} | "
                   f"{words.in_words(words.CHANNELS, line.channel, platform)} | {who} | "
                   f"{line.author}{auto}")
        out.append(f"  [{line.source_lang or '?'}] {line.body}")
        if line.translation:
            out.append(f"  [{line.translation_lang or '?'}] {line.translation}")
    return ("\n".join(out) + "\n").encode("utf-8")


def tracking_text(content: PackContent) -> bytes:
    out = [f"# tracking {content.case.carrier} {content.case.tracking_no}"]
    out += [f"{format_instant(t.at)} | {t.location} | {t.description} | {t.status}"
            for t in content.tracking]
    return ("\n".join(out) + "\n").encode("utf-8")


def timeline_text(content: PackContent) -> bytes:
    out = [f"# case {content.case.ref} timeline"]
    out += [f"{format_instant(e.at)} | {e.actor} | {e.action} | {e.change} | {e.by_rule}"
            for e in content.timeline]
    return ("\n".join(out) + "\n").encode("utf-8")


def safe_name(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .") or "file"
    return cleaned[-80:]


def text_parts(content: PackContent) -> list[tuple[Entry, bytes]]:
    """The generated text files of a pack, with their entries."""
    parts = []

    def add(path, category, caption, data):
        parts.append((Entry(path, category, caption, hashlib.sha256(data).hexdigest(),
                            len(data), "text/plain; charset=utf-8"), data))

    add("statement.txt", "statement", "Seller's statement", statement_text(content))
    add("timeline.txt", "case_timeline", f"Case {content.case.ref} timeline",
        timeline_text(content))
    for thread in content.threads:
        add(f"conversations/conversation-{thread.conversation_id}.txt", "conversation",
            f"{words.in_words(words.CHANNELS, thread.channel, content.case.platform)}: "
            f"{len(thread.lines)} messages", thread_text(thread, content.case.platform))
    if content.tracking:
        add("tracking.txt", "tracking", f"{len(content.tracking)} tracking events",
            tracking_text(content))
    return parts


def file_entries(content: PackContent) -> list[Entry]:
    return [Entry(f"files/{f.position:03d}-{f.category}-{safe_name(f.name or f.sha256[:12])}",
                  f.category, f.caption, f.sha256, f.size, f.mime, f.name)
            for f in content.files]


def entries(content: PackContent) -> list[Entry]:
    return [entry for entry, _ in text_parts(content)] + file_entries(content)


def pack_hash(case_ref: str, version: int, items: list[Entry]) -> str:
    canonical = json.dumps({"format": FORMAT, "case": case_ref, "version": version,
                            "items": [e.to_json() for e in items]},
                           ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hash(content: PackContent) -> str:
    return pack_hash(content.case.ref, content.version, entries(content))
