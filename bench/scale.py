"""How big the benchmark's shops are and how often each figure is repeated.

`FULL` is the shop the issue asks for (100k orders, 1M messages, 10k cases); `tiny()` is
the same data shrunk for the test suite, so every figure still has something to measure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Scale:
    orders: int = 100_000            # every shop together
    conversations: int = 50_000
    messages: int = 1_000_000        # Chinese (Taobao shops) and English (AliExpress shops)
    cases: int = 10_000              # disputes and after-sales requests, in every state
    template_orders: int = 300       # per demo shop: the cases are copied from these
    long_thread: int = 1_000         # P4: messages of the one long conversation
    pack_messages: int = 500         # P7: messages of the evidence pack's conversation
    pack_photos: int = 20            # P7: photos in the pack
    photo_size: tuple = (1600, 1200)
    import_rows: int = 100_000       # P5
    idle_cases: int = 10_000         # P6: open cases the monitor watches
    idle_seconds: float = 10.0       # P6: one idle span (median of `repeats` spans)
    repeats: int = 11                # repetitions of the fast figures (median)
    slow_repeats: int = 3            # repetitions of the slow ones (evidence packs)
    import_repeats: int = 5          # P5: imports and raw inserts, alternating
    start_repeats: int = 9           # P1: launches of each kind (0: the first start counts)
    probes_at_once: int = 1          # window processes started together (tests only)
    mails: int = 10_000              # P10b: mails of the mailbox synced into an empty shop
    mail_repeats: int = 1            # P10b: first syncs and fetches alone, alternating (a sync of
                                     # 10,000 mails takes minutes on a busy machine)
    mail_rounds: int = 5             # P10a: mails appended one at a time into the open window
    platform_orders: int = 100_000   # P11: orders of the platform simulator, synced into an empty shop
    platform_repeats: int = 3        # P11: first syncs and raw writes, alternating

    def describe(self) -> dict:
        return {"orders": self.orders, "conversations": self.conversations,
                "messages": self.messages, "cases": self.cases,
                "long_thread": self.long_thread, "pack_messages": self.pack_messages,
                "pack_photos": self.pack_photos, "import_rows": self.import_rows,
                "idle_cases": self.idle_cases, "idle_seconds": self.idle_seconds,
                "repeats": self.repeats, "slow_repeats": self.slow_repeats,
                "import_repeats": self.import_repeats,
                "start_repeats": self.start_repeats, "mails": self.mails,
                "mail_repeats": self.mail_repeats, "mail_rounds": self.mail_rounds,
                "platform_orders": self.platform_orders,
                "platform_repeats": self.platform_repeats}


FULL = Scale()


def tiny() -> Scale:
    """A few seconds' worth: for tests of the benchmark itself, not for figures."""
    return replace(FULL, orders=1_500, conversations=300, messages=3_000, cases=150,
                   template_orders=60, long_thread=120, pack_messages=30, pack_photos=2,
                   photo_size=(320, 240), import_rows=300, idle_cases=40, idle_seconds=0.3,
                   repeats=2, slow_repeats=1, import_repeats=1, start_repeats=0, probes_at_once=4,
                   mails=40, mail_repeats=1, mail_rounds=2, platform_orders=300,
                   platform_repeats=1)


def scaled(factor: float) -> Scale:
    """The full shop times `factor` (0 < factor <= 1) for a quicker look; the figures with
    an absolute size in their definition (P4, P7) keep it."""
    if factor >= 1:
        return FULL
    def n(value: int, least: int) -> int:
        return max(least, int(value * factor))
    return replace(FULL, orders=n(FULL.orders, 1_500), conversations=n(FULL.conversations, 300),
                   messages=n(FULL.messages, 3_000), cases=n(FULL.cases, 150),
                   import_rows=n(FULL.import_rows, 300), idle_cases=n(FULL.idle_cases, 40),
                   mails=n(FULL.mails, 40),
                   platform_orders=n(FULL.platform_orders, 300))
