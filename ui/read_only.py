"""What a login that may not make a write is shown instead of it: on a shop server a
viewer reads only, and a rep leaves the owner's things alone (app/server/roles.py,
docs/server.md "What a viewer sees"). The controls that would write are off (or hidden)
and a short note says why, so the window never offers what the server would refuse.

The role is the one kept when the window opened the database (app.services.common.reps:
no query here); the screens ask again at each reload, so a role the owner changes shows
at the next reading of the changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.services.common.reps import may_write, my_role
from ui.tones import style_text


def allowed(owner_only: bool = False) -> bool:
    """True when this login may make the writes in question: any rep's (a viewer may
    not), or with `owner_only` the owner's alone."""
    return my_role() == "owner" if owner_only else may_write()


def note_text(owner_only: bool = False) -> str:
    if owner_only:
        return QCoreApplication.translate(
            "ReadOnly", "Only the shop's owner may change this; a rep reads it.")
    return QCoreApplication.translate(
        "ReadOnly", "This login reads only (a viewer): ask the shop's owner for a rep's "
                    "role to change it.")


def note(parent: QWidget | None = None, owner_only: bool = False) -> QLabel:
    """The short note, hidden until `show_role` finds the login may not write."""
    label = QLabel(note_text(owner_only), parent)
    label.setWordWrap(True)
    style_text(label, "muted")
    label.hide()
    return label


def show_role(label: QLabel | None, widgets, enabled: bool = True,
              owner_only: bool = False) -> bool:
    """Turn `widgets` on when `enabled` and this login may write; the note says why
    not. True when the login may write."""
    ok = allowed(owner_only)
    for widget in widgets:
        widget.setEnabled(enabled and ok)
    if label is not None:
        label.setVisible(not ok)
    return ok
