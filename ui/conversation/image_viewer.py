"""A picture from the thread at full size: fit to the window, or zoom in and out
(buttons, Ctrl + wheel, Ctrl++ / Ctrl+- / Ctrl+0), scrolling when larger than the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QImageReader, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from app.errors import ServiceError

from ui.tones import style_text

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


class PictureUnreadable(ServiceError):
    """The stored file is not a picture Qt can read (or is gone)."""


def read_picture(path: Path) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)          # phone photos carry their rotation in EXIF
    image = reader.read()
    if image.isNull():
        raise PictureUnreadable(f"The picture {path.name} could not be read "
                                f"({reader.errorString()}).")
    return image


def thumbnail(path: Path, box: int) -> QImage | None:
    """The picture scaled to fit a `box`×`box` square, decoded at that size (cheap on a pool
    thread); None when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box or size.height() > box):
        reader.setScaledSize(size.scaled(box, box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class ImageViewer(QDialog):
    def __init__(self, image: QImage, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Picture"))
        self.image = image
        self.zoom = 1.0
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea()
        self.area.setWidget(self.picture)
        self.area.setWidgetResizable(False)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.viewport().installEventFilter(self)     # Ctrl + wheel zooms
        self.fit_button = QPushButton(self.tr("Fit to window"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.toggled.connect(self._fit_toggled)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.actual_button = QPushButton(self.tr("100 %"))
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_text = QLabel()
        self.size_text = QLabel(self.tr("%d × %d pixels") % (image.width(), image.height()))
        style_text(self.size_text, "muted")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        tools = QHBoxLayout()
        for widget in (self.fit_button, self.zoom_out_button, self.actual_button,
                       self.zoom_in_button, self.zoom_text):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.size_text)
        tools.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.area, 1)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=self.zoom_in)
        QShortcut(QKeySequence("Ctrl+="), self, activated=self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=self.zoom_out)
        QShortcut(QKeySequence("Ctrl+0"), self, activated=lambda: self.set_zoom(1.0))
        QShortcut(QKeySequence("F"), self, activated=lambda: self.fit_button.setChecked(True))
        self.resize(900, 700)
        self._show()

    # --- zoom ------------------------------------------------------------------------------
    def fit_zoom(self) -> float:
        """The zoom at which the whole picture fits the visible area (never above 100 %)."""
        room = self.area.contentsRect().size()      # as if no scroll bar were showing
        w, h = max(1, self.image.width()), max(1, self.image.height())
        return max(MIN_ZOOM, min(1.0, (room.width() - 2) / w, (room.height() - 2) / h))

    def set_zoom(self, zoom: float) -> None:
        """A fixed zoom (leaves fit-to-window)."""
        self.fit_button.blockSignals(True)
        self.fit_button.setChecked(False)
        self.fit_button.blockSignals(False)
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._show()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def _fit_toggled(self, on: bool) -> None:
        if on:
            self._show()

    def _show(self) -> None:
        if self.fit_button.isChecked():
            self.zoom = self.fit_zoom()
        size = self.image.size() * self.zoom
        pixmap = QPixmap.fromImage(self.image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        self.picture.setPixmap(pixmap)
        self.picture.resize(pixmap.size())
        self.zoom_text.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out_button.setEnabled(self.zoom > MIN_ZOOM)
        self.zoom_in_button.setEnabled(self.zoom < MAX_ZOOM)

    def shown_size(self):
        return self.picture.pixmap().size()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.fit_button.isChecked():
            self._show()                # the area has its real size only now

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit_button.isChecked():
            self._show()

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.Wheel
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            return True
        return super().eventFilter(watched, event)
