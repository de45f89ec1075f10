"""The evidence builder page driven as a rep would: pick a case, see the checklist, add a
photo, build a ZIP off the window's thread, cancel a build."""

import pytest

from app.db import close_database
from app.evidence.verify import verify_zip
from app.models import Dispute
from app.services.common import change_notice
from tests.evidence_helpers import demo_database, jpeg_bytes

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, tmp_path, tmp_path_factory, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    demo_database(tmp_path, tmp_path_factory)
    from ui.pages.evidence_page import EvidencePage
    widget = EvidencePage()
    qtbot.addWidget(widget)
    widget.resize(1500, 800)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        pass
    yield widget
    from ui.worker import wait_for_background
    wait_for_background()
    close_database()


@pytest.fixture
def heard():
    """The change notices the window's write helper announced."""
    changes = []

    def listener(change):
        changes.append(change)
    change_notice.subscribe(listener)
    yield changes
    change_notice.unsubscribe(listener)


def choose(qtbot, page, ref):
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show_case(ref)
    assert page.ref == ref


def test_checklist_items_and_build(page, qtbot, qtmodeltester, tmp_path, heard):
    dispute = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    choose(qtbot, page, f"D-{dispute.id}")
    assert page.checklist.bar.value() == 0 and "Missing" in page.checklist.missing.text()
    assert "Seller's statement" not in page.statement.toPlainText()
    assert page.statement.toPlainText().strip()          # the template, filled
    photo = tmp_path / "buyer.jpg"
    photo.write_bytes(jpeg_bytes(800, 600, label="buyer photo"))
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.add_file(str(photo), "buyer_photo", "买家照片")
    kinds = {page.model.row_object(r).kind for r in range(page.model.rowCount())}
    assert kinds == {"message", "tracking", "file"}
    assert page.checklist.bar.value() > 0
    qtmodeltester.check(page.model)
    out = tmp_path / "pack.zip"
    asked = []
    page.build(".zip", str(out), confirm=lambda text: asked.append(text) or False)
    assert not out.exists() and not page.job.running      # the rep said no: nothing built
    assert "Missing: " in asked[0] and "Quality check report" in asked[0]
    with qtbot.waitSignal(page.built, timeout=60_000) as blocker:
        page.build(".zip", str(out), confirm=lambda text: True)
    assert not page.cancel_button.isEnabled() and page.progress.value() == 100
    assert blocker.args[0].pages >= 5 and verify_zip(out).ok
    # the build went through the write helper: the other pages hear of the new pack
    assert any(c.touches({change_notice.EVIDENCE}) and c.refs == (page.ref,) for c in heard)
    page.grab().save(str(tmp_path / "evidence-page.png"))


def test_an_empty_statement_is_built_only_when_the_rep_confirms(page, qtbot, tmp_path):
    from app.services.casework import evidence
    dispute = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    choose(qtbot, page, f"D-{dispute.id}")
    evidence.ensure_pack(page.ref)
    evidence.set_statement(page.ref, "   ")
    asked = []
    out = tmp_path / "pack.pdf"
    page.build(".pdf", str(out), confirm=lambda text: asked.append(text) or False)
    assert "The seller's statement is empty." in asked[0] and not out.exists()
    with qtbot.waitSignal(page.built, timeout=60_000) as blocker:
        page.build(".pdf", str(out), confirm=lambda text: True)
    assert "The seller's statement is empty." in blocker.args[0].warnings


def test_a_build_can_be_cancelled(page, qtbot, tmp_path, heard, monkeypatch):
    from ui import errors
    shown = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec", lambda box: shown.append(box.text()))
    out = tmp_path / "pack.pdf"
    page.build(".pdf", str(out), confirm=lambda text: True)
    assert page.cancel_button.isEnabled()
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.progress_text.text() == "Cancelled", timeout=30_000)
    assert not out.exists() and page.buttons["pdf"].isEnabled()
    assert shown == [] and heard == []      # a cancel is no problem, and nothing changed


def test_print_opens_a_preview_of_every_page(page, qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    page.print_pack()
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None, timeout=30_000)
    widget = page.preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 5, timeout=30_000)
    assert page.buttons["print"].isEnabled()
    page.preview.reject()



def test_in_chinese_the_case_and_its_checklist_read_in_chinese(chinese, page, qtbot):
    """#26: the case box showed codes ("other · waiting_seller") and the checklist English."""
    texts = [page.case_box.itemText(i) for i in range(page.case_box.count())]
    assert texts and not any("waiting_seller" in t or "waiting_buyer" in t for t in texts)
    assert any("等待卖家" in t for t in texts)
    lines = [page.checklist.list.item(r).text() for r in range(page.checklist.list.count())]
    assert lines and any("与买家的聊天记录" in line for line in lines), lines
    assert "Conversation with the buyer" not in page.checklist.missing.text()
