"""One dispute or after-sales request: header and outcome, next deadline counting down,
the proposals side by side (AE-9), the step buttons from the state machine, the timeline,
the cause (GEN-1), the order with the way to the buyer's conversation, the refund-or-resend
advisor (GEN-2) and the checklist (GEN-3).

The case is read on a pool thread (app.platforms.decisions.case_detail: the service's
case_detail with what can go to the shop's connected platform and the decisions sent); a
QTimer then only rewrites the countdown texts, without reading the database. A decision
sent to the platform shows under the steps with its state (queued, sending, sent, or not
sent with the platform's words and code).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import shiboken6

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.clock import utcnow
from app.services.casework import case_actions
from app.services.common import change_notice
from app.services.common.background import run_read
from app.services.common.reps import may_write
from app.services.casework.case_steps import LATER as LATER_STEP
from app.services.casework.case_steps import NOW as NOW_STEP
from app.services.casework.case_steps import OVER as OVER_STEP
from app.platforms.decisions import case_detail, needs_code
from app.services.casework.case_view import deadline_for_view
from ui.cases.action_dialog import ActionDialog
from ui.cases.advisor_panel import AdvisorPanel
from ui.cases.case_parts import OVERDUE, SOON, DeadlinesTable, ProposalsRow, TimelineTable
from ui.cases.guide_panel import GuidePanel
from ui.cases.sent_decisions import SentDecisions
from ui.words.cases import (ACTIONS, CAUSE_HINTS, CAUSES, KINDS, OUTCOMES, REQUEST_OUTCOMES,
                            SELLER_ACTIONS, STATES, SUB_KINDS, deadline_words, reason_words,
                            w, window_words)
from ui.errors import report_exception
from ui.formatting import countdown_text, local_time_text
from ui.words.channel_problems import problem_words
from ui.words.vocabulary import CHANNELS, ORDER_STATES, OUTBOX_STATES, word
from ui.worker import run_in_background
from ui.tones import style_text
from ui.write_op import CASES, run_write

TICK_MS = 10_000


class CaseView(QScrollArea):
    loaded = Signal(str)                 # the case id shown
    open_conversation = Signal(int, int)  # (conversation id, order id)
    write_to_buyer = Signal(int)         # order id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.detail = None
        self.ref: str | None = None
        self.dialog: ActionDialog | None = None
        self._generation = 0
        inner = QWidget()
        self.setWidget(inner)
        self.title = QLabel(self.tr("Choose a case in the list."))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.next_due = QLabel()
        big = self.next_due.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        big.setBold(True)
        self.next_due.setFont(big)
        self.window_text = QLabel()
        self.window_text.setWordWrap(True)
        self.deadlines = DeadlinesTable()
        self.proposals = ProposalsRow()
        self.actions_box = QGroupBox(self.tr("Record a step"))
        self.actions_grid = QGridLayout(self.actions_box)
        self.action_buttons: dict[str, QPushButton] = {}
        self.sent_text = SentDecisions()     # the decisions sent to the platform
        self.sent_text.code_asked.connect(self._open_for_code)
        self.timeline = TimelineTable()
        self.timeline.setMinimumHeight(160)

        self.order_box = QGroupBox(self.tr("Order and buyer"))
        self.order_form = QFormLayout(self.order_box)
        self.order_text = QLabel()
        self.order_text.setWordWrap(True)
        self.order_form.addRow(self.order_text)
        self.links = QVBoxLayout()
        self.order_form.addRow(self.links)
        self.cause = QComboBox()
        for code in CAUSES:
            self.cause.addItem(w(CAUSES, code), code)
        self.cause_hint = QLabel()
        self.cause_hint.setWordWrap(True)
        style_text(self.cause_hint, "muted")
        cause_box = QGroupBox(self.tr("Cause (GEN-1)"))
        cause_layout = QVBoxLayout(cause_box)
        cause_layout.addWidget(self.cause)
        cause_layout.addWidget(self.cause_hint)
        self.advisor = AdvisorPanel()
        self.guide = GuidePanel()

        left = QVBoxLayout()
        for widget in (self.title, self.subtitle, self.outcome, self.next_due, self.window_text,
                       self.deadlines, self.proposals, self.actions_box, self.sent_text):
            left.addWidget(widget)
        self.timeline_title = QLabel(self.tr("<b>Timeline</b>"))
        left.addWidget(self.timeline_title)
        left.addWidget(self.timeline, 1)
        right = QVBoxLayout()
        for widget in (self.order_box, cause_box, self.advisor, self.guide):
            right.addWidget(widget)
        right.addStretch(1)
        columns = QHBoxLayout(inner)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.body_parts = (self.deadlines, self.proposals, self.actions_box, self.sent_text,
                           self.timeline,
                           self.timeline_title,
                           self.order_box, cause_box, self.advisor, self.guide)
        for part in self.body_parts:
            part.setVisible(False)
        self.cause.activated.connect(self._cause_chosen)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        change_notice.subscribe(self._heard)

    def _heard(self, change) -> None:
        """A write announced a change of the case shown: show it as it is now."""
        if shiboken6.isValid(self) and self.ref is not None and self.ref in change.refs:
            self.reload()

    # --- loading -----------------------------------------------------------------------
    def show_case(self, ref: str | None) -> None:
        self.ref = ref
        self._generation += 1
        if ref is None:
            self.detail = None
            self.title.setText(self.tr("Choose a case in the list."))
            for part in self.body_parts:
                part.setVisible(False)
            return
        at = utcnow()
        run_in_background(partial(run_read, case_detail, ref, at),
                          on_result=partial(self._loaded, self._generation),
                          on_error=partial(self._failed, self._generation), context=self)

    def reload(self) -> None:
        self.show_case(self.ref)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            report_exception(error, self)

    def _loaded(self, generation: int, detail) -> None:
        if generation != self._generation:
            return
        self.detail = d = detail
        kind = w(KINDS, d.kind) + (f" · {w(SUB_KINDS, d.sub_kind)}" if d.sub_kind else "")
        what = self.tr("Dispute") if d.type == "dispute" else self.tr("After-sales request")
        self.title.setText(self.tr("{0} · {1} · {2}").format(d.ref, what, w(STATES, d.state)))
        lines = [self.tr("{0} · shop {1} · order {2} · opened {3}").format(
            kind, d.shop, d.order_no, local_time_text(d.opened_at))]
        reason = reason_words(d.reason_code) if d.reason_code else d.reason
        if d.reason_text:
            reason = self.tr("{0} — {1}").format(reason, d.reason_text)
        if d.amount is not None:
            reason = self.tr("{0} · {1} {2}").format(reason, d.amount, d.currency)
        if not d.counts_toward_rate:
            reason += self.tr(" · does not count toward the dispute rate (AE-2)")
        lines.append(reason)
        if d.description:
            lines.append(d.description)
        self.subtitle.setText("\n".join(lines))
        outcome = self.outcome_text(d)
        self.outcome.setText(self.tr("Outcome: {0}").format(outcome) if outcome else "")
        self.window_text.setText(self.tr("Protection window: {0}").format(window_words(d.window))
                                 if d.window is not None else "")
        self.deadlines.show_deadlines(d.deadlines, utcnow())
        self.proposals.show_proposals(d.proposals)
        self.proposals.setVisible(d.type == "dispute")
        self.timeline.show_timeline(d.timeline)
        self._fill_actions(d)
        self._fill_order(d)
        self.cause.setCurrentIndex(max(0, self.cause.findData(d.cause)))
        self.cause_hint.setText(w(CAUSE_HINTS, d.cause))
        profit = d.advisor_profit
        self.advisor.set_inputs(d.product_cost, d.shipping_cost, profit, d.amount)
        self.guide.set_case(d.ref, d.shown_guide, d.checklist)
        for part in self.body_parts:
            if part is not self.proposals:
                part.setVisible(True)
        may = may_write()           # a viewer's login records no step (app/server/roles.py);
        self.actions_box.setVisible(may)            # asked at each reading: a role changed
        self.cause.setEnabled(may)
        self.deadlines.setVisible(bool(d.deadlines))
        self._fill_sent(d)
        self.tick()
        self.timer.start()
        self.loaded.emit(d.ref)

    def outcome_text(self, d) -> str:
        """How the case ended, in the rep's words ("" while it is open)."""
        if d.type == "dispute":
            if not d.resolution:
                return ""
            text = w(OUTCOMES, d.resolution)
            if d.refund is not None:
                text = self.tr("{0}; refund {1} {2}").format(text, d.refund, d.currency)
            return text
        if d.is_open:
            return ""
        text = w(REQUEST_OUTCOMES, d.state)
        if d.refund is not None:
            text = self.tr("{0} ({1} {2})").format(text, d.refund, d.currency)
        return text

    def _fill_actions(self, d) -> None:
        for button in self.action_buttons.values():
            self.actions_grid.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        order = [o.action for o in d.offers]
        offers = sorted(d.offers, key=lambda o: (not o.available, o.action not in SELLER_ACTIONS,
                                                 order.index(o.action)))
        for number, offer in enumerate(offers):
            button = QPushButton(w(ACTIONS, offer.action))
            button.clicked.connect(partial(self.open_action, offer.action))
            self.actions_grid.addWidget(button, number // 3, number % 3)
            self.action_buttons[offer.action] = button
        self._time_actions(d.read_at)

    def _fill_sent(self, d) -> None:
        """Each decision sent to the platform: its step, its state, the platform's words
        when it refused it."""
        lines = []
        for sent in d.sent:
            line = self.tr("{0} → {1}: {2}").format(
                w(ACTIONS, sent.step), self.platform_name(d.send_to),
                word(OUTBOX_STATES, sent.state))
            if sent.state == "failed" and sent.error:
                line = self.tr("{0} — {1}").format(line, problem_words(sent.error))
            code_in = (sent.conversation if sent.state == "failed"
                       and needs_code(sent.error) else None)
            lines.append((line, sent.state == "failed", code_in))
        self.sent_text.show_lines(lines)

    def _open_for_code(self, conversation: int) -> None:
        """A refusal that waits for Taobao's SMS code: the conversation, whose failed
        bubble asks for the code."""
        if self.detail is not None:
            self.open_conversation.emit(conversation, self.detail.order_id)

    def platform_name(self, platform: str) -> str:
        return {"aliexpress": self.tr("AliExpress"), "taobao": self.tr("Taobao")}.get(
            platform, platform)

    def refresh_if_sending(self) -> None:
        """A sync pass went by: a decision still on its way may have gone (or failed)."""
        if self.detail is not None and any(s.state in ("queued", "sending")
                                           for s in self.detail.sent):
            self.reload()

    def _time_actions(self, now) -> None:
        """Enable the steps whose time has come, hide those whose time is over, and say on
        the others from when they become possible (no database read)."""
        d = self.detail
        shown = 0
        for offer in d.offers:
            button = self.action_buttons[offer.action]
            status = offer.status_at(now)
            button.setHidden(status == OVER_STEP)
            button.setEnabled(status == NOW_STEP)
            button.setStyleSheet("font-weight: bold;" if offer.action in SELLER_ACTIONS
                                 and status == NOW_STEP else "")
            button.setToolTip(self.offer_hint(offer, status))
            shown += status != OVER_STEP
        self.actions_box.setTitle(self.tr("Record a step") if shown
                                  else self.tr("Nothing more can be recorded: the case is over"))

    def offer_hint(self, offer, status: str) -> str:
        """The tooltip of a step's button: from when it becomes possible, or until when."""
        rule = f" ({offer.rule})" if offer.rule else ""
        if status == LATER_STEP and offer.opens_at is not None:
            return self.tr("Available from {0}{1}").format(local_time_text(offer.opens_at), rule)
        if status == NOW_STEP and offer.until is not None:
            return self.tr("Possible until {0}{1}").format(local_time_text(offer.until), rule)
        return ""

    def _fill_order(self, d) -> None:
        while self.links.count():
            item = self.links.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        costs = (self.tr("cost {0} + shipping {1}").format(d.product_cost, d.shipping_cost)
                 if d.product_cost is not None else self.tr("costs not recorded"))
        text = self.tr("Order {0} · {1}\npaid {2} {3} · {4}").format(
            d.order_no, word(ORDER_STATES, d.order_status), d.paid_amount, d.currency, costs)
        if d.files:
            text += "\n" + self.tr("Files: {0}").format(self.tr(", ").join(f[0] for f in d.files))
        self.order_text.setText(text)
        for conv in d.conversations:
            button = QPushButton(self.tr("Open conversation ({0})").format(
                word(CHANNELS, conv.channel)))
            button.setToolTip(conv.subject)
            button.clicked.connect(partial(self.open_conversation.emit, conv.id, d.order_id))
            self.links.addWidget(button)
        write = QPushButton(self.tr("Write to the buyer about this order"))
        write.clicked.connect(partial(self.write_to_buyer.emit, d.order_id))
        write.setEnabled(may_write())       # a viewer's login starts no conversation
        self.links.addWidget(write)

    # --- countdown ------------------------------------------------------------------------
    def tick(self) -> None:
        """Move the countdown texts on (no database read)."""
        if self.detail is None:
            return
        now = utcnow()
        self.deadlines.tick(now)
        self._time_actions(now)
        nxt = deadline_for_view(self.detail.deadlines, now)
        if nxt is None or not self.detail.is_open:
            self.next_due.setText("")
            return
        left = nxt.due_at - now
        style_text(self.next_due, OVERDUE if left.total_seconds() < 0 else SOON if left.days < 1 else "text")
        self.next_due.setText(self.tr("Next: {0} — {1} ({2}, {3})").format(
            deadline_words(nxt.label), countdown_text(nxt.due_at, now), nxt.rule, local_time_text(nxt.due_at)))

    # --- steps -----------------------------------------------------------------------------
    def open_action(self, action: str) -> ActionDialog:
        d = self.detail
        self.dialog = ActionDialog(d.ref, action, self, currency=d.currency,
                                   state_text=w(STATES, d.state), version=d.version,
                                   send_to=d.send_to if action in d.sendable else "")
        dialog = self.dialog
        dialog.accepted.connect(lambda: self._written(dialog.version))
        dialog.open()          # its write announces the change: the view reloads
        return self.dialog

    def _cause_chosen(self, _index: int) -> None:
        if self.detail is None:
            return
        cause = self.cause.currentData()
        self.cause_hint.setText(w(CAUSE_HINTS, cause))
        ref = self.detail.ref
        run_write(self, partial(case_actions.set_cause, ref, cause,
                                shown_version=self.detail.version),
                  changes=[CASES], refs=[ref], on_failed=lambda _error: self.reload(),
                  on_done=lambda case: self._written(case.version))

    def _written(self, version: int | None) -> None:
        """This rep's own change went through: the view goes on from the case's new version
        at once (the next step may come before the view has read the case again)."""
        if self.detail is not None and version is not None:
            self.detail = replace(self.detail, version=version)
