"""Further `afterdesk` subcommands, one module each.

A module here defines `register(subparsers) -> dict[str, handler]`: it adds its parsers and
returns the handler of each command name it added; a handler is `handler(args, db_path) -> int`
and runs with the database open. They are found by themselves: no list to edit.
"""

from __future__ import annotations

import importlib
import pkgutil


def register_all(subparsers) -> dict:
    handlers: dict = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            added = register(subparsers)
            clash = set(added) & set(handlers)
            if clash:
                raise RuntimeError(f"command defined twice: {', '.join(sorted(clash))}")
            handlers.update(added)
    return handlers
