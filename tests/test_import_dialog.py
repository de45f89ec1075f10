"""The import dialog: preview with add/update/skip counts and every problem, import with
progress, cancel that stores nothing — all through ui.worker."""

from __future__ import annotations

import threading

import pytest

from app.importers import samples as s
from app.models import Order
from tests.factories import make_shop
from ui.import_dialog import dialog as dialog_module
from ui.import_dialog.dialog import ImportDialog
from ui.import_dialog.problem_table_model import ProblemTableModel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def dialog(qtbot, db):
    make_shop("ae", "aliexpress")
    dlg = ImportDialog()
    qtbot.addWidget(dlg)
    return dlg


def preview(qtbot, dlg, path):
    dlg.file_edit.setText(str(path))
    with qtbot.waitSignal(dlg.previewed, timeout=10_000):
        dlg.preview_button.click()


def test_preview_then_import(qtbot, dialog, tmp_path):
    path = s.write_xlsx(tmp_path / "a.xlsx", s.AE_CLASSIC,
                        [s.ae_classic_row("1"), s.ae_classic_row("2", 收货国家="Atlantis")])
    preview(qtbot, dialog, path)
    assert "2 to add · 0 to update · 0 unchanged · 0 error(s) · 1 warning(s)" == \
        dialog.counts.text()
    assert dialog.problems.index(0, 2).data() == "收货国家 (O)"
    assert dialog.import_button.isEnabled() and Order.select().count() == 0
    with qtbot.waitSignal(dialog.finished_import, timeout=10_000) as done:
        dialog.import_button.click()
    assert done.args == ["done"] and Order.select().count() == 2
    assert dialog.counts.text().startswith("Imported: 2 added")


def test_errors_block_the_import_and_name_row_and_column(qtbot, dialog, tmp_path):
    path = s.write_xlsx(tmp_path / "bad.xlsx", s.AE_CLASSIC,
                        [s.ae_classic_row("1", 订单金额="US $-3.00")])
    preview(qtbot, dialog, path)
    assert not dialog.import_button.isEnabled()
    row = [dialog.problems.index(0, c).data() for c in range(4)]
    assert row[:3] == ["Error", "2", "订单金额 (I)"] and "negative" in row[3]


def test_cancel_stores_nothing(qtbot, dialog, tmp_path, monkeypatch):
    real = dialog_module._apply
    started = threading.Event()

    def slow_apply(preview, progress, cancel):
        started.set()
        assert cancel.wait(10)            # the rep presses Cancel while it runs
        return real(preview, progress, cancel)

    monkeypatch.setattr(dialog_module, "_apply", slow_apply)
    path = s.write_xlsx(tmp_path / "a.xlsx", s.AE_CLASSIC, [s.ae_classic_row("1")])
    preview(qtbot, dialog, path)
    with qtbot.waitSignal(dialog.finished_import, timeout=10_000) as done:
        dialog.import_button.click()
        assert dialog.progress.isVisible() or not dialog.isVisible()
        qtbot.waitUntil(started.is_set)
        dialog.cancel_button.click()
    assert done.args == ["cancelled"] and Order.select().count() == 0
    assert "nothing was imported" in dialog.summary.text()


def test_problem_model_passes_the_model_tester(qtmodeltester, db, tmp_path):
    from app.importers.preview import build_preview
    make_shop("ae", "aliexpress")
    path = s.write_xlsx(tmp_path / "x.xlsx", s.AE_CLASSIC,
                        [s.ae_classic_row("1", 下单时间="soon"), s.ae_classic_row("2")])
    model = ProblemTableModel()
    model.set_problems(build_preview(path, "ae").problems)
    qtmodeltester.check(model)
