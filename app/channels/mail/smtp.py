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
from app.channels.errors import ChannelProblem, Refused, classify, wrong_password

TIMEOUT = 60.0


class Unsure(ChannelProblem):
    """The connection ended while the mail was being handed over."""

    def __init__(self, server: str, detail: str = ""):
        super().__init__(states.OFFLINE, f"The connection to {server} ended while the "
                         "answer was being sent: it may have reached the buyer.",
                         detail=detail)


def _open(settings: dict, password: str | None) -> smtplib.SMTP:
    host, port, security = settings["smtp_host"], settings["smtp_port"], settings["security"]
    server = f"The mail server {host}"
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
        raise wrong_password(server, str(exc)) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise ChannelProblem(states.ERROR, f"{server} does not offer secure sending on this "
                             "port: check the port and the security setting.",
                             retry=False, detail=str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - classified for the rep
        raise classify(exc, server) from exc


def submit(settings: dict, password: str | None, mail: EmailMessage) -> None:
    """Hand `mail` to the account's SMTP server (raises Refused, Unsure or a problem of
    the account; returns when the server took it)."""
    server = f"The mail server {settings['smtp_host']}"
    client = _open(settings, password)
    try:
        client.send_message(mail)
    except smtplib.SMTPRecipientsRefused as exc:
        raise Refused("The mail server refused the buyer's address "
                      f"({', '.join(exc.recipients)}).", str(exc)) from exc
    except smtplib.SMTPSenderRefused as exc:
        raise Refused(f"The mail server refused to send from {exc.sender}: "
                      f"{_said(exc.smtp_error)}", str(exc)) from exc
    except smtplib.SMTPDataError as exc:
        if 400 <= exc.smtp_code < 500:
            raise ChannelProblem(states.ERROR, f"{server} asked to try later: "
                                 f"{_said(exc.smtp_error)}", detail=str(exc)) from exc
        raise Refused(f"The mail server refused the answer: {_said(exc.smtp_error)}",
                      str(exc)) from exc
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise Unsure(server, str(exc)) from exc
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
