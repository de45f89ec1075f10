"""Refresh AfterDesk's translations: collect every text of ui/, update the Qt Linguist file,
compile it.

    python scripts/update_translations.py           # update .ts, compile .qm, report
    python scripts/update_translations.py --check   # also exit 1 when a text is untranslated

Steps:
1. ui/words/catalog.py is written anew from texts that live in data rather than in tr()
   calls (the column titles of the table models, the words of ui/words/vocabulary.py, the
   rules' refusals of app/refusal_texts.py, the core's input checks and problems), so
   lupdate can see them; the models translate them when shown (contexts "columns" and
   "labels").
2. pyside6-lupdate reads every .py file under ui/ and updates
   resources/translations/afterdesk_zh_CN.ts: new texts arrive "unfinished", texts no
   longer in the code are dropped, existing translations are kept.
3. Translate the new texts in Qt Linguist (`pyside6-linguist`) or any editor, then run
   this script again; pyside6-lrelease writes afterdesk_zh_CN.qm next to the .ts.

English is the source language: it needs no file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
CATALOG_FILE = ROOT / "ui" / "words" / "catalog.py"
VOCABULARIES = ("ORDER_STATES", "SERVICE_TYPES", "REQUEST_STATES", "DISPUTE_KINDS",
                "DISPUTE_STATES", "CAUSES", "RESOLUTIONS", "SOLUTION_TYPES", "PARTIES",
                "ACTORS", "PACK_STATES")


def data_texts() -> dict[str, list[str]]:
    """Texts kept in data structures, by translation context."""
    import importlib
    import inspect

    import ui.words.vocabulary as labels
    from ui.table_models.list_table_model import ListTableModel

    titles: list[str] = []
    for name in table_model_modules():
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ListTableModel) and cls.__module__ == module.__name__:
                try:
                    columns = cls().columns
                except TypeError:
                    columns = cls.columns
                titles += [c.title for c in columns]
    import app.vocab as vocab
    words: list[str] = []
    for _name, table in vars(labels).items():
        if isinstance(table, dict) and all(isinstance(v, str) for v in table.values()):
            words += list(table.values())
    # Closed vocabularies without a word in ui/words/vocabulary.py show as the value with spaces
    # ('waiting_seller' -> 'waiting seller'); ui.words.vocabulary.word translates that too.
    for name in VOCABULARIES:
        words += [value.replace("_", " ") for value in getattr(vocab, name)]
    unique = lambda items: sorted(set(t for t in items if t.strip()))  # noqa: E731
    from app.refusal_texts import TEMPLATES     # the rules' refusals
    from app.channels import problem_texts as channel  # a channel's problems
    return {"columns": unique(titles), "labels": unique(words), "pages": unique(page_texts()),
            "refusals": unique(TEMPLATES.values()), "problems": unique(problem_texts()),
            "channel_problems": unique([*channel.TEMPLATES.values(), channel.SAID])}


def table_model_modules() -> list[str]:
    """The modules of ui/ that define a table model over Columns (ui.table_models and the
    few models kept beside their dialog)."""
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if "(ListTableModel)" in path.read_text(encoding="utf-8"):
            found.append(".".join(path.relative_to(ROOT).with_suffix("").parts))
    return found


def problem_texts() -> list[str]:
    """The templates of the core's refusals and problems (context "problems", shown by
    ui/words/problems.py): every InvalidInput("…"), NotFound("…") and BackupError("…") of
    app/, a case's forbidden step, the database's problems, and the words
    ui/words/problems.py puts around them."""
    import ast

    from app.db import PROBLEMS
    from app.errors import FORBIDDEN, FORBIDDEN_WITH_HINT, STALE
    from app.services.messaging.baidu_translate import PROBLEMS as TRANSLATOR_PROBLEMS
    texts = [FORBIDDEN, FORBIDDEN_WITH_HINT, STALE, *PROBLEMS.values(),
             *TRANSLATOR_PROBLEMS.values(), "field '{0}'", "{0}: {1}"]
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts += [node.args[0].value for node in ast.walk(tree)
                  if isinstance(node, ast.Call)
                  and getattr(node.func, "id", "") in ("InvalidInput", "NotFound", "BackupError")
                  and node.args and isinstance(node.args[0], ast.Constant)
                  and isinstance(node.args[0].value, str)]
    return texts


def page_texts() -> list[str]:
    """The literal texts of `_t("…")` in ui/pages/__init__.py (context "pages")."""
    import ast
    tree = ast.parse((ROOT / "ui" / "pages" / "__init__.py").read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_t"
            and node.args and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)]


def write_catalog() -> None:
    lines = ['"""Texts that live in data (column titles, vocabulary words), listed for pyside6-lupdate.',
             "",
             "Written by scripts/update_translations.py — do not edit; the table models and",
             'ui.words.vocabulary translate these when they show them."""',
             "",
             "from PySide6.QtCore import QT_TRANSLATE_NOOP",
             "",
             "TEXTS = ["]
    for context, texts in data_texts().items():
        for text in texts:
            lines.append(f"    QT_TRANSLATE_NOOP({context!r}, {text!r}),")
    lines += ["]", ""]
    CATALOG_FILE.write_text("\n".join(lines), encoding="utf-8")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6-Essentials (it brings {name})")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def unfinished(ts_file: Path) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        if translation is None or kind == "unfinished" or not (translation.text or "").strip():
            missing.append(message.findtext("source"))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a text is untranslated")
    args = parser.parse_args()
    write_catalog()
    TS_DIR.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        ts_file = TS_DIR / f"afterdesk_{language}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete",
                        "-source-language", "en", "-target-language", language,
                        "-ts", str(ts_file)], cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm",
                        str(ts_file.with_suffix(".qm"))], cwd=ROOT, check=True)
        missing = unfinished(ts_file)
        print(f"{language}: {len(missing)} text(s) still to translate")
        for text in missing:
            print(f"  - {text!r}")
        if missing and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
