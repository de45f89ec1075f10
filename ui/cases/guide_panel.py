"""A guided checklist for a lost parcel or a short shipment (GEN-3): the steps to tick off
while working the case. Each tick is saved at once through app.services.casework.case_checklist
(audited on the case) and comes back with the case: after choosing another case, and after
a restart. The checklist shown is the one the rep last ticked on the case, else the one
that fits its sub-kind or reason; the rep may choose the other one."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.services.casework import case_checklist
from app.services.casework.case_guides import GUIDES
from ui.words.cases import tr
from ui import read_only
from ui.write_op import CASES, run_write
from ui.formatting import local_time_text


class GuidePanel(QGroupBox):
    ticked = Signal(str, str, bool)      # (guide, step, done) once saved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Checklist (GEN-3)"), parent)
        self.ref: str | None = None
        self.ticks: dict[str, dict] = {}     # guide -> {step: case_checklist.Tick}
        self.choice = QComboBox()
        self.choice.addItem(self.tr("— none —"), None)
        for key, guide in GUIDES.items():
            self.choice.addItem(tr(guide.title), key)
        self.progress = QLabel()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.choice)
        self.boxes: list[QCheckBox] = []
        self.layout_.addWidget(self.progress)
        self.read_only_note = read_only.note()     # a viewer's login ticks nothing
        self.layout_.addWidget(self.read_only_note)
        self.choice.currentIndexChanged.connect(self._show)

    def set_case(self, ref: str | None, guide: str | None, checklist=None) -> None:
        """Show `guide` for case `ref` with the ticks read with the case."""
        self.ref = ref
        self.ticks = {g: dict(steps) for g, steps in (checklist.ticks if checklist else {}).items()}
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(max(0, self.choice.findData(guide)))
        self.choice.blockSignals(False)
        self._show()

    def set_guide(self, key: str | None) -> None:
        """Choose the checklist shown, as the rep would."""
        self.choice.setCurrentIndex(max(0, self.choice.findData(key)))

    @property
    def guide_key(self) -> str | None:
        return self.choice.currentData()

    def _show(self) -> None:
        for box in self.boxes:
            self.layout_.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        guide = GUIDES.get(self.guide_key)
        done = self.ticks.get(self.guide_key, {})
        for number, step in enumerate(guide.steps if guide else (), start=1):
            box = QCheckBox(self.tr("{0}. {1}").format(number, tr(step.text)))
            box.setStyleSheet("QCheckBox { spacing: 6px; }")
            box.setProperty("step", step.key)
            box.setChecked(step.key in done)
            self._describe(box, done.get(step.key))
            box.toggled.connect(partial(self._toggled, box))
            self.layout_.insertWidget(self.layout_.count() - 2, box)
            self.boxes.append(box)
        read_only.show_role(self.read_only_note, self.boxes)
        self._count()

    def _describe(self, box: QCheckBox, tick) -> None:
        box.setToolTip(self.tr("Ticked by {0} on {1}").format(tick.by, local_time_text(tick.at))
                       if tick is not None else "")

    def _toggled(self, box: QCheckBox, checked: bool) -> None:
        guide, step = self.guide_key, box.property("step")
        if self.ref is not None and guide is not None:
            def untick(_error) -> None:
                box.blockSignals(True)
                box.setChecked(not checked)
                box.blockSignals(False)
            # The case's list shows no ticks: the case view is not read again for one.
            if not run_write(self, partial(case_checklist.set_tick, self.ref, guide, step,
                                           checked), changes=[CASES], on_failed=untick):
                return
            steps = self.ticks.setdefault(guide, {})
            if checked:
                steps[step] = case_checklist.checklist(self.ref).ticks.get(guide, {}).get(step)
            else:
                steps.pop(step, None)
            self._describe(box, steps.get(step))
            self.ticked.emit(guide, step, checked)
        self._count()

    def _count(self) -> None:
        done = sum(b.isChecked() for b in self.boxes)
        self.progress.setText(self.tr("{0} of {1} done").format(done, len(self.boxes))
                              if self.boxes else "")
