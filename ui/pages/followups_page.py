"""Buyers who went quiet (rule GEN-7): every conversation awaiting its buyer, with the buyer's
local time, the next follow-up's instant and channel; below, the selected thread with the
buyer's clock and a one-click follow-up through the suggested channel."""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QSplitter, QTextBrowser, QVBoxLayout,
                               QWidget)

from app.clock import utcnow
from app.vocab import REASON_TAGS
from app.vocab import CHANNELS as CHANNEL_CODES
from app.rules.timeconv import COUNTRY_ZONES, to_zone
from app.services.aftercare import followups
from app.services.common.background import run_read
from ui.conversation.buyer_clock import BuyerClock
from ui.formatting import local_time_text
from ui.words.vocabulary import CHANNELS, FOLLOW_UP_REASONS, word
from ui.pages.list_page import ListPage
from ui.table_models.awaiting_table_model import AwaitingTableModel
from ui.tones import redraw_on_theme_change, tone
from ui.worker import run_in_background
from ui import read_only
from ui.write_op import CONVERSATIONS, FOLLOWUPS, POLICY, SHOPS, run_write

TICK_MS = 30_000


def thread_html(lines, buyer: str) -> str:
    parts = []
    shop = QCoreApplication.translate("FollowUpPanel", "Shop")
    text, muted = tone("bubble.text"), tone("bubble.meta")
    for m in lines:
        who = buyer if m.direction == "in" else (m.author or shop)
        colour = tone("bubble.note" if m.is_internal else f"bubble.{m.direction}")
        align = "left" if m.direction == "in" else "right"
        parts.append(
            f'<table width="100%" cellpadding="6"><tr><td align="{align}" '
            f'bgcolor="{colour}" style="color:{text}"><small style="color:{muted}">'
            f'{html.escape(who)} · {word(CHANNELS, m.channel)} · '
            f'{local_time_text(m.sent_at)}</small><br>'
            f'{html.escape(m.body).replace(chr(10), "<br>")}</td></tr></table>')
    return "".join(parts)


class FollowUpPanel(QWidget):
    """The selected conversation: buyer clock, recent messages, the follow-up composer. Its
    writes announce what they change (ui.write_op): the page reads its list again."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = None
        self._shown = None          # the messages on show and the buyer's name
        redraw_on_theme_change(self, "_redraw")
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.clock = BuyerClock()
        self.thread = QTextBrowser()
        self.channel = QComboBox()
        for code in CHANNEL_CODES:
            self.channel.addItem(word(CHANNELS, code), code)
        self.body = QPlainTextEdit()
        self.body.setMaximumHeight(70)
        self.send_button = QPushButton(self.tr("Send follow-up"))
        self.send_button.clicked.connect(self.send)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Reason: not set"), "")
        for tag in REASON_TAGS:
            self.reason.addItem(self.tr("Reason: ") + word(FOLLOW_UP_REASONS, tag), tag)
        self.reason.activated.connect(self._reason_chosen)
        self.stop_button = QPushButton(self.tr("Stop following up…"))
        self.stop_button.clicked.connect(self.stop)
        self.zone_button = QPushButton(self.tr("Buyer's zone…"))
        self.zone_button.setToolTip(self.tr("Set where the buyer lives when it is not the "
                                            "usual zone of their country"))
        self.zone_button.clicked.connect(self.choose_zone)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(16)
        top.addWidget(self.clock, 1)
        top.addWidget(self.zone_button)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("By")))
        actions.addWidget(self.channel)
        actions.addWidget(self.send_button)
        actions.addStretch(1)
        actions.addWidget(self.reason)
        actions.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.thread, 1)
        layout.addWidget(self.hint)
        self.read_only_note = read_only.note()     # a viewer's login sends no follow-up
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.body)
        layout.addLayout(actions)
        self.show_row(None)

    def show_row(self, row) -> None:
        self.row = row
        enabled = row is not None and read_only.show_role(self.read_only_note, ())
        for w in (self.channel, self.body, self.send_button, self.reason, self.stop_button,
                  self.zone_button):
            w.setEnabled(enabled)
        if row is None:
            self.heading.setText(self.tr("Select a conversation"))
            self.clock.set_buyer(None)
            self._shown = None
            self.thread.clear()
            self.hint.setText("")
            self.body.clear()
            return
        self.heading.setText(f"{row.buyer_name or row.buyer} · {row.shop}"
                             + (f" · {row.order_no}" if row.order_no else ""))
        self.clock.set_buyer(row.buyer_zone, country=row.country,
                             day=(row.day_start, row.day_end))
        self._offer_channels(row)
        index = self.channel.findData(row.channel or row.last_channel)
        self.channel.setCurrentIndex(max(index, 0))
        self.reason.setCurrentIndex(max(self.reason.findData(row.reason), 0))
        can_send = row.status in ("due", "waiting") and enabled
        self.send_button.setEnabled(can_send)
        self.body.setEnabled(can_send)
        self.body.setPlainText(followups.suggested_text(row) if can_send else "")
        if row.status == "exhausted":
            self.hint.setText(self.tr("%1 follow-ups went unanswered: stop following up and "
                                      "note it.").replace("%1", str(row.maximum)))
        elif row.status == "stopped":
            self.hint.setText(self.tr("Stopped: %1").replace("%1", row.stop_note))
        else:
            self.hint.setText(self.tr("Follow-up %1 of %2, suggested by %3 at %4 (your time). "
                                      "Keep it short and clear.")
                              .replace("%1", str(row.follow_ups_sent + 1))
                              .replace("%2", str(row.maximum))
                              .replace("%3", word(CHANNELS, row.channel))
                              .replace("%4", local_time_text(row.due_at)))
        cid, buyer = row.conversation_id, row.buyer_name or row.buyer
        run_in_background(partial(run_read, followups.recent_messages, cid),
                          on_result=partial(self._thread_loaded, cid, buyer), context=self)

    def _redraw(self) -> None:
        if self._shown is not None:
            self.thread.setHtml(thread_html(*self._shown))

    def _thread_loaded(self, cid: int, buyer: str, lines) -> None:
        if self.row is None or self.row.conversation_id != cid:
            return
        self._shown = (lines, buyer)
        self.thread.setHtml(thread_html(lines, buyer))
        bar = self.thread.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _offer_channels(self, row) -> None:
        """Only the channels the buyer's platform offers for follow-ups (GEN-7), and the one
        the conversation used last."""
        codes = [c for c in CHANNEL_CODES if c in row.channels or c == row.last_channel]
        self.channel.clear()
        for code in codes or CHANNEL_CODES:
            self.channel.addItem(word(CHANNELS, code), code)

    def send(self) -> None:
        if self.row is None:
            return
        if not self.row.buyer_is_awake(utcnow()) and not self._send_at_night():
            return
        run_write(self, partial(followups.send_suggested, self.row.conversation_id,
                                self.body.toPlainText(), self.channel.currentData()),
                  changes=[FOLLOWUPS, CONVERSATIONS])

    def _send_at_night(self) -> bool:
        """GEN-7 times follow-ups inside the buyer's daytime: outside it, ask first."""
        answer = QMessageBox.question(
            self, self.tr("Night for the buyer"),
            self.tr("It is %1 for the buyer now, outside their daytime (%2–%3). Send anyway?")
            .replace("%1", to_zone(utcnow(), self.row.buyer_zone).strftime("%H:%M"))
            .replace("%2", self.row.day_start).replace("%3", self.row.day_end),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _reason_chosen(self, index: int) -> None:
        if self.row is None:
            return
        conv_id, reason = self.row.conversation_id, self.reason.itemData(index)
        run_write(self, lambda: followups.set_reason(followups.get_conversation(conv_id), reason),
                  changes=[FOLLOWUPS])

    def choose_zone(self) -> None:
        if self.row is None:
            return
        zones = sorted(set(COUNTRY_ZONES.values()) | {self.row.buyer_zone})
        zone, ok = QInputDialog.getItem(self, self.tr("Buyer's time zone"),
                                        self.tr("Where does the buyer live? (empty: the "
                                                "country's zone)"), zones,
                                        zones.index(self.row.buyer_zone), True)
        if not ok:
            return
        run_write(self, partial(followups.set_buyer_zone, self.row.conversation_id, zone),
                  changes=[FOLLOWUPS])

    def stop(self) -> None:
        if self.row is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Stop following up"),
                                        self.tr("Note why (e.g. no answer to 3 follow-ups):"))
        if not ok:
            return
        conv_id = self.row.conversation_id
        run_write(self, lambda: followups.stop_following_up(followups.get_conversation(conv_id),
                                                            note),
                  changes=[FOLLOWUPS])


class FollowUpsPage(ListPage):
    listens_to = frozenset((FOLLOWUPS, CONVERSATIONS, SHOPS, POLICY))
    def __init__(self, parent: QWidget | None = None):
        super().__init__(AwaitingTableModel(), parent)
        self.title.setText(self.tr("Awaiting buyer"))
        self.empty_text = self.tr("No buyer is waiting to answer you. Conversations whose "
                                  "last message is yours appear here with their follow-ups.")
        self.panel = FollowUpPanel()
        layout = self.layout()
        layout.removeWidget(self.body)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.body)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 390])
        layout.addWidget(splitter, 1)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.splitter = splitter
        self._read_at = utcnow()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.model.set_now(utcnow()))
        self.timer.start()

    def loader(self):
        at = self._read_at = utcnow()
        return lambda: followups.awaiting_buyer(at)

    def apply_rows(self, rows) -> None:
        keep = self.panel.row.conversation_id if self.panel.row else None
        self.model.set_now(self._read_at)
        self.model.set_rows(rows)
        ids = [r.conversation_id for r in rows]
        if keep in ids:
            self.view.selectRow(ids.index(keep))
        elif rows:
            self.view.selectRow(0)
        else:
            self.panel.show_row(None)

    def _selected(self, current, previous) -> None:
        row = self.model.awaiting_row(current.row()) if current.isValid() else None
        self.panel.show_row(row)
