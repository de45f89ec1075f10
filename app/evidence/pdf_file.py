"""A PDF file written through a temporary file beside it: a failed or cancelled document
leaves nothing behind, and a reader never sees half a file. The evidence pack and the
conversation transcript are written this way."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable


def write_pdf_file(out: str | Path, paint: Callable[[Any], Any], *, title: str,
                   resolution: int, page_size, margins=None) -> Any:
    """Paint the pages onto a QPdfWriter (`paint(writer)`), then move the file to `out`;
    returns what `paint` returned. `margins`: (QMarginsF, QPageLayout.Unit), or the
    writer's own."""
    from PySide6.QtGui import QPdfWriter

    out = Path(out)
    temporary = out.with_name(f".{out.name}.part")
    writer = QPdfWriter(str(temporary))
    writer.setResolution(resolution)
    writer.setPageSize(page_size)
    if margins is not None:
        writer.setPageMargins(*margins)
    writer.setTitle(title)
    writer.setCreator("AfterDesk")
    try:
        result = paint(writer)
        del writer                       # the writer finishes the file when it goes
        os.replace(temporary, out)
    except BaseException:
        try:
            del writer
        except NameError:
            pass
        temporary.unlink(missing_ok=True)
        raise
    return result
