"""A channel's problem (an account's last error, why an answer was not sent) in the rep's
language: the explanation translated (context "channel_problems"), the server's own words
kept as they were, quoted.

The core stores the English text of app/channels/problem_texts.py; its template is found
again here and filled, in the rep's language, with the same values. A text that fits no
template is shown as written."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.channels.problem_texts import SAID, TEMPLATES

CONTEXT = "channel_problems"
# the platforms' names the core writes into a problem ({platform}), as the rest of the
# window names them (速卖通, 淘宝 in Chinese)
PLATFORM_NAMES = {"AliExpress": QT_TRANSLATE_NOOP("channel_problems", "AliExpress"),
                  "Taobao": QT_TRANSLATE_NOOP("channel_problems", "Taobao")}


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@lru_cache(maxsize=None)
def _pattern(template: str) -> re.Pattern:
    """`template` as a pattern that gives back its values."""
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if n % 2 == 0 else f"(?P<{part}>.*?)"
                    for n, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


_SAID = re.compile(re.escape(SAID).replace(re.escape("{said}"), "(?P<said>.*)") + r"\Z",
                   re.DOTALL)


def problem_words(written: str) -> str:
    """The stored English text in the rep's language."""
    if not written:
        return ""
    said = _SAID.search(written)
    explanation = written[:said.start()] if said else written
    for template in TEMPLATES.values():
        found = _pattern(template).fullmatch(explanation)
        if found is not None:
            try:
                values = found.groupdict()
                if values.get("platform") in PLATFORM_NAMES:
                    values["platform"] = _translate(PLATFORM_NAMES[values["platform"]])
                text = _translate(template).format(**values)
            except (KeyError, IndexError, ValueError):      # a translation with a broken field
                return written
            break
    else:
        return written
    if said:
        text += _translate(SAID).format(said=said.group("said"))
    return text
