"""The first-run wizard: language, where the data lives, and the rep's first shop — or the
demo shops to look around first. See `wizard.FirstRunWizard` and `setup.apply_choices`.

The wizard's widgets load only when it is shown: an ordinary start asks `needs_first_run`
(needed.py) and goes on without them."""

from importlib import import_module

_HOMES = {"FirstRunChoices": "setup", "apply_choices": "setup", "needs_first_run": "needed",
          "FirstRunWizard": "wizard", "run_first_run": "run"}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
