"""The main window's pages by key, built when first asked for.

`window.pages["cases"]` always gives the page (building it then if needed); `built()`
gives only those that exist, for code that must not build anything."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Callable

from PySide6.QtWidgets import QWidget


class PageSet(Mapping):
    def __init__(self, keys: list[str], build: Callable[[str], QWidget]):
        self._keys = list(keys)
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            page = self._built[key] = self._build(key)
        return page

    def __contains__(self, key) -> bool:
        return key in self._keys

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, QWidget]:
        """The pages built so far, in navigation order."""
        return {key: self._built[key] for key in self._keys if key in self._built}

    def unbuilt(self) -> list[str]:
        return [key for key in self._keys if key not in self._built]
