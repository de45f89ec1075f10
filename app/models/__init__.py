"""Every table of AfterDesk. `ALL_MODELS` is in dependency order (parents first).

The tables of schema version 1 are imported by name below. A module added to this package
later (with its migration in app/migrations/) is found by itself: its models join
`ALL_MODELS` after these, parents before children; import them from their own module.
"""

import importlib
import pkgutil

from app.models.admin import AuditEntry, CalendarOverride, PolicyOverride
from app.models.cases import (AftersalesRequest, Dispute, DisputeEvent, DisputeProposal,
                              RequestEvent)
from app.models.commerce import Buyer, Order, OrderItem, Shop, TrackingEvent
from app.models.evidence import EvidenceItem, EvidencePack
from app.models.files import Attachment, StoredFile
from app.models.messaging import (AutoReplyRevision, AutoReplyRule, Conversation, Message,
                                  QuickPhrase, QuickPhraseVariant)

ALL_MODELS = [
    Shop, Buyer, Order, OrderItem, TrackingEvent,
    Conversation, Message, QuickPhrase, QuickPhraseVariant, AutoReplyRule, AutoReplyRevision,
    AftersalesRequest, RequestEvent, Dispute, DisputeProposal, DisputeEvent,
    StoredFile, Attachment, EvidencePack, EvidenceItem,
    PolicyOverride, CalendarOverride, AuditEntry,
]

__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS"]


def _later_models() -> list:
    from app.models.base import BaseModel
    for info in pkgutil.iter_modules(__path__):
        if info.name not in ("base", "fields"):
            importlib.import_module(f"{__name__}.{info.name}")
    found, stack = [], list(BaseModel.__subclasses__())
    while stack:
        model = stack.pop()
        stack.extend(model.__subclasses__())
        if model not in ALL_MODELS and model not in found and not model._meta.without_rowid:
            found.append(model)
    ordered: list = []

    def place(model):
        if model in ordered or model in ALL_MODELS:
            return
        for field in model._meta.refs:
            if field.rel_model is not model:
                place(field.rel_model)
        ordered.append(model)

    for model in sorted(found, key=lambda m: (m.__module__, m.__name__)):
        place(model)
    return ordered


ALL_MODELS.extend(_later_models())
