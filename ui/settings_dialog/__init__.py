"""File › Settings: language and theme, backups, alert lead times, the policy profiles and
the working-day calendar. See `dialog.SettingsDialog`."""

from ui.settings_dialog.dialog import SettingsDialog

__all__ = ["SettingsDialog"]
