"""The marketplaces' open platforms as channels (docs/connectors.md).

Core code, no Qt. Shared here: `gateway` (a signed call's HTTP POST of form parameters,
the JSON back, network failures as channel problems), `credentials` (the app secret and
the seller's tokens in the keyring), `records` (what a platform says about an order,
written through the same bulk path as an export import: one record per order number).
Each platform has its package: `aliexpress/` (AliExpress Open Platform), `taobao/`
(Taobao Open Platform). app.channels.connectors picks the connector by account kind.
"""

# Account kinds that are open platforms, with the gateway each platform publishes (an
# account may name another: a regional gateway, or a test server).
DEFAULT_GATEWAYS = {
    "aliexpress": "https://api-sg.aliexpress.com",
    "taobao": "https://eco.taobao.com/router/rest",
}
PLATFORM_KINDS = tuple(DEFAULT_GATEWAYS)
