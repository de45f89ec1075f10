"""Debian packages a test needs (a real server, a print queue): installed when missing.

The README's test command must work on a fresh machine, and a test that needs a real part
never skips silently: `require("dovecot-imapd")` installs the missing packages with apt-get
(as `.ci/run` does) when this process may, and otherwise fails the test, saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading

import pytest

_lock = threading.Lock()
_updated = False


def missing(*packages: str) -> list[str]:
    if shutil.which("dpkg") is None:
        return list(packages)
    return [p for p in packages
            if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]


def require(*packages: str) -> None:
    """Make sure the Debian packages are installed, or fail the calling test."""
    global _updated
    with _lock:
        absent = missing(*packages)
        if not absent:
            return
        can_install = shutil.which("apt-get") is not None and os.geteuid() == 0
        if not can_install:
            pytest.fail(f"this test needs the Debian packages {' '.join(absent)}: "
                        f"sudo apt-get install {' '.join(absent)}", pytrace=False)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if not _updated:
            subprocess.run(["apt-get", "update", "-qq"], env=env, check=False,
                           capture_output=True)
            _updated = True
        done = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                               *absent], env=env, capture_output=True, text=True)
        if done.returncode != 0 or missing(*absent):
            pytest.fail(f"installing {' '.join(absent)} failed: {done.stderr.strip()[-500:]}",
                        pytrace=False)
