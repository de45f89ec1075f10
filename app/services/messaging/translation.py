"""Translation of messages (AE-13): the rep picks the source and target language.

Translators sit behind one small interface (`Translator`). The one that ships works
offline: a phrase memory built from the rep's own earlier translations and from the
quick phrases, whose variants are each other's translations (a variant's placeholders
match any text, so "Hi Ana, order 8001 shipped" is recognised from "Hi {buyer_name},
order {order_no} shipped" and its Chinese variant filled with the same values).

An online translator the rep has set up (app.services.messaging.online_translators,
Baidu Translate today) is asked after the phrase memory; what it finds for a buyer's
message is remembered, so the same text translates again offline. A translator that
cannot answer (no network, a refused key…) is skipped and its problem is kept on the
result, for the window to show.

When no translator knows the text in the chosen target language, English is tried
(AE-13); when nothing is found the result says so ("no translation available").
The original text is never changed: a translation is stored beside it. Asking an online
service happens outside any transaction: the write lock is held only to store.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from app.clock import utcnow
from app.db import database
from app.models import Message, QuickPhraseVariant
from app.models.conversation_extras import PhraseMemory
from app.rules.policy import TRANSLATION_FALLBACK
from app.services.common import audit
from app.services.messaging import placeholders
from app.errors import InvalidInput, NotFound, ServiceError
from app.services.common.input_checks import text

ENTITY = "translation"
# Languages offered in the pickers, with the name a rep reads.
LANGUAGES = {"zh": "中文", "en": "English", "es": "Español", "pt": "Português",
             "fr": "Français", "ru": "Русский", "de": "Deutsch", "ko": "한국어",
             "ja": "日本語", "ar": "العربية", "pl": "Polski", "nl": "Nederlands"}
KEY_LENGTH = 500


@dataclass(frozen=True)
class TranslationResult:
    text: str | None            # None: no translation available
    target_lang: str            # the language of `text` (the fallback when it was used)
    provider: str               # which translator found it
    fell_back: bool = False     # the chosen target had none; English was used (AE-13)
    problem: ServiceError | None = None   # why an online translator did not answer

    @property
    def available(self) -> bool:
        return self.text is not None


class Translator(Protocol):
    name: str

    def translate(self, text: str, source: str, target: str) -> str | None:
        """The translation of `text`, or None when this translator does not know it."""


def memory_key(value: str) -> str:
    """Texts that differ only in case, width or spacing share one memory entry."""
    folded = unicodedata.normalize("NFKC", value or "").casefold()
    return " ".join(folded.split())[:KEY_LENGTH]


class PhraseMemoryTranslator:
    """Offline: earlier translations and the quick phrases' language variants."""

    name = "phrase memory"

    def translate(self, value: str, source: str, target: str) -> str | None:
        key = memory_key(value)
        if not key:
            return None
        remembered = PhraseMemory.get_or_none(source_lang=source, target_lang=target,
                                              source_key=key)
        if remembered is not None:
            return remembered.target_text
        spaced = " ".join(unicodedata.normalize("NFKC", value).split())
        return self._from_quick_phrases(spaced, source, target)

    @staticmethod
    def _from_quick_phrases(spaced: str, source: str, target: str) -> str | None:
        sources = QuickPhraseVariant.select().where(QuickPhraseVariant.language == source)
        for variant in sources:
            values = _match_template(" ".join(variant.body.split()), spaced)
            if values is None:
                continue
            other = QuickPhraseVariant.get_or_none(phrase=variant.phrase_id, language=target)
            if other is not None:
                return placeholders.fill(other.body, values)
        return None


def _match_template(template: str, key: str) -> dict | None:
    """Values of the placeholders when `key` is `template` with them filled in."""
    parts = placeholders.PATTERN.split(template)
    pattern, names = "", []
    for index, part in enumerate(parts):
        if index % 2:
            if part in names:
                pattern += f"(?P={part})"
            else:
                names.append(part)
                pattern += f"(?P<{part}>.+?)"
        else:
            pattern += re.escape(part)
    found = re.fullmatch(pattern, key, flags=re.IGNORECASE)
    return None if found is None else found.groupdict()


_translators: list = [PhraseMemoryTranslator()]


def translators() -> tuple[list, ServiceError | None]:
    """The offline phrase memory, then the online translator set up (if any); the problem
    that keeps a set-up online translator from being used (its key is missing, say)."""
    from app.secrets import SecretStoreUnavailable
    from app.services.messaging.baidu_translate import TranslationProblem
    from app.services.messaging.online_translators import online_translator
    using = list(_translators)
    try:
        online = online_translator()
    except (TranslationProblem, SecretStoreUnavailable) as problem:
        return using, problem
    return using + ([online] if online is not None else []), None


def online_ready() -> bool:
    """An online translator is set up (the window says how to add one otherwise)."""
    from app.services.messaging.online_translators import configured_app_id
    return bool(configured_app_id())


def translate(value: str, source: str, target: str, using=None) -> TranslationResult:
    """The first translation any translator finds, in `target` or else in English."""
    problem = None
    if using is None:
        using, problem = translators()
    if source == target:
        return TranslationResult(value, target, "original")
    attempts = [target] + ([TRANSLATION_FALLBACK] if target != TRANSLATION_FALLBACK
                           and source != TRANSLATION_FALLBACK else [])
    failed: set = set()
    for number, language in enumerate(attempts):
        for translator in using:
            if id(translator) in failed:
                continue
            try:
                found = translator.translate(value, source, language)
            except ServiceError as error:         # the translator cannot answer now
                problem, found = error, None
                failed.add(id(translator))
            if found:
                return TranslationResult(found, language, translator.name,
                                         fell_back=number > 0)
    return TranslationResult(None, target, "", problem=problem)


def translate_message(message_id: int, target: str, source: str | None = None, *,
                      default_source: str = "", actor: str = "rep") -> TranslationResult:
    """Translate a message and keep the translation beside its original (when found).
    `source` is the rep's choice; without it the message's own language, else
    `default_source` (the conversation's)."""
    [(_id, result)] = translate_messages([message_id], target, source,
                                         default_source=default_source, actor=actor)
    return result


def translate_messages(message_ids: list[int], target: str, source: str | None = None, *,
                       default_source: str = "", actor: str = "rep"
                       ) -> list[tuple[int, TranslationResult]]:
    """Translate several messages (the buyer's, as the thread shows them): translated
    first (an online translator may be slow), then stored in one transaction: (id, result)
    pairs in the order given."""
    messages = [_message(message_id) for message_id in message_ids]
    using, problem = translators()
    done = []
    for message in messages:
        language = source or message.source_lang or default_source
        if not language:
            raise InvalidInput("choose the language the message is written in",
                               record=f"message {message.id}", field="source_lang")
        result = translate(message.body, language, target, using=using)
        if result.problem is None and problem is not None and not result.available:
            result = TranslationResult(None, target, "", problem=problem)
        done.append((message, language, result))
    with database.atomic():
        for message, language, result in done:
            if result.text is None or result.provider == "original":
                continue
            _store(message, result.text, result.target_lang, language, actor, result.provider)
            if result.provider not in (PhraseMemoryTranslator.name, "rep"):
                remember(message.body, language, result.text, result.target_lang,
                         origin=result.provider[:16], actor=actor)
    return [(message.id, result) for message, _language, result in done]


def set_translation(message_id: int, translated: str, target: str, source: str, *,
                    actor: str = "rep") -> Message:
    """The rep's own translation of a message: stored beside it and remembered."""
    message = _message(message_id)
    record = f"translation of message {message_id}"
    translated = text(translated, "translation", record)
    target = text(target, "target language", record, max_len=16)
    source = text(source, "source language", record, max_len=16)
    with database.atomic():
        _store(message, translated, target, source, actor, "rep")
        remember(message.body, source, translated, target, actor=actor)
    return message


def remember(original: str, source: str, translated: str, target: str, *,
             origin: str = "rep", actor: str = "rep") -> PhraseMemory:
    """Add (or correct) one entry of the phrase memory."""
    record = "phrase memory"
    key = memory_key(original)
    if not key:
        raise InvalidInput("nothing to remember", record=record, field="source_text")
    translated = text(translated, "target_text", record)
    with database.atomic():
        entry = PhraseMemory.get_or_none(source_lang=source, target_lang=target, source_key=key)
        if entry is None:
            entry = PhraseMemory.create(source_lang=source, target_lang=target, source_key=key,
                                        source_text=original, target_text=translated,
                                        origin=origin, created_at=utcnow())
        else:
            entry.target_text = translated
            entry.save()
        audit.record(actor, ENTITY, entry.id, "remember",
                     {"source": source, "target": target, "text": original[:200]})
    return entry


def _message(message_id: int) -> Message:
    message = Message.get_or_none(Message.id == message_id)
    if message is None:
        raise NotFound("message {message_id} does not exist", message_id=message_id)
    return message


def _store(message: Message, translated: str, target: str, source: str, actor: str,
           provider: str) -> None:
    with database.atomic():
        message.translation, message.translation_lang = translated, target
        if not message.source_lang:
            message.source_lang = source
        message.save()
        from app.services.messaging import search
        search.index_message(message)          # the translation is searchable too
        audit.record(actor, ENTITY, message.id, "translate",
                     {"source": source, "target": target, "provider": provider})
