"""Property-based fuzzing of what AfterDesk reads from outside (issue #20): the order
importers (AliExpress .xls/.xlsx, Taobao .csv) and the interchange reader get random bytes
and valid files with hostile cells or values (huge numbers, control characters, formula
strings, broken dates). Each file either imports or is refused with exit 2 and a message;
never a traceback (main() would raise), never a half-written import.

The examples are bounded (the "ci" profile of tests/conftest.py, and fewer for the
slower workbook writers) so that CI stays quick.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from app.cli import EXIT_ERROR, EXIT_OK, main
from app.importers import samples as s
from tests.test_hostile_files import shops  # noqa: F401 - the fixture: one shop of each platform

TABLES = ("orders", "order_item", "buyer", "import_batch", "dispute", "aftersales_request",
          "message", "shop")
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])

HOSTILE_WORDS = [
    "1e400", "9" * 40, "-1e-400", "NaN", "inf", "-0", "0x1F", "1_000", "12,34.5.6", "US $-5",
    "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1:A9)", "-2+3",
    "2026-02-30 10:00:00", "0000-00-00 00:00:00", "9999-12-31 23:59:59", "0001-01-01 00:00:00",
    "2026-13-01", "2026/1/1 25:61", "昨天", "'", '="', '=""', "\x00", "\r", "\n\n", "\u3000",
    "\ufeff", "\u202e订单", "9" * 5000, "x" * 40_000,
]
cells = st.one_of(
    st.sampled_from(HOSTILE_WORDS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=31), max_size=6),
    st.integers(-10 ** 30, 10 ** 30).map(str),
    st.floats().map(repr),
)


def counts(db: str) -> dict:
    connection = sqlite3.connect(db)
    try:
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                for t in TABLES}
    finally:
        connection.close()


def run(db: str, *args) -> tuple[int, str]:
    """The command's exit code and stderr; an exception escaping main() fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db, *args])
    return code, err.getvalue()


def imports_or_refuses(db: str, *args) -> int:
    before = counts(db)
    code, err = run(db, *args)
    assert code in (EXIT_OK, EXIT_ERROR), (code, err)
    if code == EXIT_ERROR:
        assert err.startswith("afterdesk: ") and len(err.strip()) > len("afterdesk:"), err
        assert counts(db) == before, "a refused import wrote something"
    return code


def import_orders(db: str, path: Path, shop: str) -> int:
    return imports_or_refuses(db, "import", "orders", str(path), "--shop", shop)


@settings(FUZZ, max_examples=40)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".xlsx", ".xls"]),
       magic=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                              b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_random_bytes_are_refused_with_a_message(shops, tmp_path, data, suffix, magic):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(magic + data)
    for shop in ("ae", "tb"):
        assert import_orders(shops, path, shop) == EXIT_ERROR


# The columns whose cells are parsed (order numbers, states, amounts, times, quantities,
# products) are chosen more often than the others, which are kept as text.
PARSED = ("订单号", "订单编号", "订单状态", "下单时间", "付款时间", "订单创建时间", "订单付款时间",
          "产品总金额", "物流费用", "订单金额", "买家实付金额", "买家应付货款", "买家应付邮费", "总金额",
          "买家实际支付金额", "宝贝总数量", "产品信息\n（双击单元格展开所有产品信息！）", "商品信息",
          "发货期限", "发货时间", "确认收货时间", "收货国家")


def hostile_row(row: list, header: list, changes: list) -> list:
    parsed = [index for index, name in enumerate(header) if name in PARSED]
    row = list(row)
    for (column, in_parsed), value in changes:
        row[parsed[column % len(parsed)] if in_parsed else column % len(header)] = value
    return row


changes = st.lists(st.tuples(st.tuples(st.integers(0, 60), st.booleans()), cells),
                   min_size=1, max_size=4)


@FUZZ
@given(rows=st.lists(changes, min_size=1, max_size=3),
       encoding=st.sampled_from(["gbk", "utf-8-sig", "utf-8", "utf-16"]))
def test_taobao_csv_with_hostile_cells_imports_or_is_refused(shops, tmp_path, rows, encoding):
    body = [hostile_row(s.tb_classic_row(str(3300000 + n)), s.TB_CLASSIC, change)
            for n, change in enumerate(rows)]
    try:
        path = s.write_csv(tmp_path / "tb.csv", s.TB_CLASSIC, body, encoding)
    except UnicodeEncodeError:      # a character GBK has no code for: write it as UTF-8
        path = s.write_csv(tmp_path / "tb.csv", s.TB_CLASSIC, body, "utf-8-sig")
    import_orders(shops, path, "tb")


def workbook_safe(value: str) -> str:
    """Cells as a workbook can hold them: no control characters, at most 32,767 long."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]


@settings(FUZZ, max_examples=25)
@given(rows=st.lists(changes, min_size=1, max_size=3), layout=st.sampled_from(["classic", "2025"]))
def test_aliexpress_xlsx_with_hostile_cells_imports_or_is_refused(shops, tmp_path, rows, layout):
    header, make = ((s.AE_CLASSIC, s.ae_classic_row) if layout == "classic"
                    else (s.AE_2025, s.ae_2025_row))
    body = [[workbook_safe(c) if isinstance(c, str) else c for c in
             hostile_row(make(str(8100000000000 + n)), header, change)]
            for n, change in enumerate(rows)]
    path = s.write_xlsx(tmp_path / "ae.xlsx", header, body)
    import_orders(shops, path, "ae")


@settings(FUZZ, max_examples=15)
@given(rows=st.lists(changes, min_size=1, max_size=2))
def test_aliexpress_xls_with_hostile_cells_imports_or_is_refused(shops, tmp_path, rows):
    body = [[workbook_safe(c) if isinstance(c, str) else c for c in
             hostile_row(s.ae_classic_row(str(8200000000000 + n)), s.AE_CLASSIC, change)]
            for n, change in enumerate(rows)]
    path = s.write_xls(tmp_path / "ae.xls", s.AE_CLASSIC, body)
    import_orders(shops, path, "ae")


# -- the interchange reader -------------------------------------------------------------

@pytest.fixture(scope="module")
def document(tmp_path_factory) -> dict:
    """A small export touching every kind of record (tests/test_interchange.py's world)."""
    from app.db import close_database, open_database
    from app.interchange import export_document
    from tests.test_interchange import build_world
    open_database(tmp_path_factory.mktemp("doc") / "world.db")
    try:
        build_world()
        return export_document()
    finally:
        close_database()


def paths_of(value, path=()):
    """Every place in a JSON value (dict key or list index paths)."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            yield from paths_of(item, (*path, index))


json_values = st.one_of(
    st.sampled_from([None, True, False, 0, -1, 2 ** 63, 1e308, [], {}, "", "Z",
                     "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "2026-02-30T00:00:00Z",
                     "12.5", "-0.01", "9" * 40 + ".00", "=1+1", "\x00\x1b", "D-1"]),
    st.integers(-10 ** 20, 10 ** 20), st.floats(), st.text(max_size=20),
    st.recursive(st.none() | st.integers() | st.text(max_size=5),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                     st.text(max_size=5), inner, max_size=3), max_leaves=6),
)
LONG_NUMBER = "__LONG_NUMBER__"


@settings(FUZZ, max_examples=30)
@given(data=st.data())
def test_interchange_documents_with_hostile_values_import_or_are_refused(document, tmp_path,
                                                                          data):
    doc = json.loads(json.dumps(document))
    for _ in range(data.draw(st.integers(1, 3))):
        place = data.draw(st.sampled_from([p for p in paths_of(doc) if p]))  # after each change
        parent = doc
        for step in place[:-1]:
            parent = parent[step]
        parent[place[-1]] = data.draw(st.one_of(json_values, st.just(LONG_NUMBER)))
    text = json.dumps(doc, ensure_ascii=False).replace(f'"{LONG_NUMBER}"', "9" * 5000)
    path = tmp_path / "doc.json"
    path.write_text(text, encoding="utf-8")
    db = str(tmp_path / f"new-{data.draw(st.integers(0, 10 ** 9))}.db")
    assert run(db, "init")[0] == 0
    imports_or_refuses(db, "import", str(path))


@FUZZ
@given(data=st.binary(max_size=2000), bom=st.booleans())
def test_interchange_random_bytes_are_refused_with_a_message(tmp_path, data, bom):
    path = tmp_path / "doc.json"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    db = str(tmp_path / "new.db")
    if not Path(db).exists():
        assert run(db, "init")[0] == 0
    assert imports_or_refuses(db, "import", str(path)) == EXIT_ERROR
