"""Memory freed by a big read goes back to the system (app.heap), so AfterDesk does not
stay as large as its biggest list read."""

import pytest

from app import heap


def resident_kb() -> int:
    """This process's resident set (Linux: /proc/self/status)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS line in /proc/self/status")


@pytest.mark.skipif(heap._find_trim() is None, reason="only glibc keeps freed memory")
def test_memory_freed_by_a_big_read_goes_back_to_the_system():
    """Relative to what the read itself took, so the allocator's own bookkeeping and the
    rest of the process (whatever other tests left) do not matter."""
    heap.give_back()
    before = resident_kb()
    blocks = [bytes(2000) for _ in range(60_000)]      # about 120 MB on the C heap
    pinned = bytes(2000)                              # keeps the heap's top in use
    grown = resident_kb() - before
    del blocks
    kept = resident_kb()
    heap.give_back()
    returned = kept - resident_kb()
    assert pinned and grown > 0
    assert returned > grown / 2, (grown, kept, returned)


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
