"""Printable transcripts: every message with its direction, channel and time in the rep's
zone, translations under their originals, internal notes out unless asked for; as PDF
(the Chinese must come out as text) or on a printer, and a clear message when there is
no printer at all."""

from __future__ import annotations

import errno
from datetime import timedelta
from zoneinfo import ZoneInfo

import subprocess

import pytest

from app.services.messaging import conversations, transcript, transcript_pdf
from tests.evidence_helpers import pdf_pages, pdftotext
from tests.factories import T0, make_buyer, make_order, make_shop
from ui import errors
from ui.conversation import transcript_actions
from ui.conversation.thread_panel import ThreadPanel
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui
SHANGHAI = ZoneInfo("Asia/Shanghai")       # T0 is 2026-03-02 02:00 UTC = 10:00 in Shanghai


@pytest.fixture
def conv(db, qapp):
    tb = make_shop("tb", platform="taobao")
    wang = make_buyer(tb, "wang", country="CN", language="zh")
    wang.name = "王小明"
    wang.save()
    order = make_order(tb, "3000000000000002", buyer=wang)
    conv = conversations.start_conversation(tb, wang, "im", order=order, language="zh", at=T0)
    conversations.add_message(conv, "in", "请问退款什么时候到账？", T0, source_lang="zh",
                              translation="When will the refund arrive?", translation_lang="en")
    conversations.add_message(conv, "out", "亲，今天内处理。", T0 + timedelta(hours=1),
                              author="lin", channel="sms")
    conversations.add_message(conv, "out", "仓库说明天发货", T0 + timedelta(hours=2),
                              author="lin", is_internal=True)
    conversations.add_message(conv, "in", "好的，谢谢", T0 + timedelta(hours=3))
    return conv


def test_the_transcript_leaves_internal_notes_out_unless_asked(conv):
    plain = transcript.build(conv.id)
    assert [line.body for line in plain.lines] == ["请问退款什么时候到账？", "亲，今天内处理。",
                                                   "好的，谢谢"]
    assert plain.notes_left_out == 1
    full = transcript.build(conv.id, include_notes=True)
    assert [line.is_internal for line in full.lines] == [False, False, True, False]


def test_the_pdf_carries_chinese_directions_channels_local_times_and_translations(conv,
                                                                                   tmp_path):
    out = tmp_path / "transcript.pdf"
    assert transcript_pdf.export(conv.id, out, zone=SHANGHAI) == 1
    text = " ".join(pdftotext(out).split())
    assert "Conversation transcript" in text and "3000000000000002" in text
    original = text.index("请问退款什么时候到账？")
    assert text.index("When will the refund arrive?") > original          # under it
    assert text.index("亲，今天内处理。") > text.index("When will the refund arrive?")
    assert "Buyer: 王小明 · im · 2026-03-02 10:00" in text                # direction, channel,
    assert "Shop: lin · sms · 2026-03-02 11:00" in text                   # rep's zone
    assert "Asia/Shanghai (UTC+08:00)" in text
    assert "仓库说明天发货" not in text                                    # the note stays out
    assert "Internal notes are left out (1)" in text
    with_notes = tmp_path / "with-notes.pdf"
    transcript_pdf.export(conv.id, with_notes, zone=SHANGHAI, include_notes=True)
    text = " ".join(pdftotext(with_notes).split())
    assert "Internal note · the buyer does not see this · im · 2026-03-02 12:00" in text
    assert "仓库说明天发货" in text


def test_a_long_thread_runs_over_pages_without_cutting_a_message(conv, tmp_path):
    for n in range(80):
        conversations.add_message(conv, "in", f"第{n}条消息\n" + "物流还没有更新。" * 3,
                                  T0 + timedelta(hours=4 + n))
    out = tmp_path / "long.pdf"
    pages = transcript_pdf.export(conv.id, out)
    assert pages == pdf_pages(out) and pages >= 3
    for page in range(1, pages + 1):
        page_text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-enc",
                                    "UTF-8", str(out), "-"], check=True, capture_output=True,
                                   text=True).stdout
        assert f"Page {page} of {pages}" in page_text
        # every message on the page starts with its heading: none is split across pages
        bodies = [line for line in page_text.splitlines() if line.startswith("第")]
        headings = [line for line in page_text.splitlines() if "Buyer: 王小明" in line
                    and "(wang)" not in line]
        assert len(bodies) <= len(headings)


# --- from the thread ---------------------------------------------------------------------

@pytest.fixture
def panel(qtbot, conv):
    panel = ThreadPanel("lin")
    qtbot.addWidget(panel)
    panel.show()
    panel.show_conversation(conv.id)
    qtbot.waitUntil(lambda: panel.header is not None)
    yield panel
    wait_for_background()


def test_save_as_pdf_from_the_thread_uses_the_windows_words(qtbot, panel, tmp_path):
    out = tmp_path / "t.pdf"
    button = panel.transcript_button
    assert button.isEnabled()
    with qtbot.waitSignal(button.saved, timeout=10_000):
        button.save_pdf(str(out))
    text = " ".join(pdftotext(out).split())
    assert "Buyer: 王小明 · Chat ·" in text and "Shop: lin · SMS ·" in text
    assert "仓库说明天发货" not in text
    assert "Transcript saved" in panel.translate_note.text()
    button.notes_action.setChecked(True)
    with qtbot.waitSignal(button.saved, timeout=10_000):
        button.save_pdf(str(out))
    assert "仓库说明天发货" in pdftotext(out)


def test_no_printer_says_so_and_points_to_pdf(qtbot, panel, monkeypatch):
    shown = []
    monkeypatch.setattr(transcript_actions, "printer_names", lambda: [])
    monkeypatch.setattr(transcript_actions, "show_expected_error",
                        lambda error, parent=None: shown.append(error))
    assert not panel.transcript_button.print_transcript()
    (error,) = shown
    assert isinstance(error, errors.NoPrinterError) and errors.is_expected(error)
    assert "No printer is set up" in str(error) and "PDF" in str(error)


def test_printing_paints_the_transcript_on_the_chosen_printer(qtbot, panel, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(panel.transcript_button.printed, timeout=10_000) as done:
        assert panel.transcript_button.print_transcript(printer, ask=False)
    assert done.args == [1]
    assert "好的，谢谢" in pdftotext(out)


def test_a_folder_that_is_gone_is_an_expected_problem(qtbot, panel, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(errors, "show_expected_error",
                        lambda error, parent=None: shown.append(error))
    panel.transcript_button.save_pdf(str(tmp_path / "gone" / "t.pdf"))
    qtbot.waitUntil(lambda: bool(shown))
    assert isinstance(shown[0], OSError) and shown[0].errno == errno.ENOENT
    assert "does not exist" in errors.describe(shown[0])
    assert not (tmp_path / "gone").exists()


def test_the_transcript_menu_offers_print_pdf_and_notes(panel):
    actions = [a.text() for a in panel.transcript_button.menu().actions() if a.text()]
    assert actions == ["Print…", "Save as PDF…", "Include internal notes"]
    assert not panel.transcript_button.notes_action.isChecked()     # notes out by default
    panel.show_conversation(None)
    assert not panel.transcript_button.isEnabled()
