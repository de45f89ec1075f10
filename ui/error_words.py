"""A service's refusal of bad input (InvalidInput) or of a step its case cannot take now
(ForbiddenTransition) in the rep's language.

The services write these in English from templates with named values (app/services);
scripts/update_translations.py lists every template for translators (context
"problems"), and this module fills the translated template with the same values. A
message without a template, or whose translation does not fit its values, is shown as
written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _translate(text: str) -> str:
    return QCoreApplication.translate("problems", text)


def error_words(error) -> str:
    template = getattr(error, "template", None)
    if not template:
        return str(error)
    values = getattr(error, "values", None) or {}
    try:
        text = _translate(template).format(**values) if values else _translate(template)
    except (KeyError, IndexError, ValueError):          # a translation with a broken field
        return str(error)
    record, field = getattr(error, "record", None), getattr(error, "field", None)
    where = [record] if record else []
    if field:
        where.append(_translate("field '{0}'").format(field))
    return _translate("{0}: {1}").format(", ".join(where), text) if where else text
