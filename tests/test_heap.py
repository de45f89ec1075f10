"""Memory freed by a big read goes back to the system (app.heap), so AfterDesk does not
stay as large as its biggest list read."""

import sys

import pytest

from app import heap
from app.bench.memory import resident_mb


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc keeps freed memory")
def test_memory_freed_by_a_big_read_goes_back_to_the_system():
    blocks = [bytes(2000) for _ in range(60_000)]      # about 120 MB on the C heap
    pinned = bytes(2000)                              # keeps the heap's top in use
    big = resident_mb()
    del blocks
    kept = resident_mb()
    heap.give_back()
    after = resident_mb()
    assert pinned
    assert kept - after > 50, (big, kept, after)


def test_giving_back_is_harmless_anywhere():
    heap.give_back()
    heap.give_back()


def test_a_long_read_gives_memory_back_and_a_quick_one_does_not(db, monkeypatch):
    import time

    from app.services.common import background
    given = []
    monkeypatch.setattr(heap, "give_back", lambda: given.append(True))
    background.run_read(lambda: None)
    assert given == []                  # the first screenful at start: nothing to hand back
    background.run_read(time.sleep, background.GIVE_BACK_AFTER_S + 0.01)
    assert given == [True]
