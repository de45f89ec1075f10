"""Aftercare: follow-ups with quiet buyers and complaints (rules GEN-7, GEN-8)."""
