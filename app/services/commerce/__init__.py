"""Shops, their orders and imports, policy profiles, the working-day calendar, parcel watch."""
