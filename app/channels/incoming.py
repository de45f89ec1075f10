"""A message that came in over a channel, as every channel hands it to app.channels.ingest."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class IncomingFile:
    name: str
    mime: str
    data: bytes


@dataclass
class Incoming:
    channel_id: str                     # the channel's own id (a mail's Message-ID)
    sender: str                         # the buyer's address or login, lower case
    sender_name: str
    subject: str
    body: str
    at: datetime                        # aware, UTC
    references: tuple = ()              # ids of the messages it answers, newest first
    files: list = field(default_factory=list)    # IncomingFile
    automatic: bool = False             # sent by a machine: never answered automatically
    problems: list = field(default_factory=list)  # parts that could not be read
