"""app.secrets: passwords go to the keyring (a file-backed one in the test's folder)."""

import keyring
import pytest

from app import secrets
from tests.file_keyring import FileKeyring


@pytest.fixture
def file_keyring(tmp_path):
    before = keyring.get_keyring()
    ring = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def test_set_get_delete_by_service_and_name(file_keyring):
    assert secrets.get("mail-account", "shop1") is None
    secrets.set("mail-account", "shop1", "pa55")
    secrets.set("signing-key", "shop1", "other")
    assert secrets.get("mail-account", "shop1") == "pa55"
    assert secrets.get("signing-key", "shop1") == "other"
    secrets.delete("mail-account", "shop1")
    secrets.delete("mail-account", "shop1")          # forgetting twice is no error
    assert secrets.get("mail-account", "shop1") is None
    assert secrets.get("signing-key", "shop1") == "other"


def test_no_keyring_is_a_clear_refusal(tmp_path):
    from keyring.backends.fail import Keyring as NoKeyring
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        with pytest.raises(secrets.SecretsUnavailable, match="password store"):
            secrets.set("mail-account", "x", "y")
    finally:
        keyring.set_keyring(before)
