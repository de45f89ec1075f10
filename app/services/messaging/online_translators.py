"""Which online translator the rep has set up (Settings › Translation), and setting one up.

Today that is Baidu Translate: its app id and address are settings, its key is in the
system keyring under the app id. Without an app id there is no online translator and
only the offline phrase memory translates.
"""

from __future__ import annotations

from app import secrets
from app.errors import InvalidInput
from app.services.messaging import baidu_translate
from app.settings import Settings

APP_ID = "translation.baidu_app_id"
ENDPOINT = "translation.baidu_endpoint"


def configured_app_id(settings: Settings | None = None) -> str:
    return str((settings or Settings()).get(APP_ID)).strip()


def online_translator(settings: Settings | None = None):
    """The online translator set up on this computer, or None. A set-up translator whose
    key is missing from the keyring raises TranslationProblem("not_set_up")."""
    settings = settings or Settings()
    app_id = configured_app_id(settings)
    if not app_id:
        return None
    key = secrets.get_secret(baidu_translate.KEYRING_SERVICE, app_id)
    if not key:
        raise baidu_translate.TranslationProblem("not_set_up")
    return baidu_translate.BaiduTranslator(app_id, key, str(settings.get(ENDPOINT)).strip())


def set_up_baidu(app_id: str, key: str = "", endpoint: str = "",
                 settings: Settings | None = None) -> None:
    """Keep the app id (and address) in the settings and the key in the keyring. An empty
    key keeps the one already stored for this app id."""
    settings = settings or Settings()
    app_id, key = (app_id or "").strip(), (key or "").strip()
    record = "Baidu Translate"
    if not app_id.isdigit():
        raise InvalidInput("the app id is the number shown in the Baidu Translate console",
                           record=record, field="app id")
    if key:
        secrets.set_secret(baidu_translate.KEYRING_SERVICE, app_id, key)
    elif not secrets.get_secret(baidu_translate.KEYRING_SERVICE, app_id):
        raise InvalidInput("enter the key shown beside the app id in the Baidu Translate "
                           "console", record=record, field="key")
    settings.set(APP_ID, app_id)
    settings.set(ENDPOINT, (endpoint or "").strip())


def remove_baidu(settings: Settings | None = None) -> None:
    settings = settings or Settings()
    app_id = configured_app_id(settings)
    if app_id:
        secrets.delete_secret(baidu_translate.KEYRING_SERVICE, app_id)
    settings.set(APP_ID, "")
