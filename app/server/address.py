"""The address of a shop database on a PostgreSQL server: `postgresql://user@host:port/name`.

An address is what AfterDesk stores (settings, `--db`) and shows (logs, messages): it never
holds a password. The password of `user` on `host:port` is kept in the keyring under
SECRET_SERVICE, named by `shown()` of the address. An address typed with a password in it
(`postgresql://user:secret@host/name`) has the password moved to the keyring by `remember`
and is used without it from then on.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from app.errors import InvalidInput

SCHEMES = ("postgresql", "postgres")
SECRET_SERVICE = "AfterDesk shop server"
DEFAULT_PORT = 5432


def is_server_address(text) -> bool:
    """True when `text` names a server database rather than a file."""
    return isinstance(text, str) and text.split("://", 1)[0].lower() in SCHEMES \
        and "://" in text


@dataclass(frozen=True)
class ServerAddress:
    user: str
    host: str
    port: int
    name: str
    password: str | None = None     # only as typed; never shown, never stored

    def shown(self) -> str:
        """The address without its password: what settings, logs and messages hold."""
        return (f"postgresql://{quote(self.user, safe='')}@{self.host}:{self.port}/"
                f"{quote(self.name, safe='')}")

    def __str__(self) -> str:
        return self.shown()

    def connect_params(self, password: str | None) -> dict:
        """The driver's settings. A connection whose server went without closing it (the
        network cut) is given up by the operating system within about 20 s (TCP
        keepalives, and the time unacknowledged data may wait) instead of minutes, so a
        reading fails and the window says the server is gone (docs/server.md)."""
        params = {"user": self.user, "host": self.host, "port": self.port,
                  "connect_timeout": 5, "application_name": "AfterDesk",
                  "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
                  "keepalives_count": 3, "tcp_user_timeout": 20000}
        if password is not None:
            params["password"] = password
        return params


def parse(text: str) -> ServerAddress:
    """The parts of `text`; InvalidInput when it is no complete server address."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise InvalidInput("'{address}' is not a server address such as "
                           "postgresql://rep@shop-server:5432/afterdesk",
                           address=_without_password(text)) from None
    name = unquote(parts.path.lstrip("/"))
    if parts.scheme.lower() not in SCHEMES or not parts.hostname or not parts.username \
            or not name or "/" in name:
        raise InvalidInput("'{address}' is not a server address such as "
                           "postgresql://rep@shop-server:5432/afterdesk",
                           address=_without_password(text))
    password = unquote(parts.password) if parts.password is not None else None
    return ServerAddress(unquote(parts.username), parts.hostname, port, name, password)


def shown(text) -> str:
    """`text` (an address, perhaps with a password) as it may be shown or stored."""
    try:
        return parse(str(text)).shown()
    except InvalidInput:
        return _without_password(str(text))


def _without_password(text: str) -> str:
    head, sep, rest = str(text).partition("://")
    if "@" in rest:
        credentials, _, where = rest.rpartition("@")
        return f"{head}{sep}{credentials.split(':', 1)[0]}@{where}"
    return str(text)


def remember(address: ServerAddress) -> ServerAddress:
    """Keep a password typed in the address in the keyring; the address without it."""
    from app.secrets import set_secret

    if address.password is not None:
        set_secret(SECRET_SERVICE, address.shown(), address.password)
    return ServerAddress(address.user, address.host, address.port, address.name)


def password(address: ServerAddress) -> str | None:
    """The password the keyring holds for `address` (None: the server asks for none, or
    libpq finds it itself, e.g. in pgpass)."""
    from app.secrets import get_secret

    if address.password is not None:
        return address.password
    return get_secret(SECRET_SERVICE, address.shown())
