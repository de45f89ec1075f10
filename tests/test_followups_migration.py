"""Schema version 5 (follow-ups, complaints) upgrades a version-1 database keeping its data."""

import sqlite3

from app import migrations
from app.db import close_database, open_database
from app.migrations import m0001_initial


def test_a_v1_database_with_data_is_migrated_forward(tmp_path):
    path = tmp_path / "v1.db"
    con = sqlite3.connect(path)
    for statement in m0001_initial.SQLITE_STATEMENTS:
        con.execute(statement)
    con.execute('CREATE TABLE "schema_version" ("version" INTEGER NOT NULL PRIMARY KEY, '
                '"description" TEXT NOT NULL, "applied_at" VARCHAR(32) NOT NULL)')
    con.execute("INSERT INTO schema_version VALUES (1, 'initial schema', '2026-01-01T00:00:00Z')")
    con.execute("INSERT INTO shop VALUES (1, 'ae', 'aliexpress', 'Shop', 'America/Los_Angeles',"
                " 'USD', '2026-03-01 00:00:00')")
    con.execute("INSERT INTO buyer (id, shop_id, login, name, country, language, email, phone,"
                " note) VALUES (1, 1, 'maria', 'Maria', 'BR', 'pt', '', '', '')")
    con.execute("INSERT INTO conversation (id, uid, shop_id, buyer_id, channel, subject, language,"
                " star, assigned_to, created_at, last_message_at, is_read, is_replied) VALUES "
                "(1, 'u1', 1, 1, 'site_message', 'Pedido', 'pt', 'none', '', "
                "'2026-03-01 00:00:00', '2026-03-01 00:00:00', 1, 1)")
    con.commit()
    con.close()

    db = open_database(path)
    try:
        assert migrations.current_version(db) == migrations.LATEST >= 5
        from app.models import Buyer, Conversation
        from app.models.complaints import Complaint, ComplaintStep
        from app.models.followups import FollowUpAttempt, FollowUpState
        conv = Conversation.get_by_id(1)
        assert (conv.subject, conv.buyer.login, Buyer.select().count()) == ("Pedido", "maria", 1)
        for model in (FollowUpAttempt, FollowUpState, Complaint, ComplaintStep):
            assert model.select().count() == 0          # the new tables exist, empty
        FollowUpState.create(conversation=conv, reason="busy", updated_at=conv.created_at)
        assert FollowUpState.get().reason == "busy"
    finally:
        close_database()
