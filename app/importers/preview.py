"""The preview of an import: what the file holds, what would be added, updated and skipped,
and every problem by row and column. Building it writes nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from app.importers.layouts import ALIASES, Layout, detect
from app.importers.plan import Plan, plan_orders, stored_items, stored_time
from app.importers.problems import ImportRefused, Problem, file_problem
from app.importers.reading import read_table
from app.importers.rows import read_rows
from app.errors import NotFound
from app.models import Shop

PLATFORM_NAMES = {"aliexpress": "AliExpress", "taobao": "Taobao/Tmall"}
JSON_STEPS_LIMIT = 500


@dataclass
class Preview:
    shop: Shop
    file_name: str
    items_file_name: str = ""
    sha256: str = ""
    layout: Layout | None = None
    rows: list = field(default_factory=list)        # OrderRows, in file order
    plan: Plan = field(default_factory=Plan)
    problems: list = field(default_factory=list)
    previous: list = field(default_factory=list)    # earlier imports of the same file

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def can_apply(self) -> bool:
        return self.layout is not None and not self.errors

    def counts(self) -> dict:
        return {"add": self.plan.count("add"), "update": self.plan.count("update"),
                "skip": self.plan.count("skip")}

    def summary(self) -> str:
        c = self.counts()
        layout = self.layout.title if self.layout else "unknown layout"
        text = (f"{self.file_name} ({layout}): {len(self.rows)} order(s) read; "
                f"{c['add']} to add, {c['update']} to update, {c['skip']} unchanged")
        if self.errors:
            text += f"; {len(self.errors)} error(s): nothing will be imported"
        if self.warnings:
            text += f"; {len(self.warnings)} warning(s)"
        return text

    def to_json(self) -> dict:
        steps = [s for s in self.plan.steps if s.action != "skip"]
        return {
            "file": self.file_name, "items_file": self.items_file_name or None,
            "sha256": self.sha256, "shop": self.shop.key,
            "layout": self.layout.key if self.layout else None,
            "orders_read": len(self.rows), **self.counts(),
            "can_import": self.can_apply,
            "previously_imported": [stored_time(at) + "Z" for at in self.previous],
            "problems": [p.to_json() for p in self.problems],
            "changes": [{"order_no": s.order_no, "action": s.action, "fields": list(s.changed)}
                        for s in steps[:JSON_STEPS_LIMIT]],
            "changes_truncated": len(steps) > JSON_STEPS_LIMIT,
        }


def _matched(table, platform: str, problems: list):
    match = detect(table.rows)
    if match is None:
        first = next((r for r in table.rows if any(str(c).strip() for c in r)), [])
        seen = ", ".join(str(c).strip() for c in first[:6] if str(c).strip())
        problems.append(Problem(1, None, None, "this is not an order export AfterDesk knows: "
                                f"its first row holds '{seen}'. Expected an AliExpress export "
                                "(订单号, 订单状态, 下单时间 …) or a Taobao report (订单编号, 订单状态 …)"))
        return None
    if match.layout.platform != platform:
        problems.append(file_problem(
            f"this is a {PLATFORM_NAMES[match.layout.platform]} export but the shop is on "
            f"{PLATFORM_NAMES.get(platform, platform)}: choose the right shop"))
        return None
    for name in match.missing:
        problems.append(Problem(match.header_row + 1, ALIASES[platform][name][0], None,
                                f"the required column '{ALIASES[platform][name][0]}' is missing "
                                f"from the header row (row {match.header_row + 1})"))
    return None if match.missing else match


def _shop_of(shop) -> Shop:
    """The shop the file is for: a Shop, or the shop with that key."""
    found = shop if isinstance(shop, Shop) else Shop.get_or_none(Shop.key == str(shop).strip())
    if found is None:
        raise NotFound("no shop with the key '{key}'", key=shop)
    return found


def build_preview(path, shop, *, items_path=None, encoding: str | None = None) -> Preview:
    """Read `path` (and a Taobao item report `items_path`) for `shop` and compare with the
    database. Never raises for a problem of the file: the problems are in the preview."""
    shop = _shop_of(shop)
    preview = Preview(shop, Path(path).name,
                      items_file_name=Path(items_path).name if items_path else "")
    try:
        table = read_table(path, encoding)
        items_table = read_table(items_path, encoding) if items_path else None
    except ImportRefused as exc:
        preview.problems.extend(exc.problems)
        return preview
    digest = hashlib.sha256(table.sha256.encode())
    if items_table is not None:
        digest.update(items_table.sha256.encode())
    preview.sha256 = table.sha256 if items_table is None else digest.hexdigest()
    match = _matched(table, shop.platform, preview.problems)
    if match is not None and match.layout.kind == "items" and items_table is not None:
        table, items_table = items_table, table          # given the other way round
        preview.file_name, preview.items_file_name = preview.items_file_name, preview.file_name
        match = _matched(table, shop.platform, preview.problems)
    if match is None:
        return preview
    if match.layout.kind == "items":
        preview.problems.append(file_problem(
            "this is the item report (宝贝报表): import it together with its order report "
            "(choose the order report as the file and this one as the item report)"))
        return preview
    preview.layout = match.layout
    preview.rows, problems = read_rows(table.rows, match, shop.platform, shop.timezone)
    preview.problems.extend(problems)
    if items_table is not None:
        _join_items(preview, items_table)
    _previous_imports(preview)
    if preview.rows:
        preview.plan = plan_orders(shop.id, preview.rows)
    return preview


def _join_items(preview: Preview, items_table) -> None:
    problems = preview.problems
    match = _matched(items_table, preview.shop.platform, problems)
    if match is None:
        return
    if match.layout.kind != "items":
        problems.append(file_problem(f"{preview.items_file_name} is not an item report "
                                     "(宝贝报表)"))
        return
    items, item_problems = read_rows(items_table.rows, match, preview.shop.platform,
                                     preview.shop.timezone)
    problems.extend(Problem(p.row, p.column, p.letter,
                            f"{preview.items_file_name}: {p.message}", p.severity)
                    for p in item_problems)
    by_order: dict = {}
    for item in items:
        by_order.setdefault(item.order_no, []).append(item)
    orders = {row.order_no: row for row in preview.rows}
    for order_no, order_items in by_order.items():
        row = orders.get(order_no)
        if row is None:
            problems.append(Problem(order_items[0].row, match.header_of("order_no"), None,
                                    f"{preview.items_file_name}: order {order_no} is not in the "
                                    "order report; its items are left out", "warning"))
            continue
        row.items = [{"title": i.title, "quantity": i.quantity, "attributes": i.attributes,
                      "product_id": i.product_id, "unit_price": i.unit_price}
                     for i in order_items]
        row.stored_items = stored_items(row.items)


def _previous_imports(preview: Preview) -> None:
    from app.models.imports import ImportBatch
    query = (ImportBatch.select(ImportBatch.imported_at)
             .where((ImportBatch.shop == preview.shop)
                    & (ImportBatch.file_sha256 == preview.sha256))
             .order_by(ImportBatch.imported_at))
    preview.previous = [b.imported_at for b in query]
