"""A deadline alert of the monitor in the rep's language.

The monitor (app.monitor.summary.alert_payload) writes each alert in English and hands
over the facts behind it; this module says the same with translated texts, so the banner
and the tray speak the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from ui.cases.words import deadline_words

CONTEXT = "alerts"
TEXTS = {
    "who_order": QT_TRANSLATE_NOOP("alerts", "order {0}"),
    "who_conversation": QT_TRANSLATE_NOOP("alerts", "a conversation"),
    "in_hours": QT_TRANSLATE_NOOP("alerts", "due in {0} h"),
    "now": QT_TRANSLATE_NOOP("alerts", "due now"),
    "missed": QT_TRANSLATE_NOOP("alerts", "missed"),
    "alert": QT_TRANSLATE_NOOP("alerts", "{who}: {what} ({when}, rule {rule})"),
    "todo": QT_TRANSLATE_NOOP("alerts", "{alert} — {todo}"),
    "platform": QT_TRANSLATE_NOOP("alerts", "{who}: {what}"),
}


def _t(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[key])


def alert_words(payload: dict) -> str:
    """The alert's text in the interface language; an alert this module cannot read is
    shown as the monitor wrote it."""
    try:
        step = payload["step"]
        case, order_no = payload.get("case_id") or "", payload.get("order_no") or ""
        who = case or (_t("who_order").format(order_no) if order_no else _t("who_conversation"))
        if step == "platform":
            english = payload.get("text") or ""
            prefix = f"{case}: "
            what = english[len(prefix):] if case and english.startswith(prefix) else english
            translated = deadline_words(what)
            if translated == what and what.startswith("not recorded automatically"):
                return english          # a refusal with the service's own words
            return _t("platform").format(who=who, what=translated)
        if step == "warning":
            hours = payload.get("lead_hours")
            if not hours:                   # lead times are whole hours (alert settings)
                return str(payload.get("text", ""))
            when = _t("in_hours").format(hours)
        elif step == "due":
            when = _t("now")
        else:
            when = _t("missed")
        text = _t("alert").format(who=who, what=deadline_words(payload["label"]), when=when,
                                  rule=payload["rule"])
        if payload.get("action"):
            text = _t("todo").format(alert=text, todo=deadline_words(payload["action"]))
        return text
    except (KeyError, TypeError, IndexError, ValueError):
        return str(payload.get("text", ""))
