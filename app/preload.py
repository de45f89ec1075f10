"""The part of the core a window start uses, imported in one go before Qt (ui/main.py).

Once PySide6 is loaded it looks into every module imported after it, for its feature
switches (reading the module's source when it has one); the core never uses them, and
importing it first keeps that out of the start. Nothing here runs any code of its own.

The model classes (app.models) are not part of it: the first screenful of the inbox is
read with plain SQL, and the models are made once it has been painted (with the rest of
the inbox: its shops and saved views), on the pool thread.
"""

import app.backup  # noqa: F401
import app.logging_setup  # noqa: F401
import app.migrations  # noqa: F401
import app.rules.policy  # noqa: F401
import app.services.common.background  # noqa: F401
import app.services.messaging.inbox  # noqa: F401
import app.settings  # noqa: F401
