"""A shop database on a PostgreSQL server (docs/server.md): its address, the password kept
in the keyring, the peewee handle with AfterDesk's transaction rules, and what the
server's errors mean for a rep. Nothing here imports app.db: app.db picks this handle
when the address it is given names a server."""
