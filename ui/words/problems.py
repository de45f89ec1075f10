"""A service's refusal of bad input (InvalidInput) or of a step its case cannot take now
(ForbiddenTransition) in the rep's language.

The services write these in English from templates with named values (app/services);
scripts/update_translations.py lists every template for translators (context
"problems"), and this module fills the translated template with the same values. A
message without a template, or whose translation does not fit its values, is shown as
written."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def _translate(text: str) -> str:
    return QCoreApplication.translate("problems", text)


# The values that hold words of AfterDesk's vocabularies; the others (names a rep chose,
# shortcuts, order numbers, amounts) are shown as they are.
VOCABULARY_VALUES = frozenset(("state", "action", "allowed", "asked", "steps"))


def value_words(values: dict) -> dict:
    """The values with the words of AfterDesk's vocabularies (states, actions, service
    types: 'closed', 'refund only', 'agree, refuse') in the rep's language; a problem
    inside the problem in the rep's language too; other values as they are."""
    def part_words(part: str) -> str:
        spaced = part.replace("_", " ")
        translated = QCoreApplication.translate("labels", spaced)
        return translated if translated != spaced else part     # no translation: as written

    def one(key, value):
        if getattr(value, "template", None):        # a problem inside the problem
            return error_words(value)
        if key not in VOCABULARY_VALUES or not isinstance(value, str) \
                or not _WORDS.fullmatch(value):
            return value
        return ", ".join(part_words(part) for part in value.split(", "))
    return {key: one(key, value) for key, value in values.items()}


_WORDS = re.compile(r"[a-z_ ]+(, [a-z_ ]+)*")


def filled(context: str, template: str, values: dict, written: str) -> str:
    """`template` in the rep's language filled with `values` (their vocabulary words
    translated too); `written`, the English as the core wrote it, when the translation
    does not fit its values."""
    translated = QCoreApplication.translate(context, template)
    if not values:
        return translated
    try:
        return translated.format(**value_words(values))
    except (KeyError, IndexError, ValueError):          # a translation with a broken field
        return written


def error_words(error) -> str:
    template = getattr(error, "template", None)
    if not template:
        return str(error)
    text = filled("problems", template, getattr(error, "values", None) or {}, str(error))
    record, field = getattr(error, "record", None), getattr(error, "field", None)
    where = [record] if record else []
    if field:
        where.append(_translate("field '{0}'").format(field))
    return _translate("{0}: {1}").format(", ".join(where), text) if where else text
