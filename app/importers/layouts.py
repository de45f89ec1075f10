"""The export layouts AfterDesk knows, and how a file's header row is matched to one.

Columns are found by header name, never by position: real files vary by year and account.
Header text is compared after removing white space and line breaks and unifying full-width
punctuation, so '产品信息\\n（双击单元格展开所有产品信息！）' and '产品信息_（双击…）' both read as
'产品信息'. The layouts follow shared formats (PLATFORM_DATA.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "：": ":", "，": ","})
_SPACE = re.compile(r"\s+", re.UNICODE)

# Our field -> the header names that carry it, per platform.
ALIASES = {
    "aliexpress": {
        "order_no": ("订单号",), "status": ("订单状态",), "buyer_name": ("买家名称",),
        "created_at": ("下单时间",), "paid_at": ("付款时间",),
        "goods_amount": ("产品总金额",), "shipping_amount": ("物流费用",),
        "total_amount": ("订单金额",), "paid_amount": ("买家实付金额",),
        "products": ("产品信息", "商品信息"), "product_id": ("商品ID",),
        "note": ("订单备注",), "receiver": ("收货人名称", "收件人名称"),
        "country": ("收货国家",), "address": ("收货地址", "完整收货地址", "地址", "详细地址"),
        "phone": ("联系电话",), "mobile": ("手机",), "email": ("买家邮箱", "联系邮件"),
        "carrier_choice": ("买家选择物流",), "ship_by": ("发货期限",),
        "shipment": ("实际发货物流:运单号", "实际发货单号"), "shipped_at": ("发货时间",),
        "confirmed_at": ("确认收货时间",),
    },
    "taobao": {
        "order_no": ("订单编号",), "buyer_login": ("买家会员名",), "status": ("订单状态",),
        "goods_amount": ("买家应付货款",), "shipping_amount": ("买家应付邮费",),
        "total_amount": ("总金额",), "paid_amount": ("买家实际支付金额", "买家实付金额"),
        "buyer_message": ("买家留言",), "receiver": ("收货人姓名",), "address": ("收货地址",),
        "phone": ("联系电话",), "mobile": ("联系手机",), "created_at": ("订单创建时间",),
        "paid_at": ("订单付款时间",), "title": ("宝贝标题", "商品标题", "标题"),
        "tracking": ("物流单号",), "carrier": ("物流公司",), "note": ("订单备注", "商家备注"),
        "item_count": ("宝贝总数量",), "sku": ("修改后的sku", "商品属性SKU", "商家编码"),
        "shipped_at": ("发货时间",), "confirmed_at": ("确认收货时间", "交易成功时间"),
        "closed_reason": ("订单关闭原因",), "price": ("价格",), "quantity": ("购买数量",),
        "attributes": ("商品属性",), "package": ("套餐信息",), "item_code": ("外部系统编号",),
    },
}


@dataclass(frozen=True)
class Layout:
    key: str
    platform: str
    title: str
    signature: tuple        # header names that tell this layout from the others
    required: tuple         # our fields that must have a column
    kind: str = "orders"    # "orders" or "items" (the Taobao item report)


LAYOUTS = (
    Layout("aliexpress_classic", "aliexpress", "AliExpress order export (classic)",
           ("产品信息", "实际发货物流:运单号", "收货人名称", "满立减", "负责人"),
           ("order_no", "status", "created_at", "total_amount")),
    Layout("aliexpress_2025", "aliexpress", "AliExpress order export (2025 layout)",
           ("商品信息", "实际发货单号", "收件人名称", "买家实付金额", "店铺", "供货价"),
           ("order_no", "status", "created_at", "total_amount")),
    Layout("taobao_classic", "taobao", "Taobao/Tmall order report (classic)",
           ("买家会员名", "买家支付宝账号", "宝贝标题", "联系手机", "买家应付货款"),
           ("order_no", "status", "created_at", "total_amount")),
    Layout("taobao_21", "taobao", "Taobao/Tmall order report (21 columns)",
           ("支付单号", "商品标题", "商品属性SKU", "备注标签", "买家应付货款"),
           ("order_no", "status", "created_at", "total_amount")),
    Layout("taobao_items", "taobao", "Taobao/Tmall item report (宝贝报表)",
           ("标题", "价格", "购买数量", "商品属性", "套餐信息", "外部系统编号"),
           ("order_no", "title", "quantity"), kind="items"),
)
HEADER_SEARCH_ROWS = 10


def normalise(header) -> str:
    text = "" if header is None else str(header)
    return _SPACE.sub("", text.translate(_FULL_WIDTH)).strip("_").lower()


def base_name(header) -> str:
    """The header without its explanation in brackets: '产品信息(双击…)' -> '产品信息'."""
    return normalise(header).split("(", 1)[0].rstrip("_")


@dataclass
class Match:
    layout: Layout
    header_row: int               # 0-based index into the table's rows
    columns: dict                 # our field -> 0-based column index
    headers: list                 # the header texts as in the file (stripped)
    missing: tuple                # required fields without a column

    def header_of(self, field_name: str) -> str:
        index = self.columns.get(field_name)
        return self.headers[index] if index is not None else ALIASES[
            self.layout.platform][field_name][0]


def _score(layout: Layout, names: set) -> int:
    return sum(1 for sig in layout.signature if normalise(sig) in names)


def map_columns(platform: str, headers: list) -> dict:
    """Our field -> column index, by exact normalised header first, then by base name."""
    exact = {normalise(h): i for i, h in reversed(list(enumerate(headers))) if normalise(h)}
    base = {base_name(h): i for i, h in reversed(list(enumerate(headers))) if base_name(h)}
    columns = {}
    for field_name, names in ALIASES[platform].items():
        for name in names:
            key = normalise(name)
            if key in exact:
                columns[field_name] = exact[key]
                break
            if key in base:
                columns[field_name] = base[key]
                break
    return columns


def detect(rows: list) -> Match | None:
    """The best layout for the first rows of a table, or None when nothing fits."""
    best = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {normalise(c) for c in row} | {base_name(c) for c in row}
        for layout in LAYOUTS:
            score = _score(layout, names)
            if score >= 2 and (best is None or score > best[0]):
                best = (score, layout, index)
    if best is None:
        return None
    _, layout, index = best
    headers = [("" if c is None else str(c)).strip() for c in rows[index]]
    columns = map_columns(layout.platform, headers)
    missing = tuple(f for f in layout.required if f not in columns)
    return Match(layout, index, columns, headers, missing)


def known_header_names() -> list[str]:
    return sorted({name for table in ALIASES.values() for names in table.values()
                   for name in names})
