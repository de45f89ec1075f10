"""Policy profiles with the shop's overrides; every change audited."""

from __future__ import annotations

from app.clock import utcnow
from app.db import database
from app.models import PolicyOverride
from app.rules.policy import DEFAULTS, PolicyError, Profile, parse_value
from app.services.common import audit
from app.errors import InvalidInput


def load_profile(name: str) -> Profile:
    overrides = {o.key: o.value for o in PolicyOverride.select().where(PolicyOverride.profile == name)}
    return Profile(name, overrides)


def load_profiles() -> dict[str, Profile]:
    return {name: load_profile(name) for name in DEFAULTS}


def set_value(profile: str, key: str, text: str, *, actor: str = "rep") -> None:
    try:
        template = Profile(profile).get(key)
        value = parse_value(template, text)
    except PolicyError as exc:
        raise InvalidInput(str(exc), record=f"policy {profile}", field=key) from None
    stored = template.__class__(key, template.rule, value, template.unit, template.label).as_text()
    with database.atomic():
        old = PolicyOverride.get_or_none(profile=profile, key=key)
        before = old.value if old else template.as_text()
        if old:
            old.value, old.changed_at, old.changed_by = stored, utcnow(), actor
            old.save()
        else:
            PolicyOverride.create(profile=profile, key=key, value=stored,
                                  changed_at=utcnow(), changed_by=actor)
        audit.record(actor, "policy", f"{profile}/{key}", "set",
                     {"rule": template.rule, "from": before, "to": stored})


def reset(profile: str, *, actor: str = "rep") -> int:
    """Back to the defaults of RULES.md; returns how many values changed."""
    Profile(profile)  # unknown names are refused
    with database.atomic():
        count = PolicyOverride.delete().where(PolicyOverride.profile == profile).execute()
        audit.record(actor, "policy", profile, "reset", {"values_reset": count})
    return count
