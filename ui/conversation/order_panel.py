"""Beside the thread: the order (items, amounts, status, carrier, tracking, promised
delivery), its requests and disputes, and the buyer's other orders, with the actions a
rep takes from there (AE-13: a conversation can be started from an order or a dispute)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from app.services.thread import OrderView, SidePanel
from ui.formatting import local_time_text
from ui.labels import ORDER_STATES, word

ORDER_ROLE = Qt.ItemDataRole.UserRole


def _money(amount, currency) -> str:
    return "" if amount is None else f"{amount} {currency}"


def order_html(o: OrderView) -> str:
    rows = [("Order", o.order_no), ("Status", word(ORDER_STATES, o.status)),
            ("Paid", _money(o.paid_amount, o.currency)),
            ("Ordered", local_time_text(o.created_at)),
            ("Shipped", local_time_text(o.shipped_at)),
            ("Carrier", o.carrier), ("Tracking no.", o.tracking_no)]
    if o.promised_by is not None:
        rows.append(("Promised by", f"{local_time_text(o.promised_by)} ({o.promised_days} d)"))
    table = "".join(f"<tr><td style='color:#5f6368; padding-right:8px'>{k}</td>"
                    f"<td>{html.escape(str(v or '—'))}</td></tr>" for k, v in rows)
    out = [f"<table>{table}</table>"]
    if o.items:
        out.append("<p><b>Items</b></p><ul style='margin-left:-20px'>")
        out.extend(f"<li>{q} × {html.escape(t)}{(' · ' + html.escape(a)) if a else ''} "
                   f"({_money(p, o.currency)})</li>" for t, a, q, p in o.items)
        out.append("</ul>")
    if o.tracking:
        out.append("<p><b>Tracking</b></p>")
        out.extend(f"<div style='font-size:small'>{local_time_text(at)} · "
                   f"{html.escape(loc)} {html.escape(desc)}</div>"
                   for at, loc, desc in o.tracking[:8])
    if o.cases:
        out.append("<p><b>Requests and disputes</b></p>")
        out.extend(f"<div>{c.ref} · {html.escape(c.kind.replace('_', ' '))} · "
                   f"{html.escape(c.state.replace('_', ' '))}"
                   f"{' · open' if c.is_open else ''}</div>" for c in o.cases)
    return "".join(out)


class OrderPanel(QScrollArea):
    write_about_order = Signal(int)      # order id: start or open its conversation
    open_case = Signal(str)              # "D-3" / "A-7"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setMinimumWidth(200)
        inner = QWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_button = QPushButton(self.tr("Open case"))
        self.case_button.clicked.connect(self._open_case)
        self.others_title = QLabel(self.tr("<b>The buyer's other orders</b>"))
        self.others = QListWidget()
        self.others.setMaximumHeight(180)
        self.others.setWordWrap(True)
        self.others.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.write_button = QPushButton(self.tr("Write about this order"))
        self.write_button.clicked.connect(self._write)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.case_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.others_title)
        layout.addWidget(self.others)
        layout.addWidget(self.write_button)
        layout.addStretch(1)
        self.setWidget(inner)
        self.panel: SidePanel | None = None
        self.show_panel(None)

    def show_panel(self, panel: SidePanel | None) -> None:
        self.panel = panel
        order = panel.order if panel else None
        if panel is None:
            self.summary.setText(self.tr("Choose a conversation."))
        elif order is None:
            self.summary.setText(self.tr("This conversation is not about an order."))
        else:
            self.summary.setText(order_html(order))
        cases = order.cases if order else ()
        self.case_button.setVisible(bool(cases))
        self.others.clear()
        for other in (panel.other_orders if panel else ()):
            state = word(ORDER_STATES, other.status)
            flag = " · case" if any(c.is_open for c in other.cases) else ""
            item = QListWidgetItem(f"{other.order_no}\n{state} · "
                                   f"{_money(other.paid_amount, other.currency)}{flag}")
            item.setData(ORDER_ROLE, other.id)
            self.others.addItem(item)
        has_others = bool(panel and panel.other_orders)
        self.others_title.setVisible(has_others)
        self.others.setVisible(has_others)
        self.write_button.setVisible(has_others)

    def _open_case(self) -> None:
        if self.panel and self.panel.order and self.panel.order.cases:
            open_cases = [c for c in self.panel.order.cases if c.is_open] or \
                list(self.panel.order.cases)
            self.open_case.emit(open_cases[0].ref)

    def _write(self) -> None:
        item = self.others.currentItem() or (self.others.item(0) if self.others.count() else None)
        if item is not None:
            self.write_about_order.emit(item.data(ORDER_ROLE))
