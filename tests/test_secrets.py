"""app.secrets: secrets go to the keyring (the file-backed one conftest gives each test)."""

import keyring
import pytest

from app import secrets


def test_set_get_delete_by_service_and_name(file_keyring):
    assert secrets.get_secret("AfterDesk mail account", "shop1") is None
    secrets.set_secret("AfterDesk mail account", "shop1", "pa55")
    secrets.set_secret("AfterDesk evidence signing", "shop1", "other")
    assert secrets.get_secret("AfterDesk mail account", "shop1") == "pa55"
    assert secrets.get_secret("AfterDesk evidence signing", "shop1") == "other"
    secrets.delete_secret("AfterDesk mail account", "shop1")
    secrets.delete_secret("AfterDesk mail account", "shop1")     # twice is no error
    assert secrets.get_secret("AfterDesk mail account", "shop1") is None
    assert secrets.get_secret("AfterDesk evidence signing", "shop1") == "other"


def test_no_keyring_is_a_clear_refusal():
    from keyring.backends.fail import Keyring as NoKeyring
    keyring.set_keyring(NoKeyring())
    with pytest.raises(secrets.SecretStoreUnavailable, match="keyring cannot be used"):
        secrets.set_secret("AfterDesk mail account", "x", "y")
