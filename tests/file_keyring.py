"""A keyring kept in a JSON file in the test's temporary folder, so tests never touch the
user's real keyring. In-process: keyring.set_keyring(FileKeyring(path)); a child process
gets it with PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring and the file's path in
AFTERDESK_TEST_KEYRING."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "AFTERDESK_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls):
        if ENV not in os.environ:      # never chosen by itself outside a test's child
            raise RuntimeError("a keyring for tests only")
        return 1

    def __init__(self, path: str | Path | None = None):
        super().__init__()
        self.path = Path(path or os.environ[ENV])

    def _load(self) -> dict:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def _save(self, values: dict) -> None:
        self.path.write_text(json.dumps(values))

    def get_password(self, service, username):
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service, username, password):
        values = self._load()
        values[f"{service}\x00{username}"] = password
        self._save(values)

    def delete_password(self, service, username):
        values = self._load()
        if values.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(values)
