"""Shops, buyers, orders, their items and their tracking."""

import peewee as pw

from app.models.base import BaseModel
from app.models.fields import JSONTextField, MoneyField, UTCDateTimeField


class Shop(BaseModel):
    key = pw.CharField(unique=True, max_length=64)
    platform = pw.CharField(max_length=16)           # vocab.PLATFORMS
    name = pw.CharField(max_length=200)
    timezone = pw.CharField(max_length=64)           # zone its exports are read in
    currency = pw.CharField(max_length=3, default="USD")
    created_at = UTCDateTimeField()


class Buyer(BaseModel):
    shop = pw.ForeignKeyField(Shop, backref="buyers", on_delete="CASCADE")
    login = pw.CharField(max_length=200)             # platform login id
    name = pw.CharField(max_length=200, default="")
    country = pw.CharField(max_length=2, default="")  # ISO 3166-1 alpha-2
    language = pw.CharField(max_length=16, default="")
    timezone = pw.CharField(max_length=64, null=True)  # set by the rep when known
    email = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=64, default="")
    contacts = JSONTextField(null=True)               # further channels, e.g. {"im": "..."}
    note = pw.TextField(default="")

    class Meta:
        indexes = ((("shop", "login"), True),)


class Order(BaseModel):
    shop = pw.ForeignKeyField(Shop, backref="orders", on_delete="CASCADE")
    order_no = pw.CharField(max_length=64)           # text: long numbers stay exact
    buyer = pw.ForeignKeyField(Buyer, backref="orders", null=True, on_delete="SET NULL")
    status = pw.CharField(max_length=24)             # vocab.ORDER_STATES
    platform_status = pw.CharField(max_length=64, default="")  # the export's own words
    currency = pw.CharField(max_length=3)
    goods_amount = MoneyField(default=0)
    shipping_amount = MoneyField(default=0)
    total_amount = MoneyField(default=0)
    paid_amount = MoneyField(default=0)
    product_cost = MoneyField(null=True)             # what the goods cost the shop (GEN-2)
    shipping_cost = MoneyField(null=True)
    is_virtual = pw.BooleanField(default=False)
    created_at = UTCDateTimeField()
    paid_at = UTCDateTimeField(null=True)
    ship_by = UTCDateTimeField(null=True)
    shipped_at = UTCDateTimeField(null=True)
    delivered_at = UTCDateTimeField(null=True)
    confirmed_at = UTCDateTimeField(null=True)       # buyer confirmed receipt
    completed_at = UTCDateTimeField(null=True)       # transaction success
    closed_at = UTCDateTimeField(null=True)
    carrier = pw.CharField(max_length=100, default="")
    tracking_no = pw.CharField(max_length=100, default="")
    destination_country = pw.CharField(max_length=2, default="")
    promised_days = pw.IntegerField(null=True)       # promised delivery time (AE-11)
    confirm_extension_days = pw.IntegerField(default=0)  # extensions granted (AE-11)
    note = pw.TextField(default="")

    class Meta:
        table_name = "orders"
        indexes = (
            (("shop", "order_no"), True),
            (("status",), False),
            (("completed_at",), False),
        )


class OrderItem(BaseModel):
    order = pw.ForeignKeyField(Order, backref="items", on_delete="CASCADE")
    position = pw.IntegerField()
    product_id = pw.CharField(max_length=64, default="")
    title = pw.TextField()
    attributes = pw.TextField(default="")
    quantity = pw.IntegerField()
    unit_price = MoneyField(default=0)

    class Meta:
        indexes = ((("order", "position"), True),)


class TrackingEvent(BaseModel):
    order = pw.ForeignKeyField(Order, backref="tracking_events", on_delete="CASCADE")
    at = UTCDateTimeField()
    location = pw.CharField(max_length=200, default="")
    description = pw.TextField()
    status_code = pw.CharField(max_length=32, default="")

    class Meta:
        indexes = ((("order", "at"), False),)
