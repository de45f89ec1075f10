"""Beside the thread: the order (items, amounts, status, carrier, tracking, promised
delivery), its requests and disputes, and the buyer's other orders, with the actions a
rep takes from there (AE-13: a conversation can be started from an order or a dispute).

From here a rep records what the buyer opened on the platform without leaving the
conversation: a Taobao after-sales request (the request form of the Requests & Disputes
page, which checks the window and the one request per order) or an AliExpress dispute;
each request or dispute of the order has a button that opens it on that page.
"""

from __future__ import annotations

from app.services.common.reps import may_write

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.services.messaging.thread import CaseView, OrderView, SidePanel
from ui.cases.dispute_form import DisputeForm
from ui.cases.request_form import RequestForm
from ui.formatting import local_time_text
from ui.words.vocabulary import ORDER_STATES, word
from ui.tones import redraw_on_theme_change, tone

ORDER_ROLE = Qt.ItemDataRole.UserRole


def _money(amount, currency) -> str:
    return "" if amount is None else f"{amount} {currency}"


def order_html(o: OrderView) -> str:
    translate = QCoreApplication.translate
    rows = [(translate("OrderPanel", "Order"), o.order_no),
            (translate("OrderPanel", "Status"), word(ORDER_STATES, o.status)),
            (translate("OrderPanel", "Paid"), _money(o.paid_amount, o.currency)),
            (translate("OrderPanel", "Ordered"), local_time_text(o.created_at)),
            (translate("OrderPanel", "Shipped"), local_time_text(o.shipped_at)),
            (translate("OrderPanel", "Carrier"), o.carrier),
            (translate("OrderPanel", "Tracking no."), o.tracking_no)]
    if o.promised_by is not None:
        rows.append((translate("OrderPanel", "Promised by"),
                     f"{local_time_text(o.promised_by)} ({o.promised_days} d)"))
    muted = tone("muted")
    table = "".join(f"<tr><td style='color:{muted}; padding-right:8px'>{k}</td>"
                    f"<td>{html.escape(str(v or '—'))}</td></tr>" for k, v in rows)
    out = [f"<table>{table}</table>"]
    if o.items:
        title = translate("OrderPanel", "Items")
        out.append(f"<p><b>{title}</b></p><ul style='margin-left:-20px'>")
        out.extend(f"<li>{q} × {html.escape(title)}{(' · ' + html.escape(a)) if a else ''} "
                   f"({_money(p, o.currency)})</li>" for title, a, q, p in o.items)
        out.append("</ul>")
    if o.tracking:
        title = translate("OrderPanel", "Tracking")
        out.append(f"<p><b>{title}</b></p>")
        out.extend(f"<div style='font-size:small'>{local_time_text(at)} · "
                   f"{html.escape(loc)} {html.escape(desc)}</div>"
                   for at, loc, desc in o.tracking[:8])
    return "".join(out)


def case_text(case: CaseView) -> str:
    """'A-7 · refund only · waiting seller' in the rep's words."""
    state = word({}, case.state)
    text = f"<b>{case.ref}</b> · {html.escape(word({}, case.kind))} · {html.escape(state)}"
    if case.amount is not None:
        text += f" · {case.amount}"
    return text if case.is_open else f"<span style='color:{tone('muted')}'>{text}</span>"


def window_text(entry) -> str:
    """The TB-1 window in the interface language, as the request form words it (the
    case pages' ui.words.cases.window_words, when that version is installed)."""
    from ui.words import cases as words
    wording = getattr(words, "window_words", None)
    if wording is not None and entry.window is not None:
        return wording(entry.window)
    return entry.window_text


class CaseRow(QWidget):
    """One request or dispute of the order, with a button to its page."""

    def __init__(self, case: CaseView, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = case
        self.label = QLabel(case_text(case))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(self.tr("Open ›"))
        self.button.setToolTip(self.tr("Show %s on the Requests & Disputes page") % case.ref)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)


class OrderPanel(QScrollArea):
    write_about_order = Signal(int)      # order id: start or open its conversation
    open_case = Signal(str)              # "D-3" / "A-7"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(200)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cases_title = QLabel(self.tr("<b>Requests and disputes</b>"))
        self.cases_box = QVBoxLayout()
        self.cases_box.setSpacing(4)
        self.case_rows: dict[str, CaseRow] = {}
        self.request_note = QLabel()
        self.request_note.setWordWrap(True)
        self.request_note.setTextFormat(Qt.TextFormat.RichText)
        self.request_button = QPushButton(self.tr("Open after-sales request…"))
        self.request_button.setToolTip(self.tr("Record the request the buyer opened on Taobao "
                                               "(refund only, or return and refund)"))
        self.request_button.clicked.connect(self.open_request_form)
        self.dispute_button = QPushButton(self.tr("Record dispute…"))
        self.dispute_button.setToolTip(self.tr("Record the dispute the buyer opened on "
                                               "AliExpress, with the buyer's proposal"))
        self.dispute_button.clicked.connect(self.open_dispute_form)
        self.others_title = QLabel(self.tr("<b>The buyer's other orders</b>"))
        self.others = QListWidget()
        self.others.setMaximumHeight(180)
        self.others.setWordWrap(True)
        self.others.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.write_button = QPushButton(self.tr("Write about this order"))
        self.write_button.clicked.connect(self._write)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.summary)
        layout.addWidget(self.cases_title)
        layout.addLayout(self.cases_box)
        layout.addWidget(self.request_note)
        for button in (self.request_button, self.dispute_button):
            row = QHBoxLayout()
            row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(line)
        layout.addWidget(self.others_title)
        layout.addWidget(self.others)
        layout.addWidget(self.write_button)
        layout.addStretch(1)
        self.setWidget(inner)
        self.panel: SidePanel | None = None
        self.dialog = None          # the request or dispute form last opened
        self.show_panel(None)
        redraw_on_theme_change(self, "_redraw")

    def _redraw(self) -> None:
        self.show_panel(self.panel)

    def show_panel(self, panel: SidePanel | None) -> None:
        self.panel = panel
        order = panel.order if panel else None
        if panel is None:
            self.summary.setText(self.tr("Choose a conversation."))
        elif order is None:
            self.summary.setText(self.tr("This conversation is not about an order."))
        else:
            self.summary.setText(order_html(order))
        self._show_cases(order.cases if order else ())
        platform = panel.platform if panel else ""
        self.request_button.setVisible(order is not None and platform == "taobao")
        self.dispute_button.setVisible(order is not None and platform == "aliexpress")
        self._show_request_note(panel.request if order is not None else None)
        self.others.clear()
        for other in (panel.other_orders if panel else ()):
            state = word(ORDER_STATES, other.status)
            flag = self.tr(" · case") if any(c.is_open for c in other.cases) else ""
            item = QListWidgetItem(f"{other.order_no}\n{state} · "
                                   f"{_money(other.paid_amount, other.currency)}{flag}")
            item.setData(ORDER_ROLE, other.id)
            self.others.addItem(item)
        has_others = bool(panel and panel.other_orders)
        self.others_title.setVisible(has_others)
        self.others.setVisible(has_others)
        self.write_button.setVisible(has_others)
        may = may_write()           # a viewer's login records no case and starts no conversation
        for button in (self.request_button, self.dispute_button, self.write_button):
            button.setEnabled(may)

    def _show_cases(self, cases) -> None:
        for row in self.case_rows.values():
            self.cases_box.removeWidget(row)
            row.deleteLater()
        self.case_rows = {}
        ordered = sorted(cases, key=lambda c: not c.is_open)      # open ones first
        for case in ordered:
            row = CaseRow(case)
            row.button.clicked.connect(lambda _c=False, ref=case.ref: self.open_case.emit(ref))
            self.cases_box.addWidget(row)
            self.case_rows[case.ref] = row
        self.cases_title.setVisible(bool(cases))

    def _show_request_note(self, entry) -> None:
        """TB-1's window and TB-2's one request, so the rep knows before opening the form."""
        if entry is None:
            self.request_note.hide()
            return
        colour = tone("ok" if entry.window_open else "error")
        lines = [f"<span style='color:{colour}'>{html.escape(window_text(entry))}</span>"]
        if entry.earlier_ref:
            lines.append(f"<span style='color:{tone('warning')}'>" + html.escape(
                self.tr("This order already had its one after-sales request: {0} ({1}).")
                .format(entry.earlier_ref, entry.once_rule)) + "</span>")
        self.request_note.setText("<br>".join(lines))
        self.request_note.show()

    # --- recording what the buyer opened ---------------------------------------------------
    def open_request_form(self):
        """The request form of the Requests & Disputes page, on this order (Taobao)."""
        if not self._has_order():
            return None
        return self._open(RequestForm(self, shop=self.panel.shop,
                                      order_no=self.panel.order.order_no))

    def open_dispute_form(self):
        """The dispute form, on this order (AliExpress)."""
        if not self._has_order():
            return None
        return self._open(DisputeForm(self, shop=self.panel.shop,
                                      order_no=self.panel.order.order_no))

    def _has_order(self) -> bool:
        return self.panel is not None and self.panel.order is not None

    def _open(self, form):
        self.dialog = form          # its write announces the new case: list and thread reload
        form.open()
        return form

    def _write(self) -> None:
        item = self.others.currentItem() or (self.others.item(0) if self.others.count() else None)
        if item is not None:
            self.write_about_order.emit(item.data(ORDER_ROLE))
