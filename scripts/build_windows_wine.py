"""Wine in a prefix of its own with a virtual screen, for the Windows build and its checks.

Used by scripts/build_windows.py (build the Windows program, run it) and
scripts/check_installer.py (install, upgrade and uninstall it). Wine needs an X display
to create windows (Xvfb here) and, for console programs such as python.exe, real
standard handles: `run(..., terminal=True)` gives the program a pseudo-terminal through
`script`.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path


class Wine:
    def __init__(self, prefix: Path, user: str | None = None):
        """`user` names the Windows user when the prefix is made (C:\\users\\<user>)."""
        self.prefix = prefix
        self.user = user
        read, write = os.pipe()
        self.screen = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                        "1280x1024x24", "-nolisten", "tcp"],
                                       pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as answer:
            display = answer.readline().strip()
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all",
                        DISPLAY=f":{display}",
                        # No Mono/Gecko prompts; no WMI (Wine 8 lacks propsys.VariantToString,
                        # which Python 3.12+ platform queries reach through it; without WMI
                        # platform reads the registry, as it does on older Windows); and no
                        # debugger waiting for a click after a crash.
                        WINEDLLOVERRIDES="mscoree,mshtml=;wbemprox,winedbg.exe=d")
        for name in ("QT_QPA_PLATFORM", "PYTHONPATH", "AFTERDESK_HOME"):
            self.env.pop(name, None)     # the Linux side's settings mean nothing there
        if user:
            self.env.update(USER=user, LOGNAME=user)

    def close(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60)
        self.screen.terminate()
        self.screen.wait(timeout=30)

    def run(self, *args: str, timeout: float = 900, terminal: bool = False,
            env: dict[str, str] | None = None, wait: bool = True) -> subprocess.CompletedProcess:
        """Run a Windows program; with `terminal`, on a pseudo-terminal (its output then
        comes back in stdout, with CR LF line ends)."""
        command = ["wine", *args]
        if terminal:
            command = ["script", "-qefc", shlex.join(command), "/dev/null"]
        done = subprocess.run(command, env=dict(self.env, **(env or {})), capture_output=True,
                              text=True, errors="replace", timeout=timeout,
                              stdin=subprocess.DEVNULL)
        if wait:
            subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout)  # let it finish
        return done

    def start(self, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
        """Start a Windows program and leave it running."""
        return subprocess.Popen(["wine", *args], env=dict(self.env, **(env or {})),
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    def windows_path(self, path: Path) -> str:
        return "Z:" + str(path.resolve()).replace("/", "\\")

    def user_folder(self, *parts: str) -> Path:
        users = self.prefix / "drive_c" / "users"
        if self.user:
            return users.joinpath(self.user, *parts)
        user = next(p for p in users.iterdir() if p.name not in ("Public", "public"))
        return user.joinpath(*parts)

    def registry_value(self, key: str, name: str) -> str | None:
        done = self.run("reg", "query", key, "/v", name, timeout=120)
        for line in done.stdout.splitlines():
            fields = line.split(None, 2)
            if len(fields) == 3 and fields[0] == name:
                return fields[2].strip()
        return None
