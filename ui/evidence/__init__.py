"""Widgets of the evidence builder page (ui/pages/evidence_page.py)."""
