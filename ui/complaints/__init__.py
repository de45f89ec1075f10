"""Complaint and negative-review cases: the guided seven-step checklist (GEN-8)."""
