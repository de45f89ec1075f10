"""`afterdesk backup [--out FILE]` and `afterdesk restore FILE` (see app.backup)."""

from __future__ import annotations


def register(subparsers) -> dict:
    backup = subparsers.add_parser(
        "backup", help="copy the database to a backup file (default: the data folder's backups)")
    backup.add_argument("--out", metavar="FILE", help="write the backup to this file instead")
    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current one is backed up "
                        "first; a damaged one is kept aside)")
    restore.add_argument("file", help="a backup file, e.g. afterdesk-20270208-0900.db")
    restore.set_defaults(no_database=True)
    return {"backup": run_backup, "restore": run_restore}


def run_backup(args, db_path) -> int:
    from app.backup import create_backup, prune_backups
    from app.settings import Settings
    path = create_backup(db_path, args.out)
    if not args.out:
        prune_backups(Settings().get("backup.keep"))
    print(f"backup written: {path}")
    return 0


def run_restore(args, db_path) -> int:
    """Runs without opening the current database first (no_database): it may be damaged,
    unreadable or missing, which is when a restore is needed."""
    from app.backup import restore_backup
    from app.db import close_database, open_database
    restored = restore_backup(args.file, db_path)
    open_database(db_path)    # also upgrades a backup made by an older AfterDesk
    close_database()
    print(f"database {db_path} restored from {args.file}")
    if restored.damaged:
        print(f"the damaged database was kept aside as {restored.kept}")
    elif restored.kept is not None:
        print(f"the database as it was before: {restored.kept}")
    return 0
