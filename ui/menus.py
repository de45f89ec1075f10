"""The product's File-menu entries: Settings, Back up now, Restore from backup; Edit › Quick
phrases and automatic replies; and the window's accessible names and tab order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from ui import keymap


translate = QCoreApplication.translate     # texts of the main window ("MainWindow")


def add_file_actions(window, file_menu: QMenu, before: QAction | None = None) -> dict:
    """Put Settings…, Back up now and Restore from backup… in `file_menu` (before `before`,
    normally Quit); returns the actions by name."""
    actions = {
        "settings": QAction(translate("MainWindow", "&Settings…"), window),
        "backup": QAction(translate("MainWindow", "&Back up now"), window),
        "restore": QAction(translate("MainWindow", "&Restore from backup…"), window),
    }
    actions["settings"].setShortcut(keymap.first("settings"))
    actions["backup"].setShortcut(keymap.first("backup"))
    actions["settings"].triggered.connect(lambda: open_settings(window))
    actions["backup"].triggered.connect(lambda: _backup_actions().back_up_now(window, window.db_path))
    actions["restore"].triggered.connect(
        lambda: _backup_actions().restore_from_backup(window, window.db_path))
    for action in actions.values():
        file_menu.insertAction(before, action)
    file_menu.insertSeparator(before)
    actions["phrases"] = add_phrases_action(window)
    return actions


def _backup_actions():
    from ui import backup_actions      # its dialogs load when a backup is asked for
    return backup_actions


def add_phrases_action(window) -> QAction:
    """Edit › Quick phrases and automatic replies… (the menu follows File)."""
    action = QAction(translate("MainWindow", "&Quick phrases and automatic replies…"), window)
    action.triggered.connect(lambda: open_phrases(window))
    window.menuBar().addMenu(translate("MainWindow", "&Edit")).addAction(action)
    return action


def open_phrases(window) -> None:
    from ui.conversation.replies_dialog import open_editor     # loaded when first asked for
    open_editor(window)


def open_settings(window) -> None:
    from PySide6.QtWidgets import QDialog
    from ui.settings_dialog import SettingsDialog
    from ui.theme import apply_theme
    if window.settings is None:
        return
    dialog = SettingsDialog(window.settings, window.db_path, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        apply_theme(QApplication.instance(), window.settings.get("ui.theme"))
        if getattr(dialog, "language_changed", False):
            from ui.restart import offer_restart
            if offer_restart(window):
                return
    window.reload_all()       # rule values or working days may have changed


def label_controls(window) -> None:
    """Accessible names for screen readers on the window's own controls, and the tab
    order through the pages built so far (label_page names each page's controls)."""
    window.navigation.setAccessibleName(translate("MainWindow", "Pages"))
    window.navigation.setAccessibleDescription(
        translate("MainWindow", "%1 to %2 switch pages").replace("%1", keymap.text("page_1"))
        .replace("%2", keymap.text(f"page_{min(len(window.navigation.keys()), keymap.MAX_PAGES)}")))
    window.banner.setAccessibleName(translate("MainWindow", "Deadline alert"))
    window.status.setAccessibleName(translate("MainWindow", "Status"))
    chain_tab_order(window)


def label_page(page, title: str) -> None:
    """Accessible names of one page and of its list's controls."""
    from ui.pages.list_page import ListPage
    page.setAccessibleName(title)
    if isinstance(page, ListPage):
        page.view.setAccessibleName(translate("MainWindow", "{0} list").format(title))
        page.refresh_button.setAccessibleName(translate("MainWindow", "Refresh {0}").format(title))


def chain_tab_order(window) -> None:
    """A tab order that follows the screen: the page list, then the current page's
    filters, Refresh and the table. One chain through every built page: Qt skips the
    hidden pages, so Tab goes from the page list to the page on show."""
    from ui.pages.list_page import ListPage
    chain = [window.navigation, window.banner.show_button, window.banner.close_button]
    for page in window.pages.built().values():
        if isinstance(page, ListPage):
            chain += [page.tools.itemAt(i).widget() for i in range(page.tools.count())
                      if page.tools.itemAt(i).widget() is not None]
            chain += [page.refresh_button, page.view]
    for first, second in zip(chain, chain[1:]):
        window.setTabOrder(first, second)
