"""A small table-driven state machine for the cases of AfterDesk.

A machine is a table of rows `(action, source states, target)`. The target is a state,
`SAME` (the case stays where it is: a proof, a note of the platform), or a mapping from a
branch (e.g. the agreed solution type) to a state, when the outcome depends on the case.
`START` is the pseudo-state of a case that does not exist yet (its opening action).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.errors import ForbiddenTransition

START = ""      # before the case exists
SAME = "="      # the action leaves the state unchanged

Target = str | Mapping[str, str]   # the next state, or the next state by branch


class StateMachine:
    def __init__(self, name: str, states: Iterable[str],
                 rows: Iterable[tuple[str, Iterable[str], Target]],
                 final_states: Iterable[str] = ()):
        self.name = name
        self.states = tuple(states)
        self.final_states = tuple(final_states)
        self._table: dict[tuple[str, str], Target] = {}
        self._actions: list[str] = []
        known = set(self.states) | {START}
        for action, sources, target in rows:
            if action not in self._actions:
                self._actions.append(action)
            targets = target.values() if isinstance(target, Mapping) else (target,)
            for state in targets:
                if state != SAME and state not in self.states:
                    raise ValueError(f"{name}: '{action}' leads to unknown state '{state}'")
            for source in sources:
                if source not in known:
                    raise ValueError(f"{name}: '{action}' starts from unknown state '{source}'")
                if (source, action) in self._table:
                    raise ValueError(f"{name}: '{action}' from '{source}' defined twice")
                self._table[(source, action)] = target

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(self._actions)

    def can(self, state: str, action: str) -> bool:
        return (state, action) in self._table

    def allowed_actions(self, state: str) -> tuple[str, ...]:
        """The actions possible from `state`, in the order of the table."""
        return tuple(a for a in self._actions if (state, a) in self._table)

    def targets(self, state: str, action: str) -> tuple[str, ...]:
        """Every state `action` may lead to from `state` (empty when not allowed)."""
        target = self._table.get((state, action))
        if target is None:
            return ()
        values = target.values() if isinstance(target, Mapping) else (target,)
        return tuple(dict.fromkeys(state if t == SAME else t for t in values))

    def transitions(self) -> list[tuple[str, str, str | None, str]]:
        """Every (state, action, branch, new state) of the table, for tests and documentation."""
        result: list[tuple[str, str, str | None, str]] = []
        for (state, action), target in self._table.items():
            if isinstance(target, Mapping):
                for branch, new in target.items():
                    result.append((state, action, branch, state if new == SAME else new))
            else:
                result.append((state, action, None, state if target == SAME else target))
        return result

    def next_state(self, state: str, action: str, branch: str | None = None, *,
                   subject: str | None = None) -> str:
        """The state after `action`; ForbiddenTransition names what is possible instead."""
        target = self._table.get((state, action))
        if target is None:
            raise ForbiddenTransition(subject or f"This {self.name}", state or "new", action,
                                      self.allowed_actions(state))
        if isinstance(target, Mapping):
            if branch is None or branch not in target:
                raise ValueError(f"{self.name}: '{action}' needs one of {sorted(target)}, "
                                 f"not {branch!r}")
            target = target[branch]
        return state if target == SAME else target
