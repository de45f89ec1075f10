"""Screenshots of the request form, a dispute's case view and the queue for docs/cases.md.

    python scripts/screenshots_cases.py --out docs/screenshots

Builds a demo database in a temporary folder, adds one overdue dispute and two cases due
within a day (so the queue shows its red and amber rows), and saves request-form-error.png,
dispute-case.png and queue.png.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_kit import settle  # noqa: E402


def add_urgent_cases() -> None:
    """An overdue dispute (AE-3 missed, nothing recorded since), one due in a few hours and
    a Taobao request whose seller time (TB-3) ends within the day."""
    from app.clock import utcnow
    from app.models import AftersalesRequest, Dispute, Order, Shop
    from app.services.casework import aftersales, disputes
    now = utcnow()
    ae = Shop.get(Shop.platform == "aliexpress")
    free = (Order.select().where((Order.shop == ae) & (Order.status == "shipped")
                                 & Order.id.not_in(Dispute.select(Dispute.order)))
            .order_by(Order.id).limit(2))
    for order, age in zip(free, (timedelta(days=5, hours=3), timedelta(days=4, hours=20))):
        disputes.open_dispute(order, "not_received", "lost", "Package lost", "refund",
                              order.paid_amount, now - age, actor="demo")
    tb = Shop.get(Shop.platform == "taobao")
    order = (Order.select().where((Order.shop == tb) & (Order.status == "completed")
                                  & (Order.completed_at > now - timedelta(days=10))
                                  & Order.id.not_in(AftersalesRequest.select(
                                      AftersalesRequest.order))).first())
    aftersales.open_request(order, "refund_only", "short_quantity", order.paid_amount / 2,
                            now - timedelta(days=4, hours=18), actor="demo")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    from app.clock import utcnow
    from app.db import close_database, open_database
    from app.demo import load_demo
    open_database(folder / "demo.db")
    load_demo()
    add_urgent_cases()
    close_database()

    from app.settings import Settings
    from ui.main import application, open_window
    app = application(sys.argv[:1])
    settings = Settings(folder / "settings.json")
    settings.set("monitor.apply_platform_rules", False)   # keep the overdue case overdue
    window = open_window(app, folder / "demo.db", settings)
    window.resize(1600, 1000)
    window.banner.dismiss()
    window.show_page("cases")
    settle(app, 1500)
    page = window.pages["cases"]
    page.open_only.setChecked(True)
    settle(app, 1500)
    page.case_view.show_case(page.model.case_row(0).id)   # shown, not selected: red stays
    settle(app, 1500)
    window.banner.dismiss()
    window.grab().save(str(out / "queue.png"))

    from app.models import DisputeProposal
    from app.services.casework.case_ids import case_id
    from peewee import fn

    from app.models import Dispute
    three = (Dispute.select().join(DisputeProposal).group_by(Dispute.id)
             .having(fn.COUNT(DisputeProposal.id) == 3)
             .order_by(Dispute.state.in_(("resolved", "cancelled")), Dispute.id.desc()).first())
    page.open_only.setChecked(False)
    settle(app, 1200)
    page.open_case(case_id(three))
    settle(app, 1500)
    page.splitter.setSizes([170, 830])
    settle(app, 400)
    window.banner.dismiss()
    window.grab().save(str(out / "dispute-case.png"))

    from app.models import AftersalesRequest, Order, Shop
    tb = Shop.get(Shop.platform == "taobao")
    late = (Order.select().where((Order.shop == tb) & (Order.status == "completed")
                                 & (Order.completed_at < utcnow() - timedelta(days=16))
                                 & Order.id.not_in(AftersalesRequest.select(
                                     AftersalesRequest.order))).first())
    form = page.new_request()
    form.order_no.setText(late.order_no)
    form.load_order()
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    form.amount.setText(str(late.paid_amount))
    form.description.setPlainText("杯子把手断了，附照片。The cup's handle was broken on arrival.")
    photo = folder / "broken-handle.png"
    from PySide6.QtGui import QColor, QImage
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#d0a070"))
    image.save(str(photo))
    form.add_path(str(photo))
    form.submit()
    settle(app, 600)
    form.grab().save(str(out / "request-form-error.png"))
    form.reject()
    window.close()
    print(out / "queue.png", out / "dispute-case.png", out / "request-form-error.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
