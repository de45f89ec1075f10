"""Pictures in a thread: small thumbnails (decoded off the window's thread) that open full
size in a viewer with fit-to-window and zoom; a picture missing from this computer's store
says so instead of failing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor

from app.clock import utcnow
from app.evidence import store
from app.models import Attachment, StoredFile
from app.services.messaging import conversations
from tests.factories import make_buyer, make_shop
from ui.conversation import thread_panel as thread_panel_module
from ui.conversation.thread_panel import ThreadPanel
from ui.conversation.thread_view import THUMBNAIL
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui
WIDTH, HEIGHT = 1600, 1200


def png(width=WIDTH, height=HEIGHT) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3070c0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def attach(message, data: bytes | None, name: str, sha: str | None = None) -> str:
    """A picture on a message: kept in the file store (or, with data None, only known)."""
    if data is not None:
        sha, _ = store.put(data)
    StoredFile.create(sha256=sha, size=len(data or b""), mime="image/png",
                      original_name=name, created_at=utcnow())
    Attachment.create(file=StoredFile.get(StoredFile.sha256 == sha), message=message,
                      caption=name, created_at=utcnow())
    return sha


@pytest.fixture
def photo(db, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    shop = make_shop("ae")
    buyer = make_buyer(shop, "ana", language="en")
    conv = conversations.start_conversation(shop, buyer, "site_message",
                                            at=utcnow() - timedelta(hours=2))
    message = conversations.add_message(conv, "in", "The box arrived broken, see the photo",
                                        utcnow() - timedelta(hours=1))
    sha = attach(message, png(), "broken-box.png")
    gone = attach(message, None, "elsewhere.png", sha="ab" * 32)
    return conv, sha, gone


@pytest.fixture
def panel(qtbot, photo):
    conv, _sha, _gone = photo
    panel = ThreadPanel("lin")
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_conversation(conv.id)
    qtbot.waitUntil(lambda: panel.header is not None)
    yield panel
    wait_for_background()


def thumbnail_position(view, sha: str) -> QPoint:
    """Where the thumbnail of `sha` is drawn in the thread's viewport."""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == f"thumb:{sha}":
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                rect = view.cursorRect(cursor)
                return QPoint(rect.x() + 10, rect.bottom() - 10)
            it += 1
        block = block.next()
    raise AssertionError(f"no thumbnail of {sha} in the thread")


def test_a_picture_shows_small_and_opens_full_size_with_fit_and_zoom(qtbot, panel, photo):
    _conv, sha, _gone = photo
    view = panel.view
    thumb = view.thumbnails[sha]
    assert (thumb.width(), thumb.height()) == (THUMBNAIL, THUMBNAIL * HEIGHT // WIDTH)
    assert "broken-box.png" not in view.plain_text()               # a picture, not a name
    assert "elsewhere.png (file not in this computer’s store)" in view.plain_text()
    view.verticalScrollBar().setValue(0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=thumbnail_position(view, sha))
    viewer = panel.viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.windowTitle() == "broken-box.png"
    assert viewer.fit_button.isChecked()
    room = viewer.area.viewport().size()
    shown = viewer.shown_size()
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert abs(shown.width() / shown.height() - WIDTH / HEIGHT) < 0.01     # not squashed
    assert shown.width() < WIDTH
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not viewer.fit_button.isChecked()
    assert viewer.shown_size().width() > shown.width()
    qtbot.mouseClick(viewer.actual_button, Qt.MouseButton.LeftButton)
    assert (viewer.shown_size().width(), viewer.shown_size().height()) == (WIDTH, HEIGHT)
    assert viewer.zoom_text.text() == "100 %"
    assert viewer.area.horizontalScrollBar().maximum() > 0          # scrolls when larger
    qtbot.mouseClick(viewer.zoom_out_button, Qt.MouseButton.LeftButton)
    assert viewer.zoom_text.text() == "80 %"
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert viewer.shown_size() == shown
    viewer.resize(viewer.width() + 300, viewer.height() + 200)      # fit follows the window
    qtbot.waitUntil(lambda: viewer.shown_size().width() > shown.width())


def test_a_picture_missing_from_the_store_is_said_plainly(qtbot, panel, photo, monkeypatch):
    _conv, _sha, gone = photo
    shown = []
    monkeypatch.setattr(thread_panel_module, "show_expected_error",
                        lambda error, parent=None: shown.append(str(error)))
    assert panel.open_image(gone) is None
    assert shown == ["The picture elsewhere.png is not in this computer's file store."]


def test_a_damaged_picture_is_said_plainly(qtbot, photo, monkeypatch):
    from ui.conversation.image_viewer import PictureUnreadable, read_picture
    _conv, sha, _gone = photo
    path = store.object_path(sha)
    path.chmod(0o600)
    path.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    with pytest.raises(PictureUnreadable, match="could not be read"):
        read_picture(path)
