"""Dispute reports (GEN-6): the AE-16 dispute rate with and without the AE-2 reasons, counts
by kind, reason, cause and outcome, response times, refunds; export to CSV and XLSX."""

from app.reports.build import build_report
from app.reports.export import export_csv, export_xlsx, safe_cell

__all__ = ["build_report", "export_csv", "export_xlsx", "safe_cell"]
