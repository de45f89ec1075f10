"""Every table of AfterDesk. `ALL_MODELS` is in dependency order (parents first)."""

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
