"""The closed vocabularies of the channel layer."""

# Kinds of channel account AfterDesk can sync (the marketplaces' open platforms come next).
KINDS = ("mail", "taobao")
# The conversation channel (vocab.CHANNELS) each kind carries.
CHANNEL_OF_KIND = {"mail": "email", "taobao": "order_message"}
# Kinds that can only answer in a conversation their own messages started (a platform's
# refund or dispute thread); other conversations of that channel stay copy & open.
THREAD_BOUND_KINDS = ("taobao",)

# An account's state, as the status line and Settings › Accounts show it.
NEW = "new"                   # added, never synced
CONNECTED = "connected"       # the last pass worked
OFFLINE = "offline"           # the server could not be reached: AfterDesk keeps trying
AUTH_FAILED = "auth_failed"   # user name or password refused: waits for a new password
CERTIFICATE = "certificate"   # the server's certificate is not trusted
ERROR = "error"               # anything else the server said
ACCOUNT_STATES = (NEW, CONNECTED, OFFLINE, AUTH_FAILED, CERTIFICATE, ERROR)

# An outbound item's state (the bubble and the conversation list show it).
QUEUED = "queued"             # written, waiting for the sync runner
SENDING = "sending"           # handed to the channel; a kill here is checked at next start
SENT = "sent"                 # the channel took it (its message id and time are kept)
FAILED = "failed"             # with the reason; Retry or Edit
COPIED = "copied"             # copy & open: the text is on the clipboard, not confirmed
CONFIRMED = "confirmed"       # copy & open: the rep confirmed "I sent it in the platform"
OUTBOX_STATES = (QUEUED, SENDING, SENT, FAILED, COPIED, CONFIRMED)
DELIVERED = (SENT, CONFIRMED)  # the buyer has the answer: the conversation counts as replied

# What the check of an answer left in `sending` by a stopped AfterDesk found.
WENT = "went"                 # the channel has it: sent
DID_NOT_GO = "did_not_go"     # never reached the channel: queued again
UNSURE = "unsure"             # the stop came while the channel was taking it: failed, rep checks
