"""The AliExpress product cell: several products, each starting with 【n】 (or [n] in some
years), each with (属性:…) attributes and (数量:N …) quantity, brackets ASCII or full-width.

    【1】Summer dress (属性:Color:Red;Size:M) (数量:2 件) (商家编码:D-1)
    【2】Straw hat (属性:Colour:Beige) (数量:1 piece)
"""

from __future__ import annotations

import re

from app.importers.values import WHOLE_DIGITS, CellError, amount, shown

_MARKER = re.compile(r"[【\[]\s*(\d+)\s*[】\]]")
_OPEN, _CLOSE = "(（", ")）"
KEYS = {"属性": "attributes", "数量": "quantity", "商家编码": "product_id", "商品编码": "product_id",
        "产品id": "product_id", "商品id": "product_id", "单价": "unit_price", "价格": "unit_price",
        "sku": "attributes"}


def _parts(segment: str) -> tuple[str, dict]:
    """Split one product's text into its title and its (key:value) parts."""
    title, fields, depth, start = [], {}, 0, 0
    buf = []
    for i, ch in enumerate(segment):
        if ch in _OPEN:
            if depth == 0:
                start = i
                buf = []
            else:
                buf.append(ch)
            depth += 1
            continue
        if ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                inner = "".join(buf)
                key, sep, value = re.split(r"([:：])", inner, maxsplit=1) + [""] * (
                    3 - len(re.split(r"([:：])", inner, maxsplit=1)))
                name = KEYS.get(key.strip().lower())
                if sep and name:
                    fields[name] = value.strip()
                else:
                    title.append(segment[start:i + 1])
            else:
                buf.append(ch)
            continue
        if depth:
            buf.append(ch)
        else:
            title.append(ch)
    if depth:            # an unclosed bracket stays part of the title
        title.append(segment[start:])
    return re.sub(r"\s+", " ", "".join(title)).strip(), fields


def _quantity(text: str) -> int:
    match = re.match(rf"\s*(\d{{1,{WHOLE_DIGITS}}})(?!\d)", text)
    if not match or int(match.group(1)) < 1:
        raise CellError(f"'(数量:{shown(text)})' does not start with a quantity of 1 or more")
    return int(match.group(1))


def parse_products(cell: str) -> list[dict]:
    """Items of an order from its product cell: title, attributes, quantity, product_id,
    unit_price. Text without 【n】 markers is one product."""
    text = (cell or "").strip()
    if not text:
        return []
    markers = list(_MARKER.finditer(text))
    if markers and text[:markers[0].start()].strip() == "":
        segments = [text[m.end():(markers[k + 1].start() if k + 1 < len(markers) else len(text))]
                    for k, m in enumerate(markers)]
    else:
        segments = [text]
    items = []
    for number, segment in enumerate(segments, start=1):
        title, fields = _parts(segment)
        if not title:
            raise CellError(f"product {number} has no title")
        item = {"title": title, "attributes": fields.get("attributes", ""),
                "quantity": _quantity(fields["quantity"]) if "quantity" in fields else 1,
                "product_id": fields.get("product_id", "")[:64]}
        if fields.get("unit_price"):
            item["unit_price"] = amount(fields["unit_price"])
        items.append(item)
    return items
