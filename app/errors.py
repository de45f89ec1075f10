"""Errors a rep can understand. The UI shows `str(error)`; the CLI prints it to stderr."""


class ServiceError(Exception):
    """An expected refusal or problem; nothing was written."""


class NotFound(ServiceError):
    """Something asked for is not there (any more). Like InvalidInput: with `values`,
    `message` is a template they fill."""

    def __init__(self, message: str, **values):
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)


class InvalidInput(ServiceError):
    """Bad input at the edge: names the record and field where it can. With `values`,
    `message` is a template whose {names} they fill; the window shows the same template
    in the rep's language (ui/words/problems.py)."""

    def __init__(self, message: str, *, record: str | None = None, field: str | None = None,
                 **values):
        self.record = record
        self.field = field
        self.template = message
        self.values = values
        text = message.format(**values) if values else message
        where = ", ".join(part for part in (record, f"field '{field}'" if field else None) if part)
        super().__init__(f"{where}: {text}" if where else text)


class RuleRefusal(ServiceError):
    """A marketplace rule forbids the action (e.g. TB-1's window has passed). With `key`
    the message is app.refusal_texts.TEMPLATES[key] filled with `values`, which
    the window can show in the rep's language."""

    def __init__(self, rule: str, message: str | None = None, *, key: str | None = None,
                 **values):
        if message is None:
            from app.refusal_texts import TEMPLATES
            message = TEMPLATES[key].format(**values)
        self.rule = rule
        self.key = key
        self.values = values
        super().__init__(message)


FORBIDDEN = "{case} is '{state}': '{action}' is not possible in that state."
FORBIDDEN_WITH_HINT = FORBIDDEN + " Possible now: {allowed}."


class ForbiddenTransition(ServiceError):
    """The case's state machine does not allow the action from its current state. Like
    InvalidInput it keeps its `template` and `values` for the window's translation."""

    def __init__(self, case: str, state: str, action: str, allowed=()):
        self.state = state
        self.action = action
        self.template = FORBIDDEN_WITH_HINT if allowed else FORBIDDEN
        self.values = {"case": case, "state": state, "action": action,
                       "allowed": ", ".join(sorted(allowed))}
        super().__init__(self.template.format(**self.values))


STALE = ("{what} was changed meanwhile by {reps} ({actions}): look at it as it is now and "
         "try again")


class StaleEdit(InvalidInput):
    """A change made from a stale view: another rep (or another AfterDesk) changed the row
    since it was shown. Names who and what; nothing was written."""

    def __init__(self, what: str, *, reps: str, actions: str, at=None):
        self.at = at
        self.reps = reps
        super().__init__(STALE, what=what, reps=reps, actions=actions)
