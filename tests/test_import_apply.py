"""Import writes: re-importing updates and never duplicates, empty cells keep what is known,
the rep's note survives, one audit entry and one batch per import, cancel stores nothing,
and the v2 database migrates forward to the import-batch table keeping its data."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from app.db import close_database, open_database
from app.importers import samples as s
from app.importers.preview import build_preview
from app.importers.problems import ImportCancelled
from app.models import AuditEntry, Order, OrderItem
from app.models.imports import ImportBatch
from app.services.commerce.order_imports import apply_preview, import_orders
from app.services.commerce.orders import update_order
from tests.factories import make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def ae(db):
    return make_shop("ae", "aliexpress")


def test_reimport_updates_and_never_duplicates(ae, tmp_path):
    first = s.write_xlsx(tmp_path / "a.xlsx", s.AE_CLASSIC,
                         [s.ae_classic_row("1"), s.ae_classic_row("2")])
    result = import_orders(first, "ae")
    assert (result.added, result.updated, result.skipped) == (2, 0, 0)
    update_order(Order.get(Order.order_no == "1"), note="buyer prefers e-mail")
    again = import_orders(first, "ae")
    assert (again.added, again.updated, again.skipped) == (0, 0, 2)
    assert len(build_preview(first, "ae").previous) == 2
    later = s.write_xlsx(tmp_path / "b.xlsx", s.AE_CLASSIC, [
        s.ae_classic_row("1", 订单状态="已完成", 确认收货时间="2026-03-25 09:00:00",
                         订单备注="platform note",
                         **{"产品信息\n（双击单元格展开所有产品信息！）": "【1】Summer dress (数量:1)"}),
        s.ae_classic_row("2", 发货时间=""),
        s.ae_classic_row("3")])
    preview = build_preview(later, "ae")
    steps = {st.order_no: st for st in preview.plan.steps}
    assert steps["1"].action == "update" and "status" in steps["1"].changed
    assert "items" in steps["1"].changed and "note" not in steps["1"].changed
    assert steps["2"].action == "skip"          # an empty cell keeps the known shipping time
    assert steps["3"].action == "add"
    result = apply_preview(preview)
    assert (result.added, result.updated, result.skipped) == (1, 1, 1)
    assert Order.select().count() == 3
    one = Order.get(Order.order_no == "1")
    assert one.status == "completed" and one.note == "buyer prefers e-mail"
    assert [(i.title, i.quantity) for i in one.items] == [("Summer dress", 1)]
    assert Order.get(Order.order_no == "2").shipped_at is not None
    assert ImportBatch.select().count() == 3
    entries = AuditEntry.select().where(AuditEntry.entity == "import")
    assert entries.count() == 3 and entries.order_by(AuditEntry.id.desc()).first().detail[
        "added"] == 1


def test_cancel_stores_nothing(ae, tmp_path):
    path = s.write_xlsx(tmp_path / "a.xlsx", s.AE_CLASSIC,
                        [s.ae_classic_row(str(n)) for n in range(1, 50)])
    preview = build_preview(path, "ae")
    cancel = threading.Event()
    seen = []

    def progress(done, total):
        seen.append(done)
        cancel.set()

    with pytest.raises(ImportCancelled):
        apply_preview(preview, progress=progress, cancel=cancel, )
    assert seen and Order.select().count() == 0 and OrderItem.select().count() == 0
    assert ImportBatch.select().count() == 0


def test_v2_database_with_data_migrates_to_import_batches(tmp_path):
    """A database at schema 2 (before this feature) keeps its orders and gains import_batch."""
    import peewee

    from app import migrations
    path = tmp_path / "old.db"
    old = peewee.SqliteDatabase(str(path))
    migrations.current_version(old)
    for migration in migrations.MIGRATIONS:
        if migration.VERSION <= 2:
            migration.apply(old)
            old.execute_sql('INSERT INTO "schema_version" VALUES (?, ?, ?)',
                            (migration.VERSION, migration.DESCRIPTION, "2026-01-01T00:00:00Z"))
    old.execute_sql('INSERT INTO "shop" VALUES (1, \'ae\', \'aliexpress\', \'Shop\', '
                    '\'America/Los_Angeles\', \'USD\', \'2026-01-01 00:00:00\')')
    old.execute_sql('INSERT INTO "orders" ("shop_id", "order_no", "status", "platform_status", '
                    '"currency", "goods_amount", "shipping_amount", "total_amount", '
                    '"paid_amount", "is_virtual", "created_at", "carrier", "tracking_no", '
                    '"destination_country", "confirm_extension_days", "note") VALUES (1, '
                    '\'7\', \'shipped\', \'\', \'USD\', 100, 0, 100, 100, 0, '
                    '\'2026-03-01 18:15:00\', \'\', \'\', \'\', 0, \'kept\')')
    old.close()
    open_database(path)
    try:
        assert migrations.current_version(Order._meta.database) == migrations.LATEST
        kept = Order.get()
        assert kept.order_no == "7" and kept.note == "kept" and ImportBatch.select().count() == 0
        again = import_orders(s.write_xlsx(tmp_path / "a.xlsx", s.AE_CLASSIC,
                                           [s.ae_classic_row("7")]), "ae")
        assert again.updated == 1 and Order.get().note == "kept"
        assert ImportBatch.select().count() == 1 and Order.select().count() == 1
    finally:
        close_database()


def test_an_amount_is_stored_to_the_cent_as_the_money_field_rounds_it():
    """The bulk writer's cents: exact amounts as they are, others half up, too big or a
    float refused (as app.models.fields.to_money does)."""
    from app.importers.plan import cents
    assert cents(Decimal("23.80")) == 2380 and cents(Decimal("23.8")) == 2380
    assert cents(Decimal("1.005")) == 101 and cents(Decimal("-0.50")) == -50
    assert cents(12) == 1200 and cents(Decimal("1E+2")) == 10000
    with pytest.raises(ValueError):
        cents(Decimal("1000000000000.00"))
    with pytest.raises(TypeError):
        cents(1.5)
