"""Reps and roles enforced by the server (issue 24; docs/server.md, "Add reps";
app/server/roles.py): the owner adds reps with `server rep`, each logs in as itself, the
server refuses what the role may not do even to raw SQL, and every write names the rep.
Runs against the throw-away PostgreSQL 15 cluster (tests/postgres_server.py)."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import psycopg2
import psycopg2.errors
import pytest

from app.cli import main
from app.db import close_database, open_database
from tests.factories import T0, make_buyer, make_order, make_shop

PASSWORD = "rep-secret-1"


def _logins(address: str) -> tuple[str, str, str]:
    """Login names of this test's rep, viewer and second rep: roles are the cluster's, so
    each test's shop database gives its own."""
    stem = address.rsplit("/", 1)[1]
    return f"li_{stem}", f"view_{stem}", f"wang_{stem}"


def _as(address: str, login: str) -> str:
    user_part, rest = address.split("://", 1)[1].split("@", 1)
    return f"postgresql://{login}:{PASSWORD}@{rest}"


def _add(owner_address: str, login: str, role: str, monkeypatch, *extra) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    return main(["--db", owner_address, "server", "rep", "add", login, "--role", role,
                 "--password-stdin", *extra])


@pytest.fixture
def shop(postgres_address, monkeypatch, capsys):
    """A shop database with the reps' roles (`server init`), a Taobao shop with a
    conversation and an after-sales request, a rep 李丽 and a viewer."""
    assert main(["server", "init", postgres_address]) == 0
    open_database(postgres_address)
    tb = make_shop("tb", platform="taobao")
    buyer = make_buyer(tb, "wang", country="CN", language="zh")
    order = make_order(tb, "123", buyer=buyer, status="completed", completed_at=T0,
                       confirmed_at=T0)
    from app.services.commerce import policy
    from app.services.casework import aftersales
    from app.services.messaging import conversations
    conversation = conversations.start_conversation(tb, buyer, "im", order=order,
                                                    language="zh", at=T0)
    conversations.add_message(conversation, "in", "请问退款什么时候到账？", T0)
    request = aftersales.open_request(order, "refund_only", "quality", "10.00",
                                      T0 + timedelta(days=1))
    policy.set_value("taobao", "requests_per_order", "1")
    close_database()
    rep, viewer, _ = _logins(postgres_address)
    assert _add(postgres_address, rep, "rep", monkeypatch, "--name", "李丽") == 0
    assert _add(postgres_address, viewer, "viewer", monkeypatch) == 0
    capsys.readouterr()
    return {"owner": postgres_address, "rep": _as(postgres_address, rep),
            "viewer": _as(postgres_address, viewer), "conversation": conversation.id,
            "request": request.id, "rep_login": rep, "viewer_login": viewer}


def _refused(address: str, statement: str) -> bool:
    """True when the server refuses `statement` to the login of `address` for want of a
    right (SQLSTATE 42501); False when it runs."""
    connection = psycopg2.connect(address)
    try:
        connection.cursor().execute(statement)
        connection.commit()
        return False
    except psycopg2.errors.InsufficientPrivilege:
        return True
    finally:
        connection.close()


def test_a_rep_cannot_change_a_policy_profile_or_the_audit_trail_even_with_raw_sql(shop):
    rep = shop["rep"]
    assert _refused(rep, "UPDATE policy_override SET value = '9'")
    assert _refused(rep, "DELETE FROM policy_override")
    assert _refused(rep, "UPDATE shop SET name = 'mine'")
    assert _refused(rep, "UPDATE channel_account SET settings = '{}'")
    assert not _refused(rep, "UPDATE channel_account SET state = 'ok', last_error = ''")
    assert _refused(rep, "DELETE FROM audit_entry")
    assert _refused(rep, "UPDATE audit_entry SET actor = 'someone else'")
    assert _refused(rep, "TRUNCATE audit_entry")
    # the audit trail grows, in the rep's own name only; the rep reads everything
    for actor in ("someone else", "monitor"):
        assert not _refused(rep, f"INSERT INTO audit_entry (at, actor, entity, entity_ref, "
                                 f"action) VALUES (now(), '{actor}', 'message', '1', 'note')")
    assert not _refused(rep, "SELECT * FROM policy_override, shop, audit_entry")
    # what the owner wrote is still there
    open_database(shop["owner"])
    from app.models import AuditEntry, PolicyOverride
    assert [o.value for o in PolicyOverride.select()] == ["1"]
    added = AuditEntry.select().where(AuditEntry.action == "note").order_by(AuditEntry.id)
    assert [e.actor for e in added] == ["李丽", "monitor"]


def _run(address: str, *statements: str) -> None:
    connection = psycopg2.connect(address)
    try:
        for statement in statements:
            connection.cursor().execute(statement)
        connection.commit()
    finally:
        connection.close()


def _message_sql(conversation: int, direction: str, author: str, is_auto: int = 0) -> str:
    return (f"INSERT INTO message (conversation_id, direction, channel, body, sent_at, author, "
            f"is_auto, is_internal, source_lang, translation_lang) VALUES ({conversation}, "
            f"'{direction}', 'im', 'spoof-{direction}-{author}', now(), '{author}', {is_auto}, "
            f"0, '', '')")


def test_a_rep_cannot_write_a_message_or_a_change_in_another_reps_name(shop):
    """A reply, a change log row or an audit entry a rep's login writes names that rep,
    whatever name its raw SQL gives; AfterDesk's own jobs keep theirs and the audit entry
    says whose AfterDesk ran them; a buyer's message keeps the buyer (docs/server.md,
    "Who wrote what")."""
    conversation = shop["conversation"]
    _run(shop["rep"],
         _message_sql(conversation, "out", "王芳"),
         _message_sql(conversation, "in", "wang"),
         _message_sql(conversation, "out", "auto-reply", is_auto=1),
         "INSERT INTO change_log (at, rep, origin, kind, entity, entity_ref, action) VALUES "
         "(now(), '王芳', 'x', 'all', 'conversation', 'c1', 'spoof')",
         "INSERT INTO change_log (at, rep, origin, kind, entity, entity_ref, action) VALUES "
         "(now(), 'monitor', 'x', 'all', 'conversation', 'c2', 'spoof')",
         "INSERT INTO audit_entry (at, actor, entity, entity_ref, action, detail) VALUES "
         "(now(), 'monitor', 'message', '1', 'spoof', '{\"login\": \"王芳\", \"n\": 1}')",
         "INSERT INTO case_checklist_tick (request_id, guide, step, ticked_at, ticked_by) "
         f"VALUES ({shop['request']}, 'lost_parcel', 'spoof', now(), '王芳')",
         "INSERT INTO presence (conversation_uid, rep, origin, activity, expires_at) VALUES "
         "('spoof', '王芳', 'x', 'replying', now())")
    _run(shop["owner"], _message_sql(conversation, "out", "老板"))
    # an update cannot put another rep's name on an existing reply either
    _run(shop["rep"], "UPDATE message SET author = '王芳' WHERE body = 'spoof-out-老板'",
         "UPDATE change_log SET rep = '王芳' WHERE action = 'spoof'")
    open_database(shop["owner"])
    from app.models import AuditEntry, Message
    from app.models.live import ChangeLog
    authors = {m.body: m.author for m in Message.select().where(Message.body.startswith("spoof"))}
    assert authors == {"spoof-out-王芳": "李丽", "spoof-in-wang": "wang",
                       "spoof-out-auto-reply": "auto-reply", "spoof-out-老板": "李丽"}
    changes = ChangeLog.select().where(ChangeLog.action == "spoof").order_by(ChangeLog.id)
    assert [c.rep for c in changes] == ["李丽", "李丽"]
    entry = AuditEntry.get(AuditEntry.action == "spoof")
    assert entry.actor == "monitor" and entry.detail == {"login": "李丽", "n": 1}
    from app.models.case_checklist import CaseChecklistTick
    from app.models.live import Presence
    assert CaseChecklistTick.get(CaseChecklistTick.step == "spoof").ticked_by == "李丽"
    assert Presence.get(Presence.conversation_uid == "spoof").rep == "李丽"


def test_a_viewer_reads_but_cannot_add_a_message(shop):
    viewer = shop["viewer"]
    assert not _refused(viewer, "SELECT * FROM message, conversation, audit_entry")
    assert _refused(viewer, f"INSERT INTO message (conversation_id, direction, channel, body, "
                            f"sent_at, author, is_auto, is_internal, source_lang, "
                            f"translation_lang) VALUES ({shop['conversation']}, 'out', 'im', "
                            f"'hi', now(), 'v', 0, 0, '', '')")
    assert _refused(viewer, "UPDATE conversation SET is_read = 1")
    assert _refused(viewer, "INSERT INTO audit_entry (at, actor, entity, entity_ref, action) "
                            "VALUES (now(), 'x', 'message', '1', 'note')")


def test_a_viewer_replying_through_the_services_gets_the_owners_words(shop):
    from app.db import PROBLEMS, expected_problem
    from app.models import Message
    from app.services.common.reps import my_role
    from app.services.messaging import thread
    open_database(shop["viewer"])
    assert my_role() == "viewer"
    before = Message.select().count()
    with pytest.raises(Exception) as caught:
        thread.send_reply(shop["conversation"], "亲，今天处理。")
    problem = expected_problem(caught.value, shop["viewer"])
    assert problem is not None and str(problem).startswith(
        PROBLEMS["server_denied"].split("{")[0])
    assert PASSWORD not in str(problem)
    assert Message.select().count() == before


def test_a_rep_replies_and_works_a_case_and_every_write_names_the_rep(shop, test_rep):
    from app.channels import outbox
    from app.models import AuditEntry, Message
    from app.models.live import ChangeLog
    from app.services.casework import case_actions, evidence
    from app.services.casework.case_ids import case_id
    from app.services.common.reps import current_rep, my_role
    from app.services.messaging import conversations, presence, search, thread
    from app.models import AftersalesRequest
    open_database(shop["rep"])
    assert (my_role(), current_rep()) == ("rep", "李丽")      # the login, not the settings
    assert current_rep() != test_rep
    conversation_id = shop["conversation"]
    before = AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    thread.open_conversation(conversation_id)
    presence.mark_replying(conversation_id)
    item = outbox.queue_reply(conversation_id, "亲，退款今天到账。")
    note = thread.send_reply(conversation_id, "buyer called too", internal=True)
    conversation = thread.get_conversation(conversation_id)
    conversations.set_star(conversation, "red")
    conversations.assign(conversation, current_rep())
    presence.clear(conversation_id)
    request = AftersalesRequest.get_by_id(shop["request"])
    ref = case_id(request)
    case_actions.set_cause(ref, "seller")
    evidence.set_statement(request, "The parcel arrived damaged.")
    case_actions.perform(ref, "agree", T0 + timedelta(days=2))
    assert AftersalesRequest.get_by_id(request.id).state != "waiting_seller"
    # the messages and every audit entry since the rep logged in name 李丽
    assert {Message.get_by_id(item.message_id).author, note.author} == {"李丽"}
    mine = list(AuditEntry.select().where(AuditEntry.id > before).order_by(AuditEntry.id))
    assert {e.actor for e in mine} == {"李丽"}
    assert {e.entity for e in mine} >= {"conversation", "aftersales", "outbox_item"}
    assert ChangeLog.select().where(ChangeLog.rep == "李丽").count() >= len(mine)
    assert [h.message_id for h in search.search_messages("退款")]


def test_a_rep_imports_orders_and_works_complaints_and_follow_ups(shop, tmp_path):
    """The rest of a rep's day through the services, as the rep's login."""
    from app.importers import samples as s
    from app.models import AuditEntry, Order
    from app.services.aftercare import complaints, followups
    from app.services.commerce.order_imports import import_orders
    from app.models.complaints import COMPLAINT_STEPS
    open_database(shop["owner"])
    make_shop("ae", "aliexpress")
    close_database()
    open_database(shop["rep"])
    before = AuditEntry.select().order_by(AuditEntry.id.desc()).first().id
    export = s.write_xlsx(tmp_path / "a.xlsx", s.AE_CLASSIC,
                          [s.ae_classic_row("1"), s.ae_classic_row("2")])
    assert import_orders(export, "ae").added == 2
    complaint = complaints.open_complaint("tb", "late_shipment", "太慢了！",
                                          order=Order.get(Order.order_no == "123"))
    complaints.complete_step(complaint, COMPLAINT_STEPS[0], note="called")
    conversation = followups.get_conversation(shop["conversation"])
    followups.stop_following_up(conversation, "the buyer asked us to stop")
    entries = list(AuditEntry.select().where(AuditEntry.id > before))
    assert len(entries) >= 4 and {e.actor for e in entries} == {"李丽"}


def test_the_owner_adds_lists_changes_and_removes_reps(shop, monkeypatch, capsys,
                                                       postgres_cluster):
    owner, rep_login = shop["owner"], shop["rep_login"]
    _, _, second = _logins(owner)
    assert _add(owner, second, "rep", monkeypatch) == 0
    out = capsys.readouterr().out
    assert PASSWORD not in out and "password is unchanged" not in out
    assert _add(owner, second, "rep", monkeypatch) == 0          # again: the same login
    assert "password is unchanged" in capsys.readouterr().out
    assert main(["--db", owner, "server", "rep", "list", "--json"]) == 0
    listed = {r["login"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed[rep_login] == {"login": rep_login, "role": "rep", "name": "李丽"}
    assert listed[second]["role"] == "rep" and listed[shop["viewer_login"]]["role"] == "viewer"
    # the second rep becomes a viewer: the server refuses its writes from now on
    second_address = _as(owner, second)
    assert not _refused(second_address, "UPDATE conversation SET is_read = 1")
    assert main(["--db", owner, "server", "rep", "role", second, "viewer"]) == 0
    assert _refused(second_address, "UPDATE conversation SET is_read = 1")
    assert main(["--db", owner, "server", "rep", "list"]) == 0
    assert f"{second:<24} viewer" in capsys.readouterr().out
    # removed: the login is gone from the server
    assert main(["--db", owner, "server", "rep", "remove", second]) == 0
    assert postgres_cluster.sql(f"SELECT COUNT(*) FROM pg_roles WHERE rolname = '{second}'") \
        == "0"
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(second_address)
    assert main(["--db", owner, "server", "rep", "remove", second]) == 2
    assert "is not a rep of this shop" in capsys.readouterr().err
    # each change is in the audit trail, named after the owner's login
    open_database(owner)
    from app.models import AuditEntry
    actions = [(e.entity_ref, e.action) for e in AuditEntry.select()
               .where(AuditEntry.entity == "rep").order_by(AuditEntry.id)]
    assert actions[-3:] == [(second, "add"), (second, "set_role"), (second, "remove")]


def test_a_rep_cannot_add_reps(shop, monkeypatch, capsys):
    _, _, second = _logins(shop["owner"])
    assert _add(shop["rep"], second, "owner", monkeypatch) == 2
    assert "does not allow this login" in capsys.readouterr().err


def test_reps_need_a_server_database(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "a.db"), "server", "rep", "list"]) == 2
    assert "shop database on a server" in capsys.readouterr().err


def test_every_table_has_a_decision_and_a_new_table_gets_grants_with_its_migration(shop):
    from app.migrations import postgres
    from app.server import roles
    database = open_database(shop["owner"])
    tables = [r[0] for r in database.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()]
    assert roles.unclassified(tables) == []
    # a table a later migration adds: read by the rep and the viewer, written by the owner
    with database.atomic():
        database.execute_sql('CREATE TABLE "later_table" ("id" BIGSERIAL PRIMARY KEY, '
                             '"note" TEXT)')
    assert _refused(shop["rep"], "SELECT * FROM later_table")
    postgres.after_upgrade(database)
    postgres.after_upgrade(database)                    # again: the same grants
    assert not _refused(shop["rep"], "SELECT * FROM later_table")
    assert _refused(shop["rep"], "INSERT INTO later_table (note) VALUES ('x')")
    assert not _refused(shop["owner"], "INSERT INTO later_table (note) VALUES ('x')")


def test_a_second_init_keeps_the_reps_and_their_grants(shop):
    assert main(["server", "init", shop["owner"]]) == 0
    assert _refused(shop["rep"], "DELETE FROM audit_entry")
    assert not _refused(shop["rep"], "UPDATE conversation SET is_read = 1")


def test_shop_databases_on_one_server_keep_their_reps_apart(shop, postgres_cluster):
    """A rep of one shop cannot even connect to another shop's database."""
    from tests.postgres_server import TEMPLATE
    other = shop["owner"].rsplit("/", 1)[1] + "_b"
    postgres_cluster.sql(f"CREATE DATABASE {other} TEMPLATE {TEMPLATE}")
    try:
        other_address = postgres_cluster.address(other)
        assert main(["server", "init", other_address]) == 0
        rep_there = shop["rep"].rsplit("/", 1)[0] + "/" + other
        with pytest.raises(psycopg2.OperationalError) as caught:
            psycopg2.connect(rep_there)
        assert "permission denied" in str(caught.value)
    finally:
        close_database()
        postgres_cluster.sql(f"DROP DATABASE IF EXISTS {other} WITH (FORCE)")


# --- the window knows the login's role ----------------------------------------------------

def _thread_panel(qtbot, conversation_id: int):
    from ui.conversation.thread_panel import ThreadPanel
    panel = ThreadPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_conversation(conversation_id)
    qtbot.waitUntil(lambda: panel.header is not None)
    return panel


@pytest.mark.gui
def test_a_viewers_window_offers_no_send(qtbot, shop):
    from ui.worker import wait_for_background
    open_database(shop["viewer"])
    panel = _thread_panel(qtbot, shop["conversation"])
    assert not panel.composer.isVisible() and not panel.composer.send_button.isVisible()
    assert panel.read_only_note.isVisible()
    note = panel.read_only_note
    assert note.height() >= note.heightForWidth(note.width()) > 0   # all of it readable
    assert "viewer" in panel.read_only_note.text()
    assert not panel.star.isEnabled() and not panel.replied_button.isEnabled()
    assert not panel.assign_button.isEnabled()
    assert panel.transcript_button.isEnabled()          # reading and printing stay
    assert "请问退款什么时候到账" in panel.view.toPlainText()
    wait_for_background()


@pytest.mark.gui
def test_a_reps_window_answers_but_leaves_the_owners_settings_alone(qtbot, shop, tmp_path):
    from app.settings import Settings
    from ui.settings_dialog.dialog import SettingsDialog
    from ui.worker import wait_for_background
    open_database(shop["rep"])
    panel = _thread_panel(qtbot, shop["conversation"])
    assert panel.composer.send_button.isVisible() and not panel.read_only_note.isVisible()
    assert panel.star.isEnabled()
    wait_for_background()
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"), shop["rep"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.owner_note.isVisible()
    assert not dialog.policy.isEnabled() and not dialog.accounts.isEnabled()
    assert not dialog.calendar.isEnabled() and dialog.general.isEnabled()


def test_the_owner_made_by_init_adds_a_rep_who_works_as_themselves(postgres_cluster, monkeypatch,
                                                                   capsys):
    """The whole setup without a superuser after `server init`: the owner login adds a rep,
    the rep writes a conversation's star and cannot touch the shop."""
    import threading
    name = f"owned_{threading.get_ident() % 100000}"
    owner_login, rep_login = f"boss_{name}", f"rep_{name}"
    postgres_cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    monkeypatch.setenv("AFTERDESK_OWNER_PASSWORD", PASSWORD)
    assert main(["server", "init", postgres_cluster.address(name), "--owner", owner_login]) == 0
    owner = f"postgresql://{owner_login}@127.0.0.1:{postgres_cluster.port}/{name}"
    try:
        assert main(["--db", owner, "shop", "add", "tb", "--platform", "taobao",
                     "--name", "淘宝店", "--tz", "Asia/Shanghai"]) == 0
        assert _add(owner, rep_login, "rep", monkeypatch, "--name", "小王") == 0
        assert main(["--db", owner, "server", "rep", "list", "--json"]) == 0
        capsys.readouterr()
        rep = _as(owner, rep_login)
        assert _refused(rep, "UPDATE shop SET name = 'x'")
        assert not _refused(rep, "UPDATE conversation SET star = 'red'")
        from app.models import AuditEntry
        from app.services.common.reps import current_rep, my_role
        open_database(owner)
        assert (my_role(), current_rep()) == ("owner", owner_login)
        assert AuditEntry.select().where(AuditEntry.entity == "rep").get().actor == owner_login
        close_database()
        open_database(rep)
        assert (my_role(), current_rep()) == ("rep", "小王")
    finally:
        close_database()
        postgres_cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_group_roles_of_long_database_names_stay_apart_within_postgres_limit():
    from app.server.roles import group_role
    first, second = "shop_" + "x" * 70 + "_a", "shop_" + "x" * 70 + "_b"
    names = {group_role(n, r) for n in (first, second) for r in ("owner", "rep", "viewer")}
    assert len(names) == 6 and all(len(n.encode()) <= 63 for n in names)
    assert group_role("afterdesk", "rep") == "afterdesk_rep"


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_viewer_opens_every_page_without_a_refusal(qtbot, shop, tmp_path, monkeypatch):
    """Reading the whole window as a viewer writes nothing the server would refuse (a
    refusal would show a message box)."""
    from PySide6.QtWidgets import QApplication
    from app.db import current_path
    from app.settings import Settings
    from ui import errors
    from ui.main_window import MainWindow
    from ui.worker import wait_for_background
    shown: list[str] = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec", lambda box: shown.append(box.text()))
    monkeypatch.setattr(errors, "show_crash", lambda *args, **kw: shown.append(repr(args[1])))
    open_database(shop["viewer"])
    window = MainWindow(current_path(), Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    window.reload_all()
    try:
        for key in list(window._specs):
            window.navigation.select(key)
            page = window.pages[key]
            qtbot.waitUntil(lambda page=page: not getattr(page, "is_loading", False),
                            timeout=20000)
        window.navigation.select("conversations")
        conversations = window.pages["conversations"]
        qtbot.waitUntil(lambda: conversations.model.rowCount() == 1, timeout=20000)
        conversations.view.setCurrentIndex(conversations.model.index(0, 1))
        panel = conversations.thread_panel
        qtbot.waitUntil(lambda: panel.header is not None, timeout=20000)
        assert not panel.composer.isVisible()
        wait_for_background()
        QApplication.processEvents()
    finally:
        window.close()
        wait_for_background()
        QApplication.processEvents()
    assert shown == []


@pytest.mark.gui
def test_on_the_server_the_settings_show_the_logins_name_and_keep_their_own(qtbot, shop,
                                                                            tmp_path):
    from app.services.common.reps import REP_SETTING
    from app.settings import Settings
    from ui.settings_dialog.general_tab import GeneralTab
    settings = Settings(tmp_path / "settings.json")
    settings.set(REP_SETTING, "Ana at home")
    open_database(shop["rep"])
    tab = GeneralTab(settings, shop["rep"])
    qtbot.addWidget(tab)
    assert tab.rep_name.text() == "李丽" and not tab.rep_name.isEnabled()
    tab.save()
    assert settings.get(REP_SETTING) == "Ana at home"     # still the name on a file


def test_a_new_reps_password_never_reaches_the_servers_log(postgres_address, postgres_cluster,
                                                           monkeypatch, capsys):
    """The server may log every statement that changes a role (log_statement = ddl): what
    `rep add` sends is the password's hash, never the password (RULES: secrets in no log)."""
    assert main(["server", "init", postgres_address]) == 0
    name = postgres_address.rsplit("/", 1)[1]
    postgres_cluster.sql(f"ALTER DATABASE {name} SET log_statement = 'ddl'")
    secret = f"never-logged-{name}"
    login = f"log_{name}"
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    assert main(["--db", postgres_address, "server", "rep", "add", login, "--role", "rep",
                 "--password-stdin"]) == 0
    capsys.readouterr()
    logged = (postgres_cluster.folder / "log").read_text(errors="replace")
    assert "CREATE ROLE" in logged and login in logged, "the statement was logged"
    assert secret not in logged
    rest = postgres_address.split("@", 1)[1]
    psycopg2.connect(f"postgresql://{login}:{secret}@{rest}").close()   # the password works


@pytest.mark.gui
def test_a_role_the_owner_changes_reaches_an_open_window_at_the_next_reading_of_changes(
        qtbot, shop):
    """The owner makes 李丽 a viewer while her window is open: the next reading of the
    change log reads her role again and the thread shown hides its composer."""
    from app.server.roles import group_role
    from app.services.common import live_changes
    from app.services.common.reps import my_role
    from ui.worker import wait_for_background
    open_database(shop["rep"])
    panel = _thread_panel(qtbot, shop["conversation"])
    assert panel.composer.isVisible() and my_role() == "rep"
    wait_for_background()
    feed = live_changes.ChangeFeed()
    shop_db, login = shop["owner"].rsplit("/", 1)[1], shop["rep_login"]
    _run(shop["owner"], f'REVOKE "{group_role(shop_db, "rep")}" FROM "{login}"',
         f'GRANT "{group_role(shop_db, "viewer")}" TO "{login}"',
         "INSERT INTO change_log (at, rep, origin, kind, entity, entity_ref, action) "
         f"VALUES (now(), 'boss', 'the-owners-cli', '*', 'rep', '{login}', 'set_role')")
    assert my_role() == "rep"               # kept: no query on the window's thread
    live_changes.announce(feed.poll())
    assert my_role() == "viewer"
    qtbot.waitUntil(lambda: panel.read_only_note.isVisible() and not panel.composer.isVisible(),
                    timeout=20000)
    wait_for_background()


def test_a_shop_made_before_the_attribution_triggers_gets_them_with_its_upgrade(shop):
    """Schema version 17: a shop database at 16 (no triggers on the messages) is upgraded
    when AfterDesk opens it, and from then a rep's reply names the rep."""
    _run(shop["owner"], 'DROP TRIGGER message_author ON "message"',
         'DELETE FROM schema_version WHERE version = 17')
    _run(shop["rep"], _message_sql(shop["conversation"], "out", "before"))
    open_database(shop["owner"])            # the upgrade to 17
    close_database()
    _run(shop["rep"], _message_sql(shop["conversation"], "out", "after"))
    open_database(shop["owner"])
    from app.models import Message
    authors = {m.body: m.author for m in Message.select().where(Message.body.startswith("spoof"))}
    assert authors == {"spoof-out-before": "before", "spoof-out-after": "李丽"}


def test_a_role_not_read_yet_because_the_server_is_away_offers_no_write(shop, monkeypatch):
    """AfterDesk could not ask the server who this login is (the network cut at that
    moment): until it can, the window offers only reading, never the owner's rights."""
    import psycopg2

    from app.server import roles
    from app.services.common import reps
    open_database(shop["rep"])
    reps._on_server.clear()
    real = roles.identity

    def away(cursor):
        raise psycopg2.OperationalError(
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(roles, "identity", away)
    assert reps.my_role() == "viewer" and not reps.may_write()
    monkeypatch.setattr(roles, "identity", real)             # the server answers again
    assert reps.my_role() == "rep" and reps.may_write()
