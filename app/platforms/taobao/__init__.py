"""The Taobao Open Platform (TOP) client: signing, the error envelope, and the pull of
trades, refunds and refund messages into AfterDesk's orders, after-sales requests and
conversations (docs/connectors.md, section Taobao)."""
