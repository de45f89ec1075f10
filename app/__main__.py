"""`python -m app COMMAND` runs one of the `afterdesk` commands. The window is the entry
point's to open (`afterdesk`, `python -m afterdesk`): the core does not import the screens."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
