"""The pages of the main window, in the order of the navigation list.

A page's module is imported only when the page is built: the window builds the page in
front at start and the others once that one has been painted (ui.main_window)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from datetime import timedelta


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    make: Callable[[], QWidget]
    is_list: bool = True        # a ui.pages.list_page.ListPage: a count in the status bar


def _t(text: str) -> str:
    return QCoreApplication.translate("pages", text)


def _maker(module: str, name: str, **kwargs) -> Callable[[], QWidget]:
    def make() -> QWidget:
        return getattr(importlib.import_module(f"ui.pages.{module}"), name)(**kwargs)
    return make


def page_specs(settings=None) -> list[PageSpec]:
    """What the navigation list offers; `settings` tunes pages that read preferences."""

    lead_hours = settings.get("alerts.lead_times_hours") if settings is not None else [24]
    warn_within = timedelta(hours=max(lead_hours or [24]))
    return [
        PageSpec("conversations", _t("Conversations"),
                 _maker("conversations_page", "ConversationsPage", settings=settings)),
        PageSpec("cases", _t("Requests & Disputes"),
                 _maker("cases_page", "CasesPage", warn_within=warn_within)),
        PageSpec("deadlines", _t("Deadlines"),
                 _maker("deadlines_page", "DeadlinesPage", warn_within=warn_within)),
        PageSpec("followups", _t("Awaiting buyer"), _maker("followups_page", "FollowUpsPage")),
        PageSpec("complaints", _t("Complaints & Reviews"),
                 _maker("complaints_page", "ComplaintsPage")),
        PageSpec("parcel_watch", _t("Parcel watch"),
                 _maker("parcel_watch_page", "ParcelWatchPage")),
        PageSpec("evidence", _t("Evidence"), _maker("evidence_page", "EvidencePage"),
                 is_list=False),
        PageSpec("reports", _t("Reports"), _maker("reports_page", "ReportsPage"), is_list=False),
    ]
