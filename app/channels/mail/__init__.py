"""Mail: IMAP in (imap.py), SMTP out (smtp.py), reading (parse.py) and writing
(compose.py) mails, and the connector the sync uses (connector.py)."""
