"""Baidu Translate (百度翻译开放平台, general text translation) as a translator (AE-13).

A Chinese shop gets an app id and a key at fanyi-api.baidu.com. The app id is a setting
(`translation.baidu_app_id`), the key lives in the system keyring (app/secrets.py), never
in the settings or the database. The request is a form POST of q, from, to, appid, salt
and sign, where sign is the MD5 (lower-case hex) of appid + q + salt + key, q taken as
the UTF-8 text before any URL encoding. The answer is JSON: `trans_result` holds one
{src, dst} per line of q, or `error_code` and `error_msg` say what went wrong; each code
a rep can meet has its own message in PROBLEMS (shown in the rep's language by the window).

The endpoint is a setting too (`translation.baidu_endpoint`), so the tests talk to a local
server that checks the signature the way Baidu does.
"""

from __future__ import annotations

import hashlib
import json
import secrets as random_source
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from app.errors import ServiceError

NAME = "Baidu Translate"
DEFAULT_ENDPOINT = "https://fanyi-api.baidu.com/api/trans/vip/translate"
KEYRING_SERVICE = "AfterDesk Baidu Translate"
TIMEOUT_SECONDS = 15
MAX_QUERY_BYTES = 6000          # Baidu asks for at most about 6,000 bytes per request
# The standard account takes one request a second (its QPS): requests are spaced that far,
# and one answered with 54003 (too frequent) is tried once more after the interval.
REQUEST_INTERVAL_SECONDS = 1.0
RATE_LIMITED = "54003"

# AfterDesk's language codes (app.services.messaging.translation.LANGUAGES) → Baidu's.
LANGUAGE_CODES = {"zh": "zh", "en": "en", "es": "spa", "pt": "pt", "fr": "fra", "ru": "ru",
                  "de": "de", "ko": "kor", "ja": "jp", "ar": "ara", "pl": "pl", "nl": "nl"}

PROBLEMS = {
    "not_set_up": "No online translator is set up. Add a Baidu Translate app id and key in "
                  "Settings › Translation.",
    "unreachable": "Baidu Translate could not be reached ({reason}). Check the internet "
                   "connection and try again; the phrase memory still works offline.",
    "bad_answer": "Baidu Translate gave an answer AfterDesk cannot read. Try again later.",
    "too_long": "The text is too long to translate in one go: translate it in parts.",
    "language": "Baidu Translate does not translate {language}.",
    "52001": "Baidu Translate took too long to answer. Try again.",
    "52002": "Baidu Translate had a problem of its own. Try again in a moment.",
    "52003": "Baidu Translate does not know this app id. Check the app id in Settings › "
             "Translation.",
    "54000": "Baidu Translate says a part of the request is missing. Check the app id and "
             "key in Settings › Translation.",
    "54001": "Baidu Translate refused the signature: the key does not belong to this app id. "
             "Enter the key again in Settings › Translation.",
    "54003": "Too many translations at once for this Baidu Translate account. Wait a "
             "second and try again, or upgrade the account.",
    "54004": "The Baidu Translate account has no balance left. Top it up in the Baidu "
             "Translate console.",
    "54005": "Long texts were sent too often. Wait a few seconds and try again.",
    "58000": "Baidu Translate does not accept requests from this computer's IP address. "
             "Add the address in the Baidu Translate console, or leave the IP list empty.",
    "58001": "Baidu Translate does not translate between these languages.",
    "58002": "The translation service of this Baidu Translate account is switched off. "
             "Switch it on in the Baidu Translate console.",
    "90107": "This Baidu Translate account is not verified yet. Finish the verification "
             "in the Baidu Translate console.",
    "other": "Baidu Translate refused the translation (code {code}: {detail}).",
}


class TranslationProblem(ServiceError):
    """A translator could not translate. Like InvalidInput it keeps `template` and `values`
    so the window shows it in the rep's language."""

    def __init__(self, key: str, **values):
        self.key = key
        self.template = PROBLEMS[key]
        self.values = values
        super().__init__(self.template.format(**values) if values else self.template)


def sign(app_id: str, query: str, salt: str, key: str) -> str:
    """MD5 of appid + q + salt + key (q as written, UTF-8), lower-case hex."""
    return hashlib.md5((app_id + query + salt + key).encode("utf-8")).hexdigest()


def baidu_language(code: str) -> str:
    try:
        return LANGUAGE_CODES[code]
    except KeyError:
        raise TranslationProblem("language", language=code) from None


class BaiduTranslator:
    """One request per text; every line of the text comes back translated."""

    name = NAME
    _last_request = 0.0                 # monotonic time of this process's last request
    _spacing = threading.Lock()

    def __init__(self, app_id: str, key: str, endpoint: str = DEFAULT_ENDPOINT):
        self.app_id, self.key, self.endpoint = app_id, key, endpoint or DEFAULT_ENDPOINT

    def translate(self, text: str, source: str, target: str) -> str | None:
        if not text.strip():
            return None
        if len(text.encode("utf-8")) > MAX_QUERY_BYTES:
            raise TranslationProblem("too_long")
        languages = (baidu_language(source) if source else "auto", baidu_language(target))
        answer = self._ask(text, *languages)
        if str(answer.get("error_code", "")) == RATE_LIMITED:
            answer = self._ask(text, *languages)
        if "error_code" in answer and str(answer["error_code"]) not in ("", "0", "52000"):
            code = str(answer["error_code"])
            if code in PROBLEMS:
                raise TranslationProblem(code)
            raise TranslationProblem("other", code=code,
                                     detail=str(answer.get("error_msg", ""))[:200])
        lines = answer.get("trans_result")
        if not isinstance(lines, list) or not all(isinstance(x, dict) and "dst" in x
                                                  for x in lines):
            raise TranslationProblem("bad_answer")
        return "\n".join(str(line["dst"]) for line in lines) or None

    def _ask(self, text: str, source: str, target: str) -> dict:
        salt = str(random_source.randbelow(10 ** 10))
        form = {"q": text, "from": source, "to": target, "appid": self.app_id, "salt": salt,
                "sign": sign(self.app_id, text, salt, self.key)}
        with BaiduTranslator._spacing:
            wait = BaiduTranslator._last_request + REQUEST_INTERVAL_SECONDS - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self._post(urllib.parse.urlencode(form).encode("ascii"))
            finally:
                BaiduTranslator._last_request = time.monotonic()

    def _post(self, body: bytes) -> dict:
        request = urllib.request.Request(
            self.endpoint, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise TranslationProblem("unreachable", reason=f"HTTP {exc.code}") from None
        except (urllib.error.URLError, socket.timeout, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise TranslationProblem("unreachable", reason=str(reason)[:200]) from None
        try:
            answer = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise TranslationProblem("bad_answer") from None
        if not isinstance(answer, dict):
            raise TranslationProblem("bad_answer")
        return answer
