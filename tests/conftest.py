"""Shared fixtures. Qt runs offscreen; `app/` tests need no QApplication."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from app.db import close_database, open_database  # noqa: E402

settings.register_profile("ci", deadline=None, max_examples=60)
settings.load_profile("ci")


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated SQLite database in a temporary folder."""
    database = open_database(tmp_path / "afterdesk.db")
    yield database
    close_database()
