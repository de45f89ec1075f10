"""The after-sales request form, the dispute form, the case view and their parts."""
