"""The first-run wizard: language, where the data lives, and the rep's first shop — or the
demo shops to look around first. See `wizard.FirstRunWizard` and `setup.apply_choices`."""

from ui.first_run.setup import FirstRunChoices, apply_choices, needs_first_run
from ui.first_run.wizard import FirstRunWizard
from ui.first_run.run import run_first_run

__all__ = ["FirstRunChoices", "FirstRunWizard", "apply_choices", "needs_first_run",
           "run_first_run"]
