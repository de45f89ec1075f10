"""The order-import dialog: choose an export, preview it, import it with progress and cancel."""
