"""AfterDesk's interchange format: one versioned JSON document holding everything.

`export_document()` / `export_file(path)` write it; `import_document(doc)` /
`import_file(path)` read it back in one transaction. The format is described field by
field in docs/interchange.md.
"""

from app.interchange.export import export_document, export_file
from app.interchange.importer import ImportSummary, import_document, import_file
from app.interchange.schema import FORMAT, VERSION, DocumentError

__all__ = ["FORMAT", "VERSION", "DocumentError", "ImportSummary", "export_document",
           "export_file", "import_document", "import_file"]
