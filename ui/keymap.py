"""Every keyboard shortcut of the main window, in one table without clashes.

Each entry has a key (what code asks for), the keys a rep presses, and what they do; the
window, the composer and the list pages take their shortcuts from here, and Help › Keyboard
shortcuts lists this table. Page keys are Alt+1…9, so Ctrl+1…9 stay with the quick phrases
in the reply box. Windows of their own (the picture viewer) keep their own keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence

NATIVE = QKeySequence.SequenceFormat.NativeText
MAX_PAGES = 9
MAX_NUMBERED_PHRASES = 9


@dataclass(frozen=True)
class Shortcut:
    key: str            # what code asks for
    keys: tuple[str, ...]   # portable key texts, e.g. "Ctrl+Return"
    what: str           # English; shown translated (context "Keymap")


def _shortcuts() -> tuple[Shortcut, ...]:
    fixed = [
        Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("Keymap", "Quit AfterDesk")),
        Shortcut("refresh", ("F5",),
                 QT_TRANSLATE_NOOP("Keymap", "Read the page on show again")),
        Shortcut("settings", ("Ctrl+,",), QT_TRANSLATE_NOOP("Keymap", "Settings")),
        Shortcut("backup", ("Ctrl+Shift+B",), QT_TRANSLATE_NOOP("Keymap", "Back up now")),
        Shortcut("shortcuts", ("F1",),
                 QT_TRANSLATE_NOOP("Keymap", "This list of keyboard shortcuts")),
        Shortcut("search", ("Ctrl+F",),
                 QT_TRANSLATE_NOOP("Keymap", "Search the conversations")),
        Shortcut("reply", ("Ctrl+E",),
                 QT_TRANSLATE_NOOP("Keymap", "Write in the reply box")),
        Shortcut("back_to_list", ("Esc",),
                 QT_TRANSLATE_NOOP("Keymap", "From the reply box back to the list")),
        Shortcut("send", ("Ctrl+Return", "Ctrl+Enter"),
                 QT_TRANSLATE_NOOP("Keymap", "Send the reply")),
        Shortcut("send_and_next", ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
                 QT_TRANSLATE_NOOP("Keymap", "Send, then open the next conversation of the list")),
        Shortcut("phrase_picker", ("Ctrl+K",),
                 QT_TRANSLATE_NOOP("Keymap", "Choose a quick phrase")),
    ]
    page = QT_TRANSLATE_NOOP("Keymap", "Go to page {n}")
    phrase = QT_TRANSLATE_NOOP("Keymap", "Insert quick phrase {n} (in the reply box)")
    pages = [Shortcut(f"page_{n}", (f"Alt+{n}",), page) for n in range(1, MAX_PAGES + 1)]
    phrases = [Shortcut(f"phrase_{n}", (f"Ctrl+{n}",), phrase)
               for n in range(1, MAX_NUMBERED_PHRASES + 1)]
    return tuple(fixed + pages + phrases)


SHORTCUTS = _shortcuts()
_BY_KEY = {s.key: s for s in SHORTCUTS}


def sequences(key: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in _BY_KEY[key].keys]


def first(key: str) -> QKeySequence:
    return sequences(key)[0]


def text(key: str) -> str:
    """The keys as a rep reads them on this system, e.g. 'Ctrl+K'."""
    return first(key).toString(NATIVE)


def what(shortcut: Shortcut) -> str:
    words = QCoreApplication.translate("Keymap", shortcut.what)
    number = shortcut.key.rpartition("_")[2]
    return words.replace("{n}", number) if number.isdigit() else words


def clashes() -> list[tuple[str, str, str]]:
    """(keys, one, other) for every key sequence two entries share: none, by design."""
    seen: dict[str, str] = {}
    out = []
    for s in SHORTCUTS:
        for k in s.keys:
            portable = QKeySequence(k).toString()
            if portable in seen:
                out.append((portable, seen[portable], s.key))
            seen[portable] = s.key
    return out
