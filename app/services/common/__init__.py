"""What every service shares: input checks at the edge, the audit trail, the change notice,
the state machine, work on the background pool."""
