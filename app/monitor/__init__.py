"""The deadline monitor (see docs/monitor.md).

    monitor = make_monitor(settings, on_alert=..., on_error=..., on_summary=...)
    monitor.start()            # after the database is open
    notify_changed()           # after any write to cases: re-plans at once
    monitor.stop()             # on close; returns within a second

Qt-free: the GUI hands callbacks that emit queued signals (ui.monitor_bridge).
"""

from __future__ import annotations

from app.monitor.schedule import DUE, PLATFORM, WARNING, Schedule, Step
from app.monitor.summary import alert_payload, alert_text, due_summary
from app.monitor.runner import DeadlineMonitor, SystemClock, notify_changed

LEAD_TIMES_KEY = "alerts.lead_times_hours"
APPLY_RULES_KEY = "monitor.apply_platform_rules"

__all__ = ["DeadlineMonitor", "SystemClock", "Schedule", "Step", "WARNING", "DUE", "PLATFORM",
           "alert_payload", "alert_text", "due_summary", "make_monitor", "notify_changed"]


def make_monitor(settings=None, **options) -> DeadlineMonitor:
    """A monitor set up from the rep's settings (lead times; whether the platform's own
    actions are recorded). `options` go to DeadlineMonitor and win over the settings."""
    from app.monitor.platform_rules import PLATFORM_KINDS, apply_platform_rule

    lead_hours = settings.get(LEAD_TIMES_KEY) if settings is not None else [24, 4, 1]
    apply_rules = settings.get(APPLY_RULES_KEY) if settings is not None else True
    values = {"lead_hours": lead_hours}
    if apply_rules:
        values.update(apply_rule=apply_platform_rule, platform_kinds=PLATFORM_KINDS)
    values.update(options)
    return DeadlineMonitor(**values)
