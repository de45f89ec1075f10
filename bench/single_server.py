"""Figure P12 alone: the shops generated as for `python -m bench` (in a SQLite file), moved
to a shop database on a PostgreSQL server with `server move-from`, then the inbox and the
search measured there against raw SQL on the same server (bench/fig_server.py).

    python -m bench.single_server --server postgresql://USER@HOST:PORT/NAME [--scale 0.1]
                                  [--folder DIR]

The server database must be empty (`afterdesk server init` makes one); its password comes
from the keyring as for AfterDesk, or once in the address.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="an empty shop database's address")
    parser.add_argument("--scale", type=float, default=1.0, help="the full shop times this")
    parser.add_argument("--folder", help="where the generated SQLite shop is kept")
    args = parser.parse_args(argv)

    from bench.run import _shop_data, machine
    from bench.scale import scaled
    from app.commands.server_move import move_from
    from app.db import close_database, open_database
    scale = scaled(args.scale)
    folder = Path(args.folder or tempfile.mkdtemp(prefix="afterdesk-p12-"))
    data = _shop_data(folder, scale, 7, print)
    began = time.perf_counter()
    moved = move_from(folder / "shop.db", args.server)
    print(f"moved {moved.rows} rows to {moved.address} in {time.perf_counter() - began:.1f} s")
    open_database(moved.address)
    try:
        from bench import fig_server
        figure = fig_server.measure(scale)
    finally:
        close_database()
    print(json.dumps({"figure": figure.to_json(), "data": data, "scale": scale.describe(),
                      "machine": machine()}, ensure_ascii=False, indent=1))
    return 0 if figure.holds else 1


if __name__ == "__main__":
    raise SystemExit(main())
