"""The Qt binding AfterDesk ships with must not corrupt Python's reference counts.

PySide6 6.12.0 returned from `SignalInstance.emit` without holding a reference, so every
emit took one reference from `True`; after enough signals Python 3.11 aborted at exit
("deallocating True or False") and the rep saw a crash report on a normal close.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12 on")
def test_emitting_signals_leaves_the_reference_count_of_true_alone():
    emitter = _Emitter()
    received = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.changed.emit(n)
    assert received == list(range(200))
    assert sys.getrefcount(True) - before > -50
