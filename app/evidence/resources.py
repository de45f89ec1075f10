"""Where AfterDesk's bundled resources (fonts, statement templates) are, also when frozen."""

from __future__ import annotations

import sys
from pathlib import Path

CJK_FONT_FILE = "wqy-microhei.ttc"
CJK_FAMILY = "WenQuanYi Micro Hei"


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / CJK_FONT_FILE


def templates_dir() -> Path:
    return resources_dir() / "templates"
