"""The words of a channel's problems: an account's last error (the status line, Settings ›
Accounts) and why an answer was not sent (its bubble).

Each is a template with named values, written in English into the database, the log and
`afterdesk outbox`; when the server said something, its own words follow, quoted, after
SAID. The window shows the same template in the rep's language and the server's words as
they were (ui/words/channel_problems.py; scripts/update_translations.py lists these for
translators). A text that fits no template (an older one) is shown as written.
"""

from __future__ import annotations

SETTINGS = "Settings › Accounts (or: afterdesk account add … --password-stdin)"

TEMPLATES = {
    # the account
    "wrong_password": "The mail server {host} refused the user name or password. Enter the "
                      "password again in " + SETTINGS + ".",
    "no_password": "No password is kept for this account on this computer: enter it in "
                   + SETTINGS + ".",
    "untrusted": "The mail server {host}: its certificate is not trusted (expired, or not "
                 "the server's name). Check the server name with your mail provider.",
    "secure_failed": "The secure connection to the mail server {host} failed: check the port "
                     "and the security setting (TLS or STARTTLS).",
    "not_found": "The mail server {host} cannot be found: no network, or the server name is "
                 "wrong. AfterDesk keeps trying.",
    "unreachable": "The mail server {host} cannot be reached: no network, or the server is "
                   "down. AfterDesk keeps trying.",
    "server_error": "The mail server {host} answered with an error.",
    "no_secure_sending": "The mail server {host} does not offer secure sending on this port: "
                         "check the port and the security setting.",
    "try_later": "The mail server {host} asked to try later.",
    # one answer
    "address_refused": "The mail server refused the buyer's address ({addresses}).",
    "sender_refused": "The mail server refused to send from {sender}.",
    "answer_refused": "The mail server refused the answer.",
    "no_address": "The buyer has no mail address: add it to the buyer, then Retry.",
    "cut_off": "The connection to the mail server {host} ended while the answer was being "
               "sent: it may have reached the buyer.",
    # a decision pushed to an open platform (app/platforms): the platform's words and codes
    "platform_refused": "{platform} refused it: {words}",
    "platform_not_taken": "{platform} did not take it ({method}): {words}",
    "platform_code_needed": "{platform} sent an SMS code to the seller's phone (a large "
                            "refund needs it): Retry and enter the code. The platform said: "
                            "{words}",
    "platform_unsure": "AfterDesk stopped while {platform} was taking this decision: part of "
                       "it may have arrived. Look at the case in the seller centre before "
                       "Retry (Retry sends only what was not taken).",
    "unsure": "AfterDesk stopped (or lost the connection) while the mail server was taking "
              "this answer: it may have reached the buyer. Look in the mailbox's Sent folder "
              "before Retry.",
}
SAID = " The server said: “{said}”"
SAID_LIMIT = 300            # characters of the server's words kept


def text(key: str, said: str = "", **values) -> str:
    """The problem in English, the server's own words (if any) quoted after it."""
    written = TEMPLATES[key].format(**values)
    said = " ".join(str(said).split())[:SAID_LIMIT]
    return written + SAID.format(said=said) if said else written
