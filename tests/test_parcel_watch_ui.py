"""The parcel-watch page (AE-11): the advice shown, one click records the extension."""

from datetime import timedelta

from PySide6.QtCore import Qt

from app.clock import utcnow
from app.models import Order
from app.services.commerce.parcel_watch import parcels_near_window
from tests.factories import make_buyer, make_order, make_shop
from ui.pages.parcel_watch_page import ParcelWatchPage
from ui.table_models.parcel_table_model import ParcelTableModel


def make_near(db_unused=None):
    shop = make_shop("ae", "aliexpress")
    buyer = make_buyer(shop, "joao", country="BR")
    return make_order(shop, "8000000000000009", buyer=buyer, destination_country="BR",
                      promised_days=90, shipped_at=utcnow() - timedelta(days=87))


def test_extension_recorded_in_one_click_leaves_the_list(qtbot, db):
    order = make_near()
    page = ParcelWatchPage()
    qtbot.addWidget(page)
    page.show()                 # a rep clicks what is on screen
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    advice = page.model.column_number("advice")
    assert page.model.data(page.model.index(0, advice)) == "Extend by 30 days"
    qtbot.mouseClick(page.extend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.is_loading)
    assert Order.get_by_id(order.id).confirm_extension_days == 30


def test_parcel_model_passes_qt_checks(qtmodeltester, db):
    make_near()
    model = ParcelTableModel()
    model.set_rows(parcels_near_window())
    qtmodeltester.check(model)
