"""`afterdesk account add|set|list|test|remove`: the shops' mail and open-platform accounts.
Secrets are read from standard input (--password-stdin for a mailbox; --secrets-stdin for
a platform: the app secret, then the seller's token, then AliExpress's refresh token, one a
line) and kept in the operating system's keyring, never taken from the command line."""

from __future__ import annotations

import json
import sys


def register(subparsers) -> dict:
    parser = subparsers.add_parser("account", help="mail and platform accounts of the shops")
    sub = parser.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a mailbox or an open-platform account to a shop")
    add.add_argument("key", help="a short name for the account, e.g. shop1-mail")
    add.add_argument("--shop", required=True, help="the shop's key")
    add.add_argument("--kind", default="mail", choices=("mail", "aliexpress", "taobao"))
    add.add_argument("--imap", metavar="HOST:PORT", help="mail: the IMAP server")
    add.add_argument("--smtp", metavar="HOST:PORT", help="mail: the SMTP server")
    add.add_argument("--user", help="mail: the user name")
    add.add_argument("--app-key", help="platform: the shop's app key")
    add.add_argument("--gateway", default="",
                     help="platform: the gateway address (default: the platform's own)")
    add.add_argument("--seller-id", default="", help="platform: the seller's id (optional)")
    add.add_argument("--return-address-id", default="",
                     help="aliexpress: the shop's return address id (a return solution "
                          "accepted or proposed from AfterDesk needs it; optional)")
    add.add_argument("--secrets-stdin", action="store_true",
                     help="platform: read the app secret, the seller's token and (AliExpress) "
                          "the refresh token from standard input, one a line")
    add.add_argument("--address", default="",
                     help="the shop's mail address (default: the user name)")
    add.add_argument("--folder", action="append", dest="folders",
                     help="a folder to read (repeat; default INBOX)")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input (kept in the keyring)")
    add.add_argument("--security", default="tls", choices=("tls", "starttls", "none"),
                     help="tls: implicit TLS (993/465); starttls (143/587); none: only for "
                          "a server on this computer or the shop's network")
    change = sub.add_parser("set", help="change a platform account's settings (not its "
                                        "secrets): gateway, return address")
    change.add_argument("key")
    change.add_argument("--gateway", help="the gateway address ('': the platform's own)")
    change.add_argument("--return-address-id",
                        help="the id of the shop's return address (AliExpress; Taobao: in "
                             "the shop's address library); '' clears it")
    for option, words in (("name", "the name of who receives returns"),
                          ("address", "the return address (province, city, street)"),
                          ("post", "its postcode"), ("tel", "a landline number"),
                          ("mobile", "a mobile number")):
        change.add_argument(f"--return-{option}", help=f"taobao: {words}")
    lst = sub.add_parser("list", help="the accounts and their state")
    lst.add_argument("--json", action="store_true")
    test = sub.add_parser("test", help="log in to the account's servers")
    test.add_argument("key")
    remove = sub.add_parser("remove", help="forget an account and its password (its "
                                           "messages stay)")
    remove.add_argument("key")
    return {"account": run}


def run(args, db_path) -> int:
    from app.channels import account as accounts
    from app.channels.runner import notify_accounts
    if args.account_command == "add":
        if args.kind != "mail":
            return _add_platform(args)
        _require(args, ("imap", "smtp", "user"), "a mailbox")
        password = None
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        added = accounts.add_account(
            args.key, args.shop, kind=args.kind, imap=args.imap, smtp=args.smtp,
            user=args.user, password=password, security=args.security,
            address=args.address, folders=args.folders or ["INBOX"])
        notify_accounts()
        print(f"account {added.key} added to shop {args.shop}"
              + ("" if password else "; no password kept yet (--password-stdin)"))
        return 0
    if args.account_command == "set":
        return _set_platform(args)
    if args.account_command == "list":
        rows = accounts.rows()
        if args.json:
            print(json.dumps([_plain(r) for r in rows], ensure_ascii=False, indent=2))
        else:
            for r in rows:
                when = r.last_sync_at.isoformat() if r.last_sync_at else "never"
                print(f"{r.key:<20} {r.shop:<12} {r.kind:<10} {r.user:<28} {r.state:<12} "
                      f"last sync {when}"
                      + (f"\n    {r.last_error}" if r.last_error else ""))
            if not rows:
                print("no account yet: afterdesk account add KEY --shop SHOP …")
        return 0
    if args.account_command == "test":
        from app.channels.sync import test_account
        test_account(args.key)
        kind = accounts.get_account(args.key).kind
        print(f"account {args.key}: " + ("both servers accepted the login" if kind == "mail"
                                         else f"{kind} accepted the signed call"))
        return 0
    accounts.remove_account(args.key)
    notify_accounts()
    print(f"account {args.key} removed")
    return 0


def _require(args, names, what: str) -> None:
    from app.errors import InvalidInput
    for name in names:
        if not getattr(args, name):
            raise InvalidInput("--{option} is needed for {what}",
                               option=name.replace("_", "-"), what=what, field=name)


def _add_platform(args) -> int:
    from app.channels.runner import notify_accounts
    from app.platforms.accounts import add_platform_account
    _require(args, ("app_key",), f"an account of kind {args.kind}")
    secret = token = refresh = None
    if args.secrets_stdin:
        lines = [line.strip() for line in sys.stdin.read().splitlines()]
        secret, token, refresh = (lines + [None, None, None])[:3]
        refresh = refresh or None
    added = add_platform_account(
        args.key, args.shop, kind=args.kind, app_key=args.app_key, gateway=args.gateway,
        seller_id=args.seller_id, app_secret=secret, token=token, refresh_token=refresh,
        return_address_id=args.return_address_id)
    notify_accounts()
    print(f"account {added.key} ({args.kind}, gateway {added.settings['gateway']}) added to "
          f"shop {args.shop}" + ("" if secret and token else
                                 "; secret and token not kept yet (--secrets-stdin)"))
    return 0


def _set_platform(args) -> int:
    from app.channels.runner import notify_accounts
    from app.platforms.accounts import EDITABLE, platform_settings, set_platform_settings
    changes = {name: getattr(args, name) for name in EDITABLE}
    if all(value is None for value in changes.values()):
        from app.errors import InvalidInput
        raise InvalidInput("name a setting to change, e.g. --return-address-id N",
                           field="setting")
    set_platform_settings(args.key, **changes)
    notify_accounts()
    now = platform_settings(args.key)
    print(f"account {args.key}: " + ", ".join(f"{name} {now[name] or '(none)'}"
                                             for name, value in changes.items()
                                             if value is not None))
    return 0


def _plain(row) -> dict:
    values = dict(row.__dict__)
    values["last_sync_at"] = row.last_sync_at.isoformat() if row.last_sync_at else None
    return values
