"""The files attached to the answer being written, one chip each (name, size, ✕). Files
come from the Attach… button, a drop onto the reply box, or a pasted picture; each is
checked at once (pictures and PDFs, the answer's size limit), so a refusal is shown
before the rep sends."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from app.errors import InvalidInput
from app.services.messaging import reply_files


def size_text(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{max(1, size // 1024)} KB"


def image_bytes(image: QImage) -> bytes:
    """A pasted picture as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class Chip(QFrame):
    remove = Signal(object)

    def __init__(self, item: reply_files.ReplyFile, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 0, 0)
        self.label = QLabel(f"{item.name} · {size_text(len(item.data))}")
        self.label.setToolTip(item.name)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Remove %s from the answer") % item.name)
        self.close_button.setAccessibleName(self.close_button.toolTip())
        self.close_button.clicked.connect(lambda: self.remove.emit(self.item))
        row.addWidget(self.label)
        row.addWidget(self.close_button)


class AttachmentChips(QWidget):
    """The chips; `files` in the order attached. `refused` carries the message to show."""
    changed = Signal()
    refused = Signal(object)          # the error (InvalidInput, OSError…)

    pasted_name = "picture.png"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.files: list[reply_files.ReplyFile] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addStretch(1)
        self.hide()

    def add_paths(self, paths) -> bool:
        for path in paths:
            try:
                data = Path(path).read_bytes()
            except OSError as error:
                self.refused.emit(error)
                return False
            if not self.add(Path(path).name, data):
                return False
        return True

    def add_image(self, image: QImage) -> bool:
        number = 1 + sum(f.name == self.pasted_name or f.name.startswith("picture-")
                         for f in self.files)
        name = self.pasted_name if number == 1 else f"picture-{number}.png"
        return self.add(name, image_bytes(image))

    def add(self, name: str, data: bytes) -> bool:
        try:
            if len(self.files) >= reply_files.MAX_FILES:
                reply_files.check_all([(f.name, f.data) for f in self.files] + [(name, data)])
            item = reply_files.check(name, data, sum(len(f.data) for f in self.files))
        except InvalidInput as error:
            self.refused.emit(error)
            return False
        self.files.append(item)
        chip = Chip(item)
        chip.remove.connect(self.remove)
        self.row.insertWidget(self.row.count() - 1, chip)
        self.show()
        self.changed.emit()
        return True

    def remove(self, item) -> None:
        self.files = [f for f in self.files if f is not item]
        for chip in self.findChildren(Chip):
            if chip.item is item:
                chip.setParent(None)
                chip.deleteLater()
        self.setVisible(bool(self.files))
        self.changed.emit()

    def clear(self) -> None:
        for item in list(self.files):
            self.remove(item)

    def pairs(self) -> list[tuple[str, bytes]]:
        return [(f.name, f.data) for f in self.files]
