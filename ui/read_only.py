"""What a login that may not write is shown instead of a write: on a shop server a viewer
reads only (app/server/roles.py, docs/server.md "What a viewer sees"). The controls that
would write are off (or hidden) and a short note says why, so the window never offers
what the server would refuse. (What is the owner's alone, a rep meets in Settings only:
ui/settings_dialog/dialog.py.)

The role is the one kept when the window opened the database (app.services.common.reps:
no query here); the screens ask again at each reload, so a role the owner changes shows
at the next reading of the changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.services.common.reps import may_write
from ui.tones import style_text


def allowed() -> bool:
    """True when this login may make a rep's writes (a viewer may not)."""
    return may_write()


def note_text() -> str:
    return QCoreApplication.translate(
        "ReadOnly", "This login reads only (a viewer): ask the shop's owner for a rep's "
                    "role to change it.")


def note(parent: QWidget | None = None) -> QLabel:
    """The short note, hidden until `show_role` finds the login may not write."""
    label = QLabel(note_text(), parent)
    label.setWordWrap(True)
    style_text(label, "muted")
    label.hide()
    return label


def show_role(label: QLabel | None, widgets, enabled: bool = True) -> bool:
    """Turn `widgets` on when `enabled` and this login may write; the note says why
    not. True when the login may write."""
    ok = allowed()
    for widget in widgets:
        widget.setEnabled(enabled and ok)
    if label is not None:
        label.setVisible(not ok)
    return ok
