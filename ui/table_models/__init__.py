"""Table models of the lists: each over rows the services return, never QStandardItemModel."""
