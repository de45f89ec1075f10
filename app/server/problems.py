"""What a PostgreSQL server's errors mean for a rep: the keys of app.db.PROBLEMS.

The server names most errors by their SQLSTATE code (https://www.postgresql.org/docs/15/
errcodes-appendix.html); a failed connection has none, so the driver's words about it
are read (a refused or timed-out connection, a failed login, a missing database).
"""

from __future__ import annotations

import sys

_BY_CODE = {
    "53100": "server_full",             # disk_full
    "53200": "server_full",             # out_of_memory
    "42501": "server_denied",           # insufficient_privilege
    "25006": "server_denied",           # read_only_sql_transaction
    "40001": "server_conflict",         # serialization_failure
    "40P01": "server_conflict",         # deadlock_detected
    "55P03": "locked",                  # lock_not_available
    "28000": "server_login",            # invalid_authorization_specification
    "28P01": "server_login",            # invalid_password
    "3D000": "server_missing",          # invalid_catalog_name
}
_BY_CLASS = {"08": "server_unreachable", "57": "server_unreachable", "53": "server_full"}
_LOGIN_WORDS = ("password authentication failed", "no password supplied",
                "no pg_hba.conf entry")


def _driver_error(exc: BaseException | None):
    psycopg2 = sys.modules.get("psycopg2")
    if psycopg2 is None:
        return None
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, psycopg2.Error):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return None


def problem_key(exc: BaseException) -> str | None:
    """Which of app.db.PROBLEMS a server error is; None for no expected problem (a bug,
    a constraint) or no server error at all."""
    error = _driver_error(exc)
    if error is None:
        return None
    code = getattr(error, "pgcode", None)
    if code:
        return _BY_CODE.get(code) or _BY_CLASS.get(code[:2])
    import psycopg2
    if isinstance(error, psycopg2.OperationalError | psycopg2.InterfaceError):
        words = str(error)
        missing = "does not exist" in words
        if any(w in words for w in _LOGIN_WORDS) or (missing and 'role "' in words):
            return "server_login"
        if missing and 'database "' in words:
            return "server_missing"
        return "server_unreachable"
    return None


def problem_text(error: BaseException) -> str:
    """The driver's own words, on one line, without libpq's trailing newline."""
    found = _driver_error(error) or error
    return " ".join(str(found).split())
