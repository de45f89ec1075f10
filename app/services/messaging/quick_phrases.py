"""Quick phrases: a rep's ready answers, each with a text per language, a shortcut and a
category. A phrase of no shop serves every shop. Texts may hold placeholders
(app.services.messaging.placeholders) that are filled from the conversation when inserted.
"""

from __future__ import annotations

import re
from datetime import datetime
from dataclasses import dataclass

from app.clock import utcnow
from app.db import database
from app.models import QuickPhrase, QuickPhraseVariant
from app.services.common import audit
from app.services.messaging import placeholders
from app.errors import InvalidInput, NotFound
from app.services.common.input_checks import text

ENTITY = "quick_phrase"
from app.rules.policy import TRANSLATION_FALLBACK as FALLBACK_LANGUAGE  # noqa: E402
_SHORTCUT = re.compile(r"^[\w-]{1,32}$", re.UNICODE)


@dataclass(frozen=True)
class PhraseRow:
    id: int
    title: str
    shortcut: str
    category: str
    shop: str | None                # shop key, None for every shop
    variants: dict                  # language -> text

    def text_for(self, language: str) -> tuple[str, str]:
        """(language, text) in `language`, else English, else the first there is."""
        for wanted in (language, FALLBACK_LANGUAGE):
            if wanted in self.variants:
                return wanted, self.variants[wanted]
        first = next(iter(sorted(self.variants)))
        return first, self.variants[first]


@dataclass(frozen=True)
class Rendered:
    text: str
    language: str
    missing: list                   # placeholders still in the text (unknown or no value)


def _checked(title, variants, shortcut, category, record) -> dict:
    if not isinstance(variants, dict) or not variants:
        raise InvalidInput("give the text in at least one language", record=record,
                           field="variants")
    clean = {}
    for language, body in variants.items():
        language = text(language, "language", record, max_len=16)
        clean[language] = text(body, f"text ({language})", record, max_len=4000)
        unknown = [n for n in placeholders.names_in(clean[language])
                   if n not in placeholders.KNOWN]
        if unknown:
            raise InvalidInput("unknown placeholder {unknown}; use one of {known}",
                               unknown=_braced(unknown), known=_braced(placeholders.KNOWN),
                               record=record, field=f"text ({language})")
    shortcut = text(shortcut, "shortcut", record, max_len=32, required=False).lstrip("/")
    if shortcut and not _SHORTCUT.match(shortcut):
        raise InvalidInput("a shortcut is one word (letters, digits, - or _)", record=record,
                           field="shortcut")
    return {"title": text(title, "title", record, max_len=200), "shortcut": shortcut,
            "category": text(category, "category", record, max_len=64, required=False),
            "variants": clean}


def _shop(shop):
    if shop is None:
        return None
    from app.services.commerce.shops import get_shop
    return get_shop(shop)


def _check_shortcut_free(shortcut: str, shop, record: str, except_id=None) -> None:
    if not shortcut:
        return
    query = QuickPhrase.select().where((QuickPhrase.shortcut == shortcut)
                                       & ((QuickPhrase.shop == shop) if shop else
                                          QuickPhrase.shop.is_null()))
    if except_id is not None:
        query = query.where(QuickPhrase.id != except_id)
    taken = query.first()
    if taken is not None:
        raise InvalidInput("the shortcut /{shortcut} is already used by '{title}'",
                           shortcut=shortcut, title=taken.title,
                           record=record, field="shortcut")


def add_phrase(title: str, variants: dict, *, shortcut: str = "", category: str = "",
               shop=None, actor: str = "rep", at: datetime | None = None) -> QuickPhrase:
    record = f"quick phrase '{title}'"
    at = at or utcnow()
    values = _checked(title, variants, shortcut, category, record)
    shop = _shop(shop)
    _check_shortcut_free(values["shortcut"], shop, record)
    with database.atomic():
        phrase = QuickPhrase.create(shop=shop, title=values["title"],
                                    shortcut=values["shortcut"], category=values["category"],
                                    created_at=at)
        for language, body in values["variants"].items():
            QuickPhraseVariant.create(phrase=phrase, language=language, body=body)
        audit.record(actor, ENTITY, phrase.id, "add", values, at=at)
    return phrase


_KEEP = object()


def update_phrase(phrase_id: int, *, title=None, variants=None, shortcut=None, category=None,
                  shop=_KEEP, actor: str = "rep") -> QuickPhrase:
    """Change a phrase; `shop` a shop key, or None for every shop (default: unchanged)."""
    phrase = get_phrase(phrase_id)
    old = phrase_row(phrase)
    record = f"quick phrase '{old.title}'"
    values = _checked(old.title if title is None else title,
                      old.variants if variants is None else variants,
                      old.shortcut if shortcut is None else shortcut,
                      old.category if category is None else category, record)
    owner = phrase.shop if shop is _KEEP else _shop(shop)
    _check_shortcut_free(values["shortcut"], owner, record, except_id=phrase.id)
    with database.atomic():
        phrase.title, phrase.shortcut, phrase.category = (values["title"], values["shortcut"],
                                                          values["category"])
        phrase.shop = owner
        phrase.save()
        QuickPhraseVariant.delete().where(QuickPhraseVariant.phrase == phrase).execute()
        for language, body in values["variants"].items():
            QuickPhraseVariant.create(phrase=phrase, language=language, body=body)
        audit.record(actor, ENTITY, phrase.id, "update",
                     {"from": {"title": old.title, "variants": old.variants, "shop": old.shop},
                      "to": {**values, "shop": owner.key if owner else None}})
    return phrase


def delete_phrase(phrase_id: int, *, actor: str = "rep") -> None:
    phrase = get_phrase(phrase_id)
    with database.atomic():
        audit.record(actor, ENTITY, phrase.id, "delete", {"title": phrase.title})
        phrase.delete_instance(recursive=True)


def get_phrase(phrase_id: int) -> QuickPhrase:
    phrase = QuickPhrase.get_or_none(QuickPhrase.id == phrase_id)
    if phrase is None:
        raise NotFound("quick phrase {phrase_id} does not exist", phrase_id=phrase_id)
    return phrase


def phrase_row(phrase: QuickPhrase) -> PhraseRow:
    variants = {v.language: v.body for v in phrase.variants.order_by(QuickPhraseVariant.language)}
    return PhraseRow(phrase.id, phrase.title, phrase.shortcut, phrase.category,
                     phrase.shop.key if phrase.shop_id else None, variants)


def find_phrases(query: str = "", shop_id: int | None = None) -> list[PhraseRow]:
    """The phrases a rep may use in a conversation of `shop_id` (shop's own and everyone's)
    whose title, shortcut, category or any text contains every word of `query`."""
    phrases = QuickPhrase.select().order_by(QuickPhrase.category, QuickPhrase.title)
    if shop_id is not None:
        phrases = phrases.where(QuickPhrase.shop.is_null() | (QuickPhrase.shop == shop_id))
    variants: dict[int, dict] = {}
    for v in QuickPhraseVariant.select().order_by(QuickPhraseVariant.language):
        variants.setdefault(v.phrase_id, {})[v.language] = v.body
    from app.models import Shop
    keys = {s.id: s.key for s in Shop.select(Shop.id, Shop.key)}
    words = (query or "").lower().lstrip("/").split()
    rows = []
    for p in phrases:
        row = PhraseRow(p.id, p.title, p.shortcut, p.category, keys.get(p.shop_id),
                        variants.get(p.id, {}))
        haystack = " ".join([p.title, p.shortcut, p.category, *row.variants.values()]).lower()
        if all(word in haystack for word in words):
            rows.append(row)
    return rows


def by_shortcut(shortcut: str, shop_id: int | None = None) -> PhraseRow | None:
    """The phrase typed as /shortcut in the composer (the shop's own before everyone's)."""
    shortcut = (shortcut or "").lstrip("/")
    matches = [r for r in find_phrases("", shop_id) if r.shortcut == shortcut]
    matches.sort(key=lambda r: r.shop is None)
    return matches[0] if matches else None


def render(row: PhraseRow, values: dict, language: str) -> Rendered:
    """The phrase's text in `language` (or the fallback) with the known `values` filled in
    (see placeholders.values_for); what stays unfilled is listed in `missing`."""
    chosen, body = row.text_for(language)
    filled = placeholders.fill(body, values)
    return Rendered(filled, chosen, placeholders.names_in(filled))


def _braced(names) -> str:
    """'{order_no}, {buyer}': placeholder names as a rep types them."""
    return ", ".join("{" + name + "}" for name in names)
