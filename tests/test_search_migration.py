"""Schema version 7 rebuilds the message index of an existing database so that English
word beginnings are single terms; messages written before the upgrade stay findable."""

from app import migrations
from app.db import close_database, database, open_database
from app.services.messaging import conversations, search
from tests.factories import T0, make_buyer, make_shop


def _v6_database(path):
    open_database(path)            # every migration up to the latest…
    try:
        shop = make_shop("ae")
        conv = conversations.start_conversation(shop, make_buyer(shop, "maria"), "im", at=T0)
        conversations.add_message(conv, "in", "Was it refunded? 退款了吗", T0)
        # …then back to version 6 with the index as version 6 wrote it: whole words only
        database.execute_sql('DELETE FROM "schema_version" WHERE "version" >= 7')
        database.execute_sql('DELETE FROM message_search')
        database.execute_sql('INSERT INTO message_search (rowid, terms) VALUES '
                             "(1, 'was it refunded 退款 款了 了吗 吗')")
    finally:
        close_database()


def test_version_7_rebuilds_the_index_with_word_beginnings(tmp_path):
    path = tmp_path / "v6.db"
    _v6_database(path)
    db = open_database(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST >= 7
        terms = db.execute_sql('SELECT terms FROM message_search WHERE rowid = 1').fetchone()[0]
        assert terms == search.index_terms("Was it refunded? 退款了吗\n")
        assert [h.message_id for h in search.search_messages("refund")] == [1]
        assert [h.message_id for h in search.search_messages("退款")] == [1]
    finally:
        close_database()


def test_a_database_that_needs_an_upgrade_is_upgraded_under_a_busy_window(tmp_path, qtbot,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from ui.upgrade_progress import open_with_upgrade
    path = tmp_path / "v6.db"
    _v6_database(path)
    assert migrations.upgrade_pending(path)
    seen = []

    class Watched(QProgressDialog):
        def show(self):
            super().show()
            seen.append(self.labelText())

    import ui.upgrade_progress
    monkeypatch.setattr(ui.upgrade_progress, "QProgressDialog", Watched)
    open_with_upgrade(path)
    try:
        assert seen and "Upgrading the database" in seen[0]
        assert migrations.current_version(database) == migrations.LATEST
        assert not migrations.upgrade_pending(path)
        assert [h.message_id for h in search.search_messages("refund")] == [1]
    finally:
        close_database()


def test_a_current_or_new_database_needs_no_upgrade(tmp_path):
    assert not migrations.upgrade_pending(tmp_path / "none.db")
    open_database(tmp_path / "now.db")
    close_database()
    assert not migrations.upgrade_pending(tmp_path / "now.db")
