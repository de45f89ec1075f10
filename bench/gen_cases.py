"""Ten thousand requests and disputes in every state, copied from the demo's cases.

The demo plays each of its cases through the case services (app/demo), so its disputes and
requests, with their events and proposals, obey the rules and cover every state. Playing
10k of them the same way would take many minutes; instead each demo case is copied, with
its order (items, tracking), onto fresh orders of a shop of the same platform, keeping
every instant: a live demo case gives live copies whose deadlines are running.
"""

from __future__ import annotations

from bench.rows import insert_dicts, next_id, read_dicts


def _by(rows: list[dict], key: str) -> dict:
    out: dict = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def clone_cases(db, count: int, shops_by_platform: dict, buyers: dict, rng,
                number_from: int) -> dict:
    """Add `count` copies of the demo's cases; returns {"disputes": n, "requests": n}."""
    templates = ([("dispute", row) for row in read_dicts(db, "dispute", 'ORDER BY "id"')]
                 + [("aftersales_request", row)
                    for row in read_dicts(db, "aftersales_request", 'ORDER BY "id"')])
    if not templates or count <= 0:
        return {"disputes": 0, "requests": 0}
    order_ids = sorted({row["order_id"] for _kind, row in templates})
    marks = ",".join("?" * len(order_ids))
    orders = {o["id"]: o for o in read_dicts(db, "orders", f'WHERE "id" IN ({marks})',
                                              tuple(order_ids))}
    shop_platform = {row[0]: row[1] for row in db.execute_sql('SELECT "id", "platform" FROM "shop"')}
    items = _by(read_dicts(db, "order_item", f'WHERE "order_id" IN ({marks})', tuple(order_ids)),
                "order_id")
    tracking = _by(read_dicts(db, "tracking_event", f'WHERE "order_id" IN ({marks})',
                              tuple(order_ids)), "order_id")
    children = {"dispute": (("dispute_event", "dispute_id"), ("dispute_proposal", "dispute_id")),
                "aftersales_request": (("request_event", "request_id"),)}
    kids = {table: _by(read_dicts(db, table), column)
            for pairs in children.values() for table, column in pairs}

    ids = {t: next_id(db, t) for t in ("orders", "order_item", "tracking_event", "dispute",
                                       "aftersales_request", "dispute_event",
                                       "dispute_proposal", "request_event")}
    out: dict[str, list] = {t: [] for t in ids}
    made = {"disputes": 0, "requests": 0}
    for n in range(count):
        kind, case = templates[n % len(templates)]
        source = orders[case["order_id"]]
        platform = shop_platform[source["shop_id"]]
        shop = shops_by_platform[platform][(n // len(templates)) % len(shops_by_platform[platform])]
        buyer = rng.choice(buyers[shop.id])
        order = dict(source, id=ids["orders"], shop_id=shop.id, buyer_id=buyer.id,
                     destination_country=buyer.country, currency=shop.currency,
                     order_no=_case_order_number(platform, number_from + n))
        out["orders"].append(order)
        for item in items.get(source["id"], ()):
            out["order_item"].append(dict(item, id=ids["order_item"], order_id=order["id"]))
            ids["order_item"] += 1
        for event in tracking.get(source["id"], ()):
            out["tracking_event"].append(dict(event, id=ids["tracking_event"],
                                              order_id=order["id"]))
            ids["tracking_event"] += 1
        copy = dict(case, id=ids[kind], order_id=order["id"], uid=f"bench{n:011d}{kind[:4]}",
                    currency=shop.currency)
        if kind == "dispute":
            copy["issue_id"] = str(82900000000000000 + n)
            made["disputes"] += 1
        else:
            made["requests"] += 1
        out[kind].append(copy)
        for table, column in children[kind]:
            for child in kids[table].get(case["id"], ()):
                out[table].append(dict(child, id=ids[table], **{column: copy["id"]}))
                ids[table] += 1
        ids[kind] += 1
        ids["orders"] += 1
    for table in ("orders", "order_item", "tracking_event", "dispute", "aftersales_request",
                  "dispute_event", "dispute_proposal", "request_event"):
        insert_dicts(db, table, out[table])
    return made


def _case_order_number(platform: str, n: int) -> str:
    return str((8390000000000000 if platform == "aliexpress" else 3940000000000000000) + n)
