"""Marketplace rules as data (policy profiles) and pure functions over them."""
