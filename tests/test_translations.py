"""Chinese interface: the compiled catalog loads, the Linguist file has no text left
untranslated, and widgets show Chinese when zh_CN is chosen (and English otherwise)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator

from app.settings import Settings
from ui import i18n
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
TS_FILE = i18n.translations_dir() / "afterdesk_zh_CN.ts"



def test_the_compiled_catalog_loads():
    assert i18n.catalog_path("zh_CN").is_file()
    assert QTranslator().load(str(i18n.catalog_path("zh_CN")))


def test_every_text_in_the_linguist_file_is_translated():
    root = ET.parse(TS_FILE).getroot()
    assert root.get("language") == "zh_CN" and root.get("sourcelanguage") == "en"
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else None
        if kind in ("vanished", "obsolete"):
            continue
        if translation is None or kind == "unfinished" or not (translation.text or "").strip():
            missing.append(message.findtext("source"))
    assert missing == [], "run scripts/update_translations.py and translate these"
    assert len(list(root.iter("message"))) > 150


def test_placeholders_survive_translation():
    """{0}, %1 … in a source text must be in its translation, or the rep sees a hole."""
    import re
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source, target = message.findtext("source"), message.findtext("translation") or ""
        if message.find("translation").get("type") == "unfinished":
            continue          # reported by the test above
        for mark in re.findall(r"\{\w*\}|%\d|%[sd]", source):
            assert mark in target, (source, target)


def test_the_main_window_speaks_chinese_when_chosen(chinese, qtbot, db, tmp_path):
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    assert window.navigation.titles()[:3] == ["会话", "售后与纠纷", "时限"]
    assert window.file_actions["restore"].text() == "从备份恢复(&R)…"
    cases = window.pages["cases"]
    assert cases.model.headerData(0, Qt.Orientation.Horizontal) == "案件"
    assert QLocale().name() == "zh_CN"


def test_english_is_the_default_without_a_catalog(qapp, qtbot, db, tmp_path):
    assert i18n.install_translator(qapp, "en") == "en"
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    assert window.navigation.titles()[0] == "Conversations"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_the_language_setting_or_the_system_decides():
    assert i18n.resolve_language("zh_CN") == "zh_CN"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve_language("", QLocale("de_DE")) == "en"


def test_input_checks_and_database_problems_speak_chinese(chinese, db):
    """The core writes its refusals in English from templates; the window shows the same
    template translated, filled with the same values (ui/words/problems.py)."""
    from decimal import Decimal

    from app.db import DatabaseError, PROBLEMS
    from app.services.casework.aftersales_rules import check_amount
    from app.errors import ForbiddenTransition, InvalidInput
    from ui.errors import describe

    class Order:
        order_no, currency, paid_amount = "3456789012345678", "CNY", Decimal("59.00")

    with pytest.raises(InvalidInput) as refused:
        check_amount(Order(), Decimal("80.00"), "CNY")
    assert "more than the buyer paid" in str(refused.value)          # English for the log
    assert describe(refused.value) == ("字段“amount”：退款金额 80.00 CNY 超过了买家实付"
                                       "（59.00 CNY）")
    locked = DatabaseError(PROBLEMS["locked"], path="D:\\店铺\\afterdesk.db")
    assert describe(locked).startswith("AfterDesk 正忙于写入：请稍后再试")
    assert "D:\\店铺\\afterdesk.db" in describe(locked)
    step = ForbiddenTransition("D-7", "closed", "refuse", allowed=("reopen",))
    assert describe(step) == "D-7 处于“已关闭”状态：此状态下不能执行“refuse”。现在可以：reopen。"


def test_a_problem_of_the_computer_speaks_chinese(chinese, tmp_path):
    import errno

    from ui.errors import NoPrinterError, describe
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "pack.pdf"))
    assert describe(full).startswith("磁盘已满，无法写入文件 ")
    assert describe(NoPrinterError()).startswith("这台电脑没有设置打印机")


def test_vocabulary_values_in_a_refusal_speak_chinese_too(chinese):
    from app.errors import ForbiddenTransition, RuleRefusal
    from ui.errors import describe
    tb4 = RuleRefusal("TB-4", key="not_received_before", allowed="refund only",
                      asked="return and refund")
    assert str(tb4) == ("Goods not received before the buyer confirmed receipt: the buyer can "
                        "only ask for refund only, not return and refund.")
    assert describe(tb4).startswith("买家确认收货前未收到货：买家只能申请仅退款，不能申请退货退款。")
    assert "TB-4" in describe(tb4)
    step = ForbiddenTransition("R-3", "closed", "agree")
    assert "已关闭" in describe(step) and "R-3" in describe(step)


def test_backup_problems_speak_chinese_with_the_database_problem_inside(chinese, tmp_path):
    from app import backup
    from app.db import DatabaseError
    from tests.sqlite_errors import busy_error
    from ui.errors import describe
    locked = DatabaseError.operational(busy_error(), "x.db")
    failed = backup.BackupError("The backup failed: {problem}", problem=locked)
    assert str(failed).startswith("The backup failed: AfterDesk is busy writing")
    assert describe(failed).startswith("备份失败：AfterDesk 正忙于写入：请稍后再试")
    not_a_backup = tmp_path / "notes.db"
    not_a_backup.write_bytes(b"this is not SQLite")
    with pytest.raises(backup.BackupError) as refused:
        backup.restore_backup(not_a_backup, tmp_path / "afterdesk.db")
    assert "没有做任何更改" in describe(refused.value)


def test_names_a_rep_chose_stay_as_they_are_in_chinese(chinese):
    from app.errors import InvalidInput
    from ui.errors import describe
    taken = InvalidInput("the shortcut /{shortcut} is already used by '{title}'",
                         shortcut="refund", title="refund")
    assert describe(taken) == "快捷词 /refund 已被“refund”使用"


def test_the_words_a_new_rep_saw_in_english_speak_chinese(chinese, qtbot, db, tmp_path):
    """#26.15: star colours, day names, follow-up states, the channel column, the system
    choice of the settings."""
    from datetime import datetime, timezone

    from ui.conversation.filters_bar import FiltersBar
    from ui.formatting import day_name
    from ui.settings_dialog.general_tab import GeneralTab
    from ui.table_models.awaiting_table_model import AwaitingTableModel

    bar = FiltersBar()
    qtbot.addWidget(bar)
    stars = [bar.star.itemText(i) for i in range(bar.star.count())]
    assert "红色" in stars and "Red" not in stars
    assert day_name(datetime(2026, 12, 8, tzinfo=timezone.utc)) == "周二"
    model = AwaitingTableModel()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "渠道" in titles and "经办人" not in titles
    from ui.words.vocabulary import FOLLOW_UP_STATUSES, word
    assert word(FOLLOW_UP_STATUSES, "due") == "立即跟进"
    tab = GeneralTab(Settings(tmp_path / "settings.json"), tmp_path / "afterdesk.db")
    qtbot.addWidget(tab)
    assert tab.language.itemText(0) == "跟随系统"


def test_a_channels_problem_speaks_chinese_and_keeps_the_servers_own_words(chinese):
    import imaplib

    from app.channels.errors import classify, wrong_password
    from app.channels.mail.smtp import Unsure
    from app.channels.problem_texts import text
    from ui.words.channel_problems import problem_words
    login = wrong_password("mail.shop.test", Exception(b"[AUTHENTICATIONFAILED] Bad login"))
    assert str(login).startswith("The mail server mail.shop.test refused the user name")
    assert problem_words(str(login)) == (
        "邮件服务器 mail.shop.test 拒绝了用户名或密码。请在 设置 › 账户 中重新输入密码（或："
        "afterdesk account add … --password-stdin）。服务器原话：“[AUTHENTICATIONFAILED] Bad login”")
    busy = classify(imaplib.IMAP4.error("SELECT failed: Mailbox locked"), "imap.test")
    assert problem_words(str(busy)) == \
        "邮件服务器 imap.test 返回了错误。服务器原话：“SELECT failed: Mailbox locked”"
    refused = text("address_refused", "5.1.1 <x@buyer.test>: no such user",
                   addresses="x@buyer.test")
    assert problem_words(refused) == ("邮件服务器拒绝了买家的地址（x@buyer.test）。"
                                      "服务器原话：“5.1.1 <x@buyer.test>: no such user”")
    assert problem_words(str(Unsure("smtp.test"))) == \
        "发送回复时与邮件服务器 smtp.test 的连接中断：买家可能已经收到。"
    assert problem_words("Something a platform said") == "Something a platform said"
