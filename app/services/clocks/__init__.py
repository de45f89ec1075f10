"""Deadlines: the live clocks of every case, order and conversation, grouped and queued."""
