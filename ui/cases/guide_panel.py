"""A guided checklist for a lost parcel or a short shipment (GEN-3): the steps to tick off
while working the case. The ticks are the rep's working aid for this sitting; they are not
stored (the case's events and the evidence pack are the record)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.services.case_guides import GUIDES


class GuidePanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Checklist (GEN-3)"), parent)
        self.choice = QComboBox()
        self.choice.addItem(self.tr("— none —"), None)
        for key, guide in GUIDES.items():
            self.choice.addItem(self.tr(guide.title), key)
        self.progress = QLabel()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.choice)
        self.boxes: list[QCheckBox] = []
        self.layout_.addWidget(self.progress)
        self.choice.currentIndexChanged.connect(self._show)

    def set_guide(self, key: str | None) -> None:
        index = self.choice.findData(key)
        self.choice.setCurrentIndex(max(0, index))
        self._show()

    def _show(self) -> None:
        for box in self.boxes:
            self.layout_.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        guide = GUIDES.get(self.choice.currentData())
        for number, step in enumerate(guide.steps if guide else (), start=1):
            box = QCheckBox(f"{number}. {self.tr(step)}")
            box.setStyleSheet("QCheckBox { spacing: 6px; }")
            box.toggled.connect(self._count)
            self.layout_.insertWidget(self.layout_.count() - 1, box)
            self.boxes.append(box)
        self._count()

    def _count(self) -> None:
        done = sum(b.isChecked() for b in self.boxes)
        self.progress.setText(self.tr("{0} of {1} done").format(done, len(self.boxes))
                              if self.boxes else "")
