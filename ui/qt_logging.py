"""Qt's own messages (warnings about widgets, fonts, plugins) go to the AfterDesk log."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

log = logging.getLogger("afterdesk.qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(msg_type, context, message: str) -> None:
    level = LEVELS.get(msg_type, logging.WARNING)
    category = getattr(context, "category", None) or "qt"
    where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
    log.log(level, "[%s] %s%s", category, message, where)


def install_qt_message_handler():
    """Send Qt messages to the 'afterdesk.qt' logger; returns the handler it replaced."""
    return qInstallMessageHandler(qt_message_handler)


def restore_qt_message_handler(previous) -> None:
    qInstallMessageHandler(previous)
