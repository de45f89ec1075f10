"""Real mail servers on loopback for the channel tests: Debian's Dovecot (IMAP) with a
throw-away configuration in a temporary folder, and an aiosmtpd SMTP server that keeps
what it received. Each starts on a free port and is stopped by the test session."""

from __future__ import annotations

import email
import imaplib
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from tests.system_packages import require

PASSWORD = "secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_port(port: int, up: bool, seconds: float = 15.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} did not come {'up' if up else 'down'}")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (cert, key), made with openssl."""
    cert, key = folder / "server.crt", folder / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    os.chmod(key, 0o644)
    os.chmod(cert, 0o644)
    return cert, key


class Dovecot:
    """One Dovecot master process serving IMAP on 127.0.0.1:`port` for `users`."""

    def __init__(self, base: Path, users=("rep@shop.test",), tls: bool = False):
        require("dovecot-imapd")
        self.base = Path(base)
        self.users = list(users)
        self.port = free_port()
        self.tls = tls                   # implicit TLS with a self-signed certificate
        self.certificate: Path | None = None

    @classmethod
    def in_temporary_folder(cls, users=(), tls: bool = False) -> "Dovecot":
        """In a folder of its own that Dovecot's unprivileged processes can enter (pytest's
        temporary folders are private to their owner)."""
        import tempfile
        return cls(Path(tempfile.mkdtemp(prefix="afterdesk-dovecot-")), users, tls)

    def remove(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)

    def _write_config(self) -> Path:
        base = self.base
        for sub in ("run", "mail"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        for folder in (base, base / "run"):
            os.chmod(folder, 0o755)
        (base / "users").write_text("".join(f"{u}:{{PLAIN}}{PASSWORD}\n" for u in self.users))
        os.chmod(base / "users", 0o644)
        shutil.chown(base / "mail", "dovecot", "dovecot")
        config = base / "dovecot.conf"
        if self.tls:
            self.certificate, key = make_certificate(base)
            ssl = f"ssl = required\nssl_cert = <{self.certificate}\nssl_key = <{key}"
            listeners = f"inet_listener imap {{\n    port = 0\n  }}\n  inet_listener imaps {{\n    port = {self.port}\n    ssl = yes\n  }}"
        else:
            ssl = "ssl = no"
            listeners = f"inet_listener imap {{\n    port = {self.port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}"
        config.write_text(f"""\
protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={base}/mail/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
service imap-login {{
  {listeners}
}}
service imap {{
  process_limit = 50
}}
log_path = {base}/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 100
""")
        return config

    def start(self) -> "Dovecot":
        config = self._write_config()
        # Its daemon children keep inherited pipes open: give it a file, not a pipe.
        with open(self.base / "start.log", "w") as log:
            code = subprocess.call(["dovecot", "-c", str(config)], stdout=log, stderr=log)
        if code != 0:
            raise RuntimeError(f"dovecot did not start: {(self.base / 'start.log').read_text()}")
        _wait_port(self.port, up=True)
        return self

    def stop(self) -> None:
        pid_file = self.base / "run" / "master.pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().split()[0])
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            end = time.monotonic() + 15
            while time.monotonic() < end:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        _wait_port(self.port, up=False)

    # --- what a buyer's mail client and the tests do -------------------------------------
    def connect(self, user: str = "rep@shop.test") -> imaplib.IMAP4:
        client = imaplib.IMAP4("127.0.0.1", self.port)
        client.login(user, PASSWORD)
        return client

    def append(self, raw: bytes, folder: str = "INBOX", user: str = "rep@shop.test",
               flags: str = "") -> None:
        client = self.connect(user)
        try:
            status, detail = client.append(folder, flags or None, None, raw)
            assert status == "OK", detail
        finally:
            client.logout()

    def messages(self, folder: str, user: str = "rep@shop.test") -> list:
        """Every mail of `folder` as (flags, email.message.Message)."""
        client = self.connect(user)
        try:
            client.select(folder, readonly=True)
            _, data = client.uid("SEARCH", None, "ALL")
            out = []
            for uid in data[0].split():
                _, parts = client.uid("FETCH", uid, "(FLAGS RFC822)")
                flags = parts[0][0].decode()
                out.append((flags, email.message_from_bytes(parts[0][1])))
            return out
        finally:
            client.logout()


class SmtpSink:
    """An aiosmtpd server on 127.0.0.1 that keeps every message it received. With
    `hold()`, its answer to a mail waits until `release()` (to stop a sender mid-send)."""

    def __init__(self, *, username: str | None = None, password: str = PASSWORD,
                 certificate: tuple[Path, Path] | None = None):
        from aiosmtpd.controller import Controller
        self.received: list = []
        self.refused: set = set()         # recipients answered with 550
        self.data_started = threading.Event()
        self._gate = threading.Event()
        self._gate.set()
        self.port = free_port()
        sink = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, options):
                if address.lower() in sink.refused:
                    return "550 5.1.1 no such mailbox"
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                import asyncio
                # Kept first, as a real server commits a mail before it answers: a sender
                # stopped while it waits for the answer does not know the mail went.
                sink.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                                      email.message_from_bytes(envelope.original_content)))
                sink.data_started.set()
                while not sink._gate.is_set():
                    await asyncio.sleep(0.02)
                return "250 OK"

        options = {}
        if username is not None:
            def authenticate(server, session, envelope, mechanism, auth_data):
                from aiosmtpd.smtp import AuthResult
                ok = (auth_data.login.decode() == username
                      and auth_data.password.decode() == password)
                sink.logins.append((auth_data.login.decode(), ok))
                return AuthResult(success=ok)
            options = {"authenticator": authenticate, "auth_require_tls": False}
        if certificate is not None:              # implicit TLS (submission on port 465)
            import ssl
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(certificate[0]), str(certificate[1]))
            options["ssl_context"] = context
        self.logins: list = []
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port,
                                     **options)

    def start(self) -> "SmtpSink":
        self.controller.start()
        return self

    def stop(self) -> None:
        self._gate.set()
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def hold(self) -> None:
        self.data_started.clear()
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()


def buyer_mail(subject="Where is my parcel?", body="Hello, my order has not arrived.",
               sender="Maria Silva <maria@buyer.test>", to="rep@shop.test", *,
               message_id=None, in_reply_to=None, references=None, charset="utf-8",
               headers=None, at=None) -> tuple[bytes, str]:
    """A buyer's mail as raw bytes, and its Message-ID."""
    mail = EmailMessage()
    message_id = message_id or make_msgid(domain="buyer.test")
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = format_datetime(at or datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc))
    mail["Message-ID"] = message_id
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
    if references:
        mail["References"] = references
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(body, charset=charset)
    return bytes(mail), message_id
