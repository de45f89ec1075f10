"""Settings › Alerts: how many hours before a deadline AfterDesk warns."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.settings import Settings

from ui.tones import style_text

MAX_LEAD_HOURS = 24 * 30


def parse_lead_times(text: str) -> list[int]:
    """'24, 4, 1' -> [24, 4, 1] (largest first, no repeats); ValueError when not whole
    hours between 1 and 720."""
    parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
    if not parts:
        raise ValueError("empty")
    hours = sorted({int(p) for p in parts}, reverse=True)
    if hours[-1] < 1 or hours[0] > MAX_LEAD_HOURS:
        raise ValueError("out of range")
    return hours


class AlertsTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.lead_times = QLineEdit(", ".join(str(h) for h in settings.get("alerts.lead_times_hours")))
        self.lead_times.setAccessibleName(self.tr("Alert lead times in hours"))
        self.lead_times.textChanged.connect(self._check)
        self.problem = QLabel()
        style_text(self.problem, "error")
        self.problem.setWordWrap(True)
        explanation = QLabel(self.tr(
            "AfterDesk warns you this many hours before a deadline is due, once for each "
            "number, e.g. 24, 4, 1. The Deadlines page marks deadlines within the largest."))
        explanation.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(self.tr("&Warn before (hours):"), self.lead_times)
        form.addRow("", self.problem)

    def _check(self) -> bool:
        try:
            parse_lead_times(self.lead_times.text())
        except ValueError:
            self.problem.setText(self.tr("Enter whole hours from 1 to 720, separated by commas."))
            return False
        self.problem.setText("")
        return True

    def is_valid(self) -> bool:
        return self._check()

    def save(self) -> None:
        self.settings.set("alerts.lead_times_hours", parse_lead_times(self.lead_times.text()))
