"""AfterDesk's interchange format: one versioned JSON document holding everything.

`export_document()` / `export_file(path)` write it; `import_document(doc)` /
`import_file(path)` read it back in one transaction. The format is described field by
field in docs/interchange.md.
"""

from app.interchange.export import export_document, export_file
from app.interchange.importer import ImportSummary, import_document, import_file
from app.interchange.schema import FORMAT, VERSION, DocumentError

# Tables the format (version 3) does not carry, and why. A new model must be either
# carried by the format or listed here (tests/test_interchange.py checks it).
NOT_CARRIED = {
    "SavedView": "a rep's own inbox views: settings of one desk, not shop data",
    "PhraseMemory": "learnt translations: rebuilt from messages and quick phrases",
    "ImportBatch": "the log of spreadsheet imports into this database",
    "CaseChecklistTick": "a rep's ticks on a case's GEN-3 checklist: a working aid of this desk",
    "ShopSigningKey": "the public half of a shop's evidence signing key: each desk records the "
                      "key whose private half is in its own keyring",
    "ChannelAccount": "this desk's mail accounts (their passwords are in its keyring)",
    "ChannelCursor": "where this desk's mail sync stopped",
    "ChannelMessage": "the mail ids this desk's sync stored: with its accounts",
    "OutboxItem": "delivery states of this desk's outbox",
    "ChangeLog": "what the AfterDesks on this database changed lately, for one another",
    "Presence": "who is replying where right now, on this database",
}

__all__ = ["FORMAT", "VERSION", "DocumentError", "ImportSummary", "NOT_CARRIED",
           "export_document", "export_file", "import_document", "import_file"]
