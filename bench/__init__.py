"""The shop-scale benchmark, `python -m bench` (docs/performance.md): a tool beside AfterDesk,
not part of it (the program never imports it and the frozen build leaves it out).

Every figure is measured beside a floor in the same run, because absolute times on a shared
machine mean little: `run.run_bench` generates the shops (`generate`), then measures

- P1 start to the painted inbox, and P8 memory with the data open (`fig_window`, by
  starting bench/window_probe.py in processes of their own),
- P2 inbox filter switch (`fig_inbox`), P3 message search (`fig_search`),
- P4 opening a 1,000-message conversation (`fig_thread`),
- P5 order import (`fig_import`), P6 the monitor at rest (`fig_monitor`),
- P7 an evidence pack of 500 messages and 20 photos (`fig_evidence`).

Headless: nothing here imports Qt widgets (the window runs in the probe process).
"""
