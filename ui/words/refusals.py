"""A marketplace rule's refusal (app.errors.RuleRefusal) in the rep's language.

The services write refusals in English from the templates of app.refusal_texts;
this module fills the same template translated (context "refusals", listed for translators
by scripts/update_translations.py). A refusal without a template is shown as written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.refusal_texts import TEMPLATES
from ui.words.problems import filled


def refusal_words(refusal) -> str:
    """'<the refusal in the interface language> (<rule>)'."""
    text = str(refusal)
    key = getattr(refusal, "key", None)
    if key in TEMPLATES:
        text = filled("refusals", TEMPLATES[key], getattr(refusal, "values", {}), text)
    rule = getattr(refusal, "rule", "")
    return QCoreApplication.translate("refusals", "{0} ({1})").format(text, rule) if rule else text
