"""The pages of the main window, in the order of the navigation list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    make: Callable[[], QWidget]


def _t(text: str) -> str:
    return QCoreApplication.translate("pages", text)


def page_specs(settings=None) -> list[PageSpec]:
    """What the navigation list offers; `settings` tunes pages that read preferences."""
    from datetime import timedelta

    from ui.pages.cases_page import CasesPage
    from ui.pages.conversations_page import ConversationsPage
    from ui.pages.deadlines_page import DeadlinesPage
    from ui.pages.placeholder_page import PlaceholderPage

    lead_hours = settings.get("alerts.lead_times_hours") if settings is not None else [24]
    warn_within = timedelta(hours=max(lead_hours or [24]))
    return [
        PageSpec("conversations", _t("Conversations"), ConversationsPage),
        PageSpec("cases", _t("Requests & Disputes"), CasesPage),
        PageSpec("deadlines", _t("Deadlines"),
                 lambda: DeadlinesPage(warn_within=warn_within)),
        PageSpec("evidence", _t("Evidence"), lambda: PlaceholderPage(
            _t("Evidence"), _t("Here you will gather chat records, tracking, photos and "
                               "proof of delivery into a pack for an appeal."))),
        PageSpec("reports", _t("Reports"), lambda: PlaceholderPage(
            _t("Reports"), _t("Here you will see disputes by kind, reason, cause and "
                              "outcome, the dispute rate and response times."))),
    ]
