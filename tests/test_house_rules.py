"""The house's rules that `lint-imports` cannot see (docs/architecture.md): import-linter
knows an outside package only by its top-level name, so "the core uses Qt but never its
widgets" is checked here, over every import statement of app/, those inside functions
included."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_CORE = ("PySide6.QtWidgets", "ui", "bench")


def imported_names(path: Path) -> list[tuple[int, str]]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append((node.lineno, node.module))
            names += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return names


def offending(path: Path) -> list[str]:
    return [f"{path.name}:{line} imports {name}" for line, name in imported_names(path)
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_IN_CORE)]


def test_the_core_imports_no_qt_widget_and_no_screen():
    found = [problem for path in sorted((ROOT / "app").rglob("*.py"))
             for problem in offending(path)]
    assert found == []


def test_the_check_sees_every_way_of_importing_a_widget(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtGui import QFont\n"
                      "def f():\n"
                      "    from PySide6.QtWidgets import QWidget\n"
                      "    from PySide6 import QtWidgets\n"
                      "    import PySide6.QtWidgets.QLabel\n", encoding="utf-8")
    assert [problem.split(" imports ")[0] for problem in offending(sample)] == \
        ["sample.py:3", "sample.py:3", "sample.py:4", "sample.py:5"]
