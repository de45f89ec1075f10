"""The seller's statement, started from a template filled from the case.

Templates live in resources/templates/statement_<group>_<language>.txt (see its README).
A placeholder the case has no value for stays in the text as `{name}`, so the rep sees it.
"""

from __future__ import annotations

from app.clock import utcnow
from app.evidence.checklist import evidence_group
from app.evidence.labels import CATEGORY_LABELS, category_label, reason_label
from app.evidence.resources import templates_dir
from app.evidence.timefmt import local_day, zone
from app.models import Dispute
from app.errors import InvalidInput

LANGUAGES = ("zh", "en")


class _KeepMissing(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def default_language(case) -> str:
    """Chinese for Taobao, English for AliExpress (the language the platform staff read)."""
    return "zh" if case.order.shop.platform == "taobao" else "en"


def attached_sentence(categories, language: str) -> str:
    """The sentence of a statement naming what the pack holds, and nothing else."""
    held = [c for c in CATEGORY_LABELS if c in set(categories) and c != "statement"]
    labels = [category_label(c, language) for c in held]
    if language == "zh":
        if not labels:
            return "目前尚未附上证据。"
        return "我们已附上：" + "、".join(labels) + "。"
    if not labels:
        return "No evidence is attached yet."
    labels = [label[0].lower() + label[1:] for label in labels]
    listed = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
    return f"Attached: {listed}."


def case_fields(case, language: str = "en", categories=()) -> dict:
    order = case.order
    shop = order.shop
    tz = zone(shop.timezone)
    dispute = isinstance(case, Dispute)
    ref = f"D-{case.id}" if dispute else f"A-{case.id}"
    zh = language == "zh"
    kind = ("纠纷" if dispute else "售后申请") if zh else ("dispute" if dispute else
                                                        "after-sales request")
    items = ("、" if zh else ", ").join(
        f"{item.title} × {item.quantity}" for item in order.items.order_by(order.items.model.position))
    amount = case.refund_amount if dispute else case.amount
    values = {
        "shop": shop.name, "platform": shop.platform, "order_no": order.order_no,
        "case_id": ref, "case_kind": kind,
        "issue_id": (case.issue_id or "") if dispute else "",
        "buyer": (order.buyer.name or order.buyer.login) if order.buyer else "",
        "buyer_login": order.buyer.login if order.buyer else "",
        "country": order.buyer.country if order.buyer else "",
        "reason": case.reason if dispute else reason_label(case.reason, language),
        "reason_text": case.reason_text if dispute else (
            case.description or case.reason_text),
        "opened_at": local_day(case.opened_at, tz), "paid_at": local_day(order.paid_at, tz),
        "shipped_at": local_day(order.shipped_at, tz),
        "delivered_at": local_day(order.delivered_at, tz),
        "carrier": order.carrier, "tracking_no": order.tracking_no, "items": items,
        "amount": f"{amount} {case.currency}" if amount is not None else "",
        "today": local_day(utcnow(), tz),
        "attached": attached_sentence(categories, language),
    }
    return {key: value for key, value in values.items() if value not in ("", None)}


def template_text(group: str, language: str) -> str:
    if language not in LANGUAGES:
        raise InvalidInput("no statement templates in '{language}' (zh or en)",
                           language=language, field="language")
    path = templates_dir() / f"statement_{group}_{language}.txt"
    if not path.exists():
        path = templates_dir() / f"statement_general_{language}.txt"
    return path.read_text(encoding="utf-8")


def render_statement(case, language: str | None = None, categories=()) -> str:
    """The statement drafted from the template; `categories` are those the pack holds (the
    statement cites only these)."""
    language = language or default_language(case)
    text = template_text(evidence_group(case), language)
    return text.format_map(_KeepMissing(case_fields(case, language, categories))).strip() + "\n"
