"""The AliExpress Open Platform (docs/connectors.md): signing, the client, orders,
disputes, and the connector the sync pass uses."""
