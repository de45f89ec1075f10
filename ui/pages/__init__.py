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
    from ui.pages.complaints_page import ComplaintsPage
    from ui.pages.conversations_page import ConversationsPage
    from ui.pages.deadlines_page import DeadlinesPage
    from ui.pages.evidence_page import EvidencePage
    from ui.pages.followups_page import FollowUpsPage
    from ui.pages.parcel_watch_page import ParcelWatchPage
    from ui.pages.reports_page import ReportsPage

    lead_hours = settings.get("alerts.lead_times_hours") if settings is not None else [24]
    warn_within = timedelta(hours=max(lead_hours or [24]))
    return [
        PageSpec("conversations", _t("Conversations"), lambda: ConversationsPage(settings=settings)),
        PageSpec("cases", _t("Requests & Disputes"), lambda: CasesPage(warn_within=warn_within)),
        PageSpec("deadlines", _t("Deadlines"), lambda: DeadlinesPage(warn_within=warn_within)),
        PageSpec("followups", _t("Awaiting buyer"), FollowUpsPage),
        PageSpec("complaints", _t("Complaints & Reviews"), ComplaintsPage),
        PageSpec("parcel_watch", _t("Parcel watch"), ParcelWatchPage),
        PageSpec("evidence", _t("Evidence"), EvidencePage),
        PageSpec("reports", _t("Reports"), ReportsPage),
    ]
