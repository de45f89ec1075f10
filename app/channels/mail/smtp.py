"""SMTP submission: implicit TLS or STARTTLS (plain only for a local server, see
app.channels.account), with the account's login.

What the server said decides what happens to the answer: refused before the mail was
handed over → it did not go (Refused: the item fails; or a problem of the account: it
waits); the connection lost while the mail was being handed over → Unsure (it may have
gone: never sent again by itself).
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from app.channels import states
from app.channels.errors import (ChannelProblem, classify, problem, refused,
                                 server_words, wrong_password)
from app.channels.problem_texts import text

TIMEOUT = 60.0


class Unsure(ChannelProblem):
    """The connection ended while the mail was being handed over."""

    def __init__(self, host: str, detail: str = ""):
        super().__init__(states.OFFLINE, text("cut_off", host=host), detail=detail)


def _open(settings: dict, password: str | None) -> smtplib.SMTP:
    host, port, security = settings["smtp_host"], settings["smtp_port"], settings["security"]
    try:
        if security == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(host, port, timeout=TIMEOUT)
            if security == "starttls":
                client.starttls(context=ssl.create_default_context())
        client.ehlo_or_helo_if_needed()
        if password is not None and client.has_extn("auth"):
            client.login(settings["user"], password)
        return client
    except smtplib.SMTPAuthenticationError as exc:
        raise wrong_password(host, exc) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise problem(states.ERROR, "no_secure_sending", retry=False, detail=str(exc),
                      host=host) from exc
    except Exception as exc:  # noqa: BLE001 - classified for the rep
        raise classify(exc, host) from exc


def submit(settings: dict, password: str | None, mail: EmailMessage) -> None:
    """Hand `mail` to the account's SMTP server (raises Refused, Unsure or a problem of
    the account; returns when the server took it)."""
    host = settings["smtp_host"]
    client = _open(settings, password)
    try:
        client.send_message(mail)
    except smtplib.SMTPRecipientsRefused as exc:
        said = "; ".join(f"{code} {_said(words)}" for code, words in exc.recipients.values())
        raise refused("address_refused", detail=str(exc), said=said,
                      addresses=", ".join(exc.recipients)) from exc
    except smtplib.SMTPSenderRefused as exc:
        raise refused("sender_refused", detail=str(exc), said=server_words(exc),
                      sender=_said(exc.sender)) from exc
    except smtplib.SMTPDataError as exc:
        if 400 <= exc.smtp_code < 500:
            raise problem(states.ERROR, "try_later", detail=str(exc), said=server_words(exc),
                          host=host) from exc
        raise refused("answer_refused", detail=str(exc), said=server_words(exc)) from exc
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise Unsure(host, str(exc)) from exc
    finally:
        try:
            client.quit()
        except Exception:  # noqa: BLE001 - the mail is handed over or not; closing only
            client.close()


def check(settings: dict, password: str | None) -> None:
    """Log in and out (the account's connection test)."""
    client = _open(settings, password)
    try:
        client.quit()
    except Exception:  # noqa: BLE001
        client.close()


def _said(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
