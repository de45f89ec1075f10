"""A throw-away PostgreSQL 15 cluster on 127.0.0.1 for the tests (Debian's `postgresql`).

The cluster lives in a temporary folder owned by the `postgres` user (the server refuses
to run as root); its superuser `postgres` logs in over TCP with a password
(scram-sha-256), as a rep's AfterDesk would. Each test gets a database of its own, copied
from a template that holds AfterDesk's migrated, empty schema.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from tests.system_packages import require

BIN = Path("/usr/lib/postgresql/15/bin")
SUPERUSER = "postgres"
TEMPLATE = "afterdesk_template"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    command = [str(a) for a in args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=True, **kwargs)


class Cluster:
    def __init__(self):
        require("postgresql")
        self.folder = Path(tempfile.mkdtemp(prefix="afterdesk-pg-"))
        self.data = self.folder / "data"
        self.password = secrets.token_hex(8)
        self.port = _free_port()
        password_file = self.folder / "pw"
        password_file.write_text(self.password)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(password_file, "postgres")
        _as_postgres([BIN / "initdb", "-D", self.data, "-U", SUPERUSER, "--pwfile", password_file,
                      "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8",
                      "--locale=C.UTF-8"])
        self.start()

    def start(self) -> None:
        """Start the server (again, after `halt`: same port, same data)."""
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
                   f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        _as_postgres([BIN / "pg_ctl", "-D", self.data, "-o", options, "-l",
                      self.folder / "log", "-w", "start"])

    def halt(self) -> None:
        """Stop the server as a shop's server goes down (its clients' connections ended),
        its data kept: `start` brings it back."""
        _as_postgres([BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])

    def address(self, name: str, *, password: bool = True, user: str = SUPERUSER) -> str:
        secret = f":{self.password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{name}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        done = _as_postgres([BIN / "psql", "-h", self.folder, "-p", self.port, "-U", SUPERUSER,
                             "-d", database, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", statement])
        return done.stdout.strip()

    def stop(self) -> None:
        _as_postgres([BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)
