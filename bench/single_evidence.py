"""Time to build an evidence pack of 500 messages and 20 photos (goal: at most 2 s).

    python -m bench.single_evidence [--messages 500] [--photos 20] [--keep DIR]

Sets up a demo database in a temporary folder (not timed), adds a conversation of N messages
(Chinese and English, with translations) and N photos (1600×1200 JPEG) to a live dispute's
pack (bench/fig_evidence.py), then times building the PDF and the ZIP, and checks the ZIP
with verify. `python -m bench` measures the same pack (figure P7) in the shop-scale data.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--keep", help="folder to keep the PDF and ZIP in")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="afterdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["AFTERDESK_HOME"] = str(folder / "home")

    from bench.fig_evidence import prepare
    from app.db import open_database
    from app.demo import load_demo
    from app.evidence.qt_env import ensure_gui_app, pdf_font_family
    from app.evidence.verify import verify_zip
    from app.services.casework import evidence

    ensure_gui_app()
    pdf_font_family()
    open_database(folder / "bench.db")
    load_demo(orders_per_shop=60)
    dispute, _photos = prepare(args.messages, args.photos)
    content = evidence.content(dispute)
    print(f"pack: {content.message_count} messages, {len(content.files)} photos")
    for suffix in (".pdf", ".zip"):
        out = folder / f"pack{suffix}"
        began = time.perf_counter()
        result = evidence.build_pack(dispute, out, page_budget=0)
        took = time.perf_counter() - began
        print(f"{out.name}: {result.pages} pages, {out.stat().st_size / 1e6:.1f} MB, "
              f"{took:.2f} s (goal <= 2 s)")
    print("verify:", verify_zip(folder / "pack.zip").lines()[0])
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
