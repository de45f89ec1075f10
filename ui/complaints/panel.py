"""One complaint case: the buyer's words, the platform's window, the seven-step checklist,
the compensation offered and its cost, follow-ups and closing with an outcome."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.services.aftercare import complaints as svc
from app.services.common.background import run_read
from app.services.aftercare.complaint_queries import complaint_detail
from ui.complaints.checklist import StepChecklist
from ui.words.complaints import KINDS, OUTCOMES, STATES, say
from ui.formatting import local_time_text
from ui.goto import conversation_about_order
from ui.worker import run_in_background
from ui import read_only
from ui.write_op import COMPLAINTS, run_write


class ComplaintPanel(QWidget):

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.detail = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setAutoFillBackground(True)
        self.words.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.words.setMargin(6)
        self.window_line = QLabel()
        self.checklist = StepChecklist()
        self.checklist.done_clicked.connect(self._done)
        self.checklist.skip_clicked.connect(self._skip)

        money = QGroupBox(self.tr("Compensation"))
        self.offer = QLineEdit()
        self.offer.setPlaceholderText(self.tr("What is offered: partial refund, coupon, resend…"))
        self.amount = QLineEdit()
        self.cost = QLineEdit()
        self.suggest = QPushButton()
        self.suggest.clicked.connect(self._use_suggestion)
        self.save_offer = QPushButton(self.tr("Record offer"))
        self.save_offer.clicked.connect(self._offer)
        amounts = QHBoxLayout()
        amounts.addWidget(QLabel(self.tr("Buyer gets")))
        amounts.addWidget(self.amount)
        amounts.addWidget(QLabel(self.tr("Costs the shop")))
        amounts.addWidget(self.cost)
        amounts.addWidget(self.suggest)
        amounts.addWidget(self.save_offer)
        form = QFormLayout(money)
        form.addRow(self.tr("Offer"), self.offer)
        form.addRow(amounts)
        form.addRow(QLabel(self.tr("Never trade compensation for a changed review.")))

        self.contact = QPushButton(self.tr("Record follow-up…"))
        self.contact.clicked.connect(self._contact)
        self.write_button = QPushButton(self.tr("Contact the buyer"))
        self.write_button.setToolTip(self.tr("Open the conversation with the buyer about "
                                             "this order (started if there is none)"))
        self.write_button.clicked.connect(self._write_to_buyer)
        self.outcome = QComboBox()
        for key in OUTCOMES:
            self.outcome.addItem(say(OUTCOMES, key), key)
        self.close_button = QPushButton(self.tr("Close case…"))
        self.close_button.clicked.connect(self._close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.write_button)
        bottom.addWidget(self.contact)
        bottom.addStretch(1)
        bottom.addWidget(QLabel(self.tr("Outcome")))
        bottom.addWidget(self.outcome)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        self.read_only_note = read_only.note()     # a viewer's login records no step
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.words)
        layout.addWidget(self.window_line)
        layout.addWidget(self.checklist)
        layout.addWidget(money)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.setEnabled(False)

    # --- reading -------------------------------------------------------------------------
    def load(self, complaint_id: int | None) -> None:
        if complaint_id is None:
            self.detail = None
            self.heading.setText(self.tr("Select a complaint"))
            self.setEnabled(False)
            return
        run_in_background(partial(run_read, complaint_detail, complaint_id),
                          on_result=self.show_detail, context=self)

    def show_detail(self, d) -> None:
        self.detail = d
        r = d.row
        is_open = r.state == "open"
        self.setEnabled(True)
        parts = [r.id, say(KINDS, r.kind), r.shop]
        parts += [p for p in (r.order_no, r.buyer) if p]
        parts.append(say(STATES, r.state) + (f": {say(OUTCOMES, r.outcome)}" if r.outcome
                                             else ""))
        if d.review_rating:
            parts.append("★" * d.review_rating)
        self.heading.setText(" · ".join(parts))
        self.write_button.setEnabled(r.order_id is not None)
        self.words.setText(f"“{r.buyer_words}” — {local_time_text(r.opened_at)}")
        lines = []
        if r.platform_window_end is not None:
            lines.append(self.tr("The buyer may file this complaint with the platform until "
                                 "%1.").replace("%1", local_time_text(r.platform_window_end)))
        if r.next_due_at is not None:
            lines.append(self.tr("Next: %1").replace("%1", local_time_text(r.next_due_at)))
        if d.skip_reason:
            lines.append(self.tr("Closed with steps skipped: %1").replace("%1", d.skip_reason))
        self.window_line.setText("  ".join(lines))
        self.checklist.show_steps(d.steps, is_open)
        self.offer.setText(d.compensation_offer)
        self.amount.setText("" if r.compensation_amount is None else str(r.compensation_amount))
        self.cost.setText("" if r.compensation_cost is None else str(r.compensation_cost))
        self.suggest.setVisible(d.suggested_compensation is not None)
        if d.suggested_compensation is not None:
            self.suggest.setText(self.tr("Late-shipment rule: %1 %2").replace(
                "%1", str(d.suggested_compensation)).replace("%2", r.currency))
        for w in (self.offer, self.amount, self.cost, self.suggest, self.save_offer,
                  self.contact, self.outcome, self.close_button):
            w.setEnabled(is_open)
        if not read_only.show_role(self.read_only_note, ()):
            for w in (self.offer, self.amount, self.cost, self.suggest, self.save_offer,
                      self.contact, self.outcome, self.close_button, self.write_button):
                w.setEnabled(False)
            for row in self.checklist.rows.values():
                for button in row[3:]:
                    button.setEnabled(False)

    # --- writing ---------------------------------------------------------------------------
    def _write(self, fn, *args, **kwargs) -> bool:
        """One write on the complaint shown; the panel shows it again, the pages hear of it
        (ui.write_op)."""
        complaint_id = self.detail.row.complaint_id

        def write():
            return fn(svc.get_complaint(complaint_id), *args, **kwargs)
        return bool(run_write(self, write, changes=[COMPLAINTS], refs=[f"C-{complaint_id}"],
                              on_done=lambda _result: self.load(complaint_id)))

    def _done(self, step: str) -> None:
        self._write(svc.complete_step, step)

    def _skip(self, step: str) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Skip a step"), self.tr("Why is it skipped?"))
        if ok:
            self._write(svc.skip_step, step, reason)

    def _use_suggestion(self) -> None:
        value = str(self.detail.suggested_compensation)
        self.amount.setText(value)
        self.cost.setText(value)
        if not self.offer.text().strip():
            self.offer.setText(self.tr("Late-shipment compensation"))

    def _offer(self) -> None:
        self._write(svc.offer_compensation, self.offer.text(), self.amount.text().strip(),
                    cost=self.cost.text().strip() or None)

    def _write_to_buyer(self) -> None:
        if self.detail is not None and self.detail.row.order_id is not None:
            conversation_about_order(self, self.detail.row.order_id)

    def _contact(self) -> None:
        note, ok = QInputDialog.getText(self, self.tr("Follow-up"), self.tr("What was said?"))
        if ok:
            self._write(svc.record_contact, note)

    def _close(self) -> None:
        left = [s.step for s in self.detail.steps if s.state == "open"]
        reason = ""
        if left:
            reason, ok = QInputDialog.getText(
                self, self.tr("Close with steps not done"),
                self.tr("%1 step(s) not done. Say why they were skipped:").replace(
                    "%1", str(len(left))))
            if not ok:
                return
        self._write(svc.close_complaint, self.outcome.currentData(), skip_reason=reason)
