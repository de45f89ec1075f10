"""Channels that reach the buyer (docs/channels.md).

- account: a shop's account on a channel, its state and its password (in the keyring);
- cursor: where each sync of an account stopped;
- outbox: every answer to deliver, with its delivery state (queue_reply is the one way in);
- ingest: a message that came in over a channel, written through the messaging service;
- sync: one pass over an account (recover, fetch, send); runner: the background thread;
- connectors: which code speaks to which kind of channel (mail/ for mail; the open
  platforms' connectors live in app.platforms, named here, never imported by this layer).
No Qt here: the window reads states through these modules and listens to the runner.
"""
