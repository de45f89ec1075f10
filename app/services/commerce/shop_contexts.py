"""What the deadline engine needs to know of each shop (app.rules.engine_common.ShopContext):
the shop, its platform's policy profile and its working-day calendar with the rep's
corrections. Each is loaded once per `ShopContexts`: one per call that computes deadlines."""

from __future__ import annotations

from datetime import date

from app.models import CalendarOverride, Shop
from app.rules.calendar import WorkingCalendar
from app.rules.engine_common import ShopContext
from app.rules.policy import Profile
from app.services.commerce.policy import load_profile


class ShopContexts:
    """Shops (every shop, or the ones handed in), profiles and calendars of one call."""

    def __init__(self, shops: list[Shop] | None = None):
        self.shops = {s.id: s for s in (shops if shops is not None else Shop.select())}
        self._profiles: dict[str, Profile] = {}
        self._calendars: dict[str, WorkingCalendar] | None = None
        self._contexts: dict[int, ShopContext] = {}

    def profile(self, platform: str) -> Profile:
        if platform not in self._profiles:
            self._profiles[platform] = load_profile(platform)
        return self._profiles[platform]

    def calendar(self, name: str) -> WorkingCalendar:
        if self._calendars is None:
            by_name: dict[str, dict[date, bool]] = {}
            for o in CalendarOverride.select():
                by_name.setdefault(o.calendar, {})[o.day] = o.is_working
            self._calendars = {n: WorkingCalendar(days, n) for n, days in by_name.items()}
        return self._calendars.setdefault(name, WorkingCalendar(None, name))

    def for_shop(self, shop_id: int) -> ShopContext:
        if shop_id not in self._contexts:
            shop = self.shops[shop_id] if shop_id in self.shops else Shop.get_by_id(shop_id)
            profile = self.profile(shop.platform)
            self._contexts[shop_id] = ShopContext.of(shop, profile,
                                                     self.calendar(profile.calendar))
        return self._contexts[shop_id]
