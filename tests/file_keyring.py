"""A keyring that keeps its secrets in a JSON file in the test's temporary folder, so no
test ever reads or writes the user's real keyring (conftest sets one for every test)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls):
        # Never chosen by keyring's own search: tests set it with set_keyring, or name it
        # (PYTHON_KEYRING_BACKEND) together with its file.
        if "AFTERDESK_TEST_KEYRING" not in os.environ:
            raise RuntimeError("a keyring for tests only")
        return 1

    def __init__(self, path: Path | None = None):
        super().__init__()
        # PYTHON_KEYRING_BACKEND=tests.file_keyring.FileKeyring makes it the keyring of a
        # command run in a subprocess, with its file named by AFTERDESK_TEST_KEYRING.
        self.path = Path(path or os.environ.get("AFTERDESK_TEST_KEYRING", "keyring.json"))

    def _load(self) -> dict:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service, username):
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self.path.write_text(json.dumps(data))
