"""Order exports in: AliExpress .xls/.xlsx (classic and 2025 layouts) and Taobao/Tmall CSV
order reports with their item report. Read with field libraries (python-calamine, csv),
headers matched by name, every row checked, a preview before anything is written; the writing
is app.services.commerce.order_imports."""

from app.importers.layouts import LAYOUTS, Layout
from app.importers.preview import Preview, build_preview
from app.importers.problems import ImportCancelled, ImportRefused, Problem

__all__ = ["LAYOUTS", "Layout", "Preview", "build_preview", "ImportCancelled", "ImportRefused",
           "Problem"]
