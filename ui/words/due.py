"""The monitor's "what is due" summary in the rep's language.

The monitor (app.monitor.summary) writes the summary in English and hands over the counts
behind it; this module says the same with translated texts, one text for one and one for
many, so English reads as before and Chinese needs no plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "due"
ORDER = ("dispute", "aftersales", "order", "conversation", "complaint")
# subject -> ((one, many) due today, (one, many) overdue)
TEXTS = {
    "dispute": ((QT_TRANSLATE_NOOP("due", "{n} dispute needs a response today"),
                 QT_TRANSLATE_NOOP("due", "{n} disputes need a response today")),
                (QT_TRANSLATE_NOOP("due", "{n} dispute is overdue"),
                 QT_TRANSLATE_NOOP("due", "{n} disputes are overdue"))),
    "aftersales": ((QT_TRANSLATE_NOOP("due", "{n} after-sales request needs an answer today"),
                    QT_TRANSLATE_NOOP("due", "{n} after-sales requests need an answer today")),
                   (QT_TRANSLATE_NOOP("due", "{n} after-sales request is overdue"),
                    QT_TRANSLATE_NOOP("due", "{n} after-sales requests are overdue"))),
    "order": ((QT_TRANSLATE_NOOP("due", "{n} order needs action today"),
               QT_TRANSLATE_NOOP("due", "{n} orders need action today")),
              (QT_TRANSLATE_NOOP("due", "{n} order is overdue"),
               QT_TRANSLATE_NOOP("due", "{n} orders are overdue"))),
    "conversation": ((QT_TRANSLATE_NOOP("due", "{n} conversation needs a reply today"),
                      QT_TRANSLATE_NOOP("due", "{n} conversations need a reply today")),
                     (QT_TRANSLATE_NOOP("due", "{n} conversation is overdue"),
                      QT_TRANSLATE_NOOP("due", "{n} conversations are overdue"))),
    "complaint": ((QT_TRANSLATE_NOOP("due", "{n} complaint needs action today"),
                   QT_TRANSLATE_NOOP("due", "{n} complaints need action today")),
                  (QT_TRANSLATE_NOOP("due", "{n} complaint is overdue"),
                   QT_TRANSLATE_NOOP("due", "{n} complaints are overdue"))),
}
NOTHING = QT_TRANSLATE_NOOP("due", "Nothing is due today.")
SEPARATOR = QT_TRANSLATE_NOOP("due", "; ")
END = QT_TRANSLATE_NOOP("due", ".")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def summary_text(summary) -> str:
    """`summary` (a DueSummary) in the rep's language; a plain text, or one naming a
    subject this module does not know, is shown as it came."""
    today = getattr(summary, "today", None)
    overdue = getattr(summary, "overdue", None)
    if today is None or overdue is None or set(today) - set(ORDER) or set(overdue) - set(ORDER):
        return str(summary)
    parts = []
    for which, counts in ((0, today), (1, overdue)):
        for subject in ORDER:
            n = counts.get(subject, 0)
            if n:
                parts.append(_t(TEXTS[subject][which][0 if n == 1 else 1]).format(n=n))
    if not parts:
        return _t(NOTHING)
    return _t(SEPARATOR).join(parts) + _t(END)
