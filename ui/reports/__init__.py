"""Widgets of the reports page: a table model over one report section and its chart."""
