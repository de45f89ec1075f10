"""`python -m ui` opens the AfterDesk window on the default database."""

import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv, None))
