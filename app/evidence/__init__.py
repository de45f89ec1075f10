"""Evidence packs for appeals: what a case needs, the files, the PDF bundle, the ZIP and its check.

- `checklist`  what evidence a case needs by kind and reason, and what is still missing
- `store`      content-addressed file store (SHA-256) under the data folder
- `templates`  the seller's statement from a template filled from the case
- `content`    everything a pack shows, read once from the database as plain data
- `manifest`   the text exports of a pack and its hashes
- `pdf`        the PDF bundle (QtGui only: QTextDocument painted onto QPdfWriter or a printer)
- `zipexport`  the ZIP: the PDF, the originals and manifest.json
- `verify`     checks a ZIP against its manifest
- `builder`    one call that does all of it, with progress and cancel
"""
