"""The state machines of after-sales requests and disputes: the generic machine, the tables,
every allowed transition driven through the real services, every forbidden one refused with
nothing written, and a hypothesis stateful run of random steps at random times."""

from collections import deque
from datetime import timedelta

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from app.db import close_database, open_database
from app.models import AuditEntry, DisputeEvent, RequestEvent
from app.vocab import DISPUTE_STATES, REQUEST_STATES
from app.services.casework import aftersales, disputes
from app.services.casework.aftersales_rules import REQUEST_MACHINE
from app.services.casework.dispute_rules import DISPUTE_MACHINE
from app.errors import ForbiddenTransition, InvalidInput, ServiceError
from app.services.common.state_machine import SAME, START, StateMachine
from tests.factories import T0, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
SECOND = timedelta(seconds=1)


# --- the generic machine --------------------------------------------------------------------

def small_machine():
    return StateMachine("ticket", ("new", "open", "done"), [
        ("create", [START], "new"),
        ("start", ["new"], "open"),
        ("note", ["new", "open"], SAME),
        ("finish", ["open"], {"ok": "done", "again": "new"}),
    ], final_states=("done",))


def test_generic_machine_follows_its_table():
    m = small_machine()
    assert m.next_state(START, "create") == "new"
    assert m.next_state("new", "start") == "open"
    assert m.next_state("open", "note") == "open"
    assert m.next_state("open", "finish", "again") == "new"
    assert m.allowed_actions("new") == ("start", "note")
    assert m.allowed_actions("done") == ()
    assert m.targets("open", "finish") == ("done", "new")


def test_generic_machine_refuses_with_the_possible_actions():
    with pytest.raises(ForbiddenTransition) as info:
        small_machine().next_state("new", "finish", "ok", subject="Ticket 4")
    assert str(info.value) == ("Ticket 4 is 'new': 'finish' is not possible in that state. "
                               "Possible now: note, start.")
    assert (info.value.state, info.value.action) == ("new", "finish")


@pytest.mark.parametrize("rows", [
    [("go", ["new"], "nowhere")],
    [("go", ["limbo"], "new")],
    [("go", ["new"], "open"), ("go", ["new"], "done")],
])
def test_generic_machine_rejects_a_broken_table(rows):
    with pytest.raises(ValueError):
        StateMachine("ticket", ("new", "open", "done"), rows)


def test_a_branch_must_be_named():
    with pytest.raises(ValueError, match="again"):
        small_machine().next_state("open", "finish")


@pytest.mark.parametrize("machine, states", [(REQUEST_MACHINE, REQUEST_STATES),
                                             (DISPUTE_MACHINE, DISPUTE_STATES)])
def test_every_state_is_reachable_and_final_states_are_final(machine, states):
    seen, queue = {START}, deque([START])
    while queue:
        state = queue.popleft()
        for action in machine.allowed_actions(state):
            for new in machine.targets(state, action):
                if new not in seen:
                    seen.add(new)
                    queue.append(new)
    assert seen - {START} == set(states)
    for final in machine.final_states:
        assert set(machine.allowed_actions(final)) <= {"appeal"}   # rule AE-14 only


# --- drivers: perform any action on a real case at a time its rules allow -----------------------

class RequestDriver:
    kind = "aftersales"
    prepared = {}
    machine = REQUEST_MACHINE
    events = RequestEvent

    def __init__(self, solution):
        self.solution = solution      # the request's service type
        shop = make_shop("tb", platform="taobao")
        self.order = make_order(shop, "123", status="completed", completed_at=T0)
        self.case, self.now = None, T0

    @staticmethod
    def feasible(action, branch, solution):
        if action == "agree":
            return solution == "refund_only"
        if action == "agree_return":
            return solution == "return_and_refund"
        return branch in (None, solution)

    def time_for(self, action, pause):
        r, at = self.case, self.now + pause
        if action == "auto_agree":
            return max(at, (r.submitted_at or at) + 5 * DAY + SECOND)        # rule TB-3
        if action == "revise_window_expired":
            return max(at, (r.refused_at or at) + 5 * DAY + SECOND)          # rule TB-3
        return at

    def do(self, action, pause=HOUR):
        at = self.time_for(action, pause) if self.case else self.now + pause
        call = {
            "open_request": lambda: aftersales.open_request(self.order, self.solution, "quality",
                                                            "10.00", at),
            "refuse": lambda: aftersales.refuse(self.case, "used", at),
            "ship_return": lambda: aftersales.ship_return(self.case, at, tracking_no="SF1"),
        }.get(action, lambda: getattr(aftersales, action)(self.case, at))
        result = call()
        self.case, self.now = result, at
        return result


class DisputeDriver:
    kind = "dispute"
    # The buyer can only accept a proposal the seller made (AE-9).
    prepared = {("negotiating", "buyer_accept"): ["open_dispute", "seller_counter_propose"],
                ("escalated", "buyer_accept"): ["open_dispute", "seller_counter_propose",
                                                "buyer_escalate"]}
    machine = DISPUTE_MACHINE
    events = DisputeEvent

    def __init__(self, solution):
        self.solution = solution      # every proposal's solution type
        shop = make_shop("ae")
        self.order = make_order(shop, "8001", status="shipped")
        self.case, self.now = None, T0 + 10 * DAY

    @staticmethod
    def feasible(action, branch, solution):
        return branch in (None, solution)

    def time_for(self, action, pause):
        d, at = self.case, self.now + pause
        t0 = d.first_request_at
        return {
            "buyer_escalate": max(at, t0 + 3 * DAY),                       # rule AE-5
            "auto_escalate": max(at, t0 + 15 * DAY + SECOND),              # rule AE-6
            "seller_response_timeout": max(at, d.buyer_changed_at + 5 * DAY + SECOND),  # AE-3
            "return_timeout": max(at, (d.return_agreed_at or at) + 10 * DAY + SECOND),  # AE-15
        }.get(action, at)

    def do(self, action, pause=HOUR):
        at = self.time_for(action, pause) if self.case else self.now + pause
        s = self.solution
        special = {
            "open_dispute": lambda: disputes.open_dispute(self.order, "not_as_described",
                                                          "quality", "Quality problem", s,
                                                          "12.00", at),
            "buyer_modify": lambda: disputes.buyer_modify(self.case, at, refund_amount="11.00"),
            "seller_refuse": lambda: disputes.seller_refuse(self.case, "no", at),
            "seller_counter_propose": lambda: disputes.seller_counter_propose(self.case, s,
                                                                              "5.00", at),
            "platform_propose": lambda: disputes.platform_propose(self.case, s, "7.00", at),
            "platform_rule": lambda: disputes.platform_rule(self.case, "buyer", at,
                                                            refund_amount="7.00",
                                                            solution_type=s),
            "buyer_ship_return": lambda: disputes.buyer_ship_return(self.case, at,
                                                                    tracking_no="LP1"),
        }
        call = special.get(action, lambda: getattr(disputes, action)(self.case, at))
        result = call()
        self.case, self.now = result, at
        return result


SOLUTIONS = {RequestDriver: ("refund_only", "return_and_refund"),
             DisputeDriver: ("refund", "return_and_refund")}


def path_to(driver_cls, state, solution):
    """The shortest list of actions from nothing to `state` for a case of `solution`."""
    machine = driver_cls.machine
    queue, seen = deque([(START, [])]), {START}
    while queue:
        current, path = queue.popleft()
        if current == state:
            return path
        for s, action, branch, new in machine.transitions():
            if s == current and new not in seen and driver_cls.feasible(action, branch, solution):
                seen.add(new)
                queue.append((new, path + [action]))
    return None


def transitions(driver_cls):
    for state, action, branch, new in driver_cls.machine.transitions():
        if state == START:
            continue
        for solution in SOLUTIONS[driver_cls]:
            if driver_cls.feasible(action, branch, solution) and path_to(driver_cls, state,
                                                                          solution) is not None:
                yield pytest.param(driver_cls, solution, state, action, new,
                                   id=f"{driver_cls.kind}-{solution}-{state}-{action}")
                break


def written():
    return (RequestEvent.select().count() + DisputeEvent.select().count(),
            AuditEntry.select().count())


@pytest.mark.parametrize("driver_cls, solution, state, action, new",
                         list(transitions(RequestDriver)) + list(transitions(DisputeDriver)))
def test_every_allowed_transition_through_the_service(db, driver_cls, solution, state, action,
                                                      new):
    driver = driver_cls(solution)
    for step in driver_cls.prepared.get((state, action)) or path_to(driver_cls, state, solution):
        driver.do(step)
    assert driver.case.state == state
    events, audits = written()
    case = driver.do(action)
    assert case.state == new
    assert written() == (events + 1, audits + 1)
    last = case.events.order_by(driver_cls.events.id.desc()).first()
    assert (last.action, last.from_state, last.to_state) == (action, state, new)


def test_every_transition_of_the_tables_is_covered():
    covered = {(p.values[0], p.values[2], p.values[3])
               for p in list(transitions(RequestDriver)) + list(transitions(DisputeDriver))}
    for cls in (RequestDriver, DisputeDriver):
        for state, action, _branch, _new in cls.machine.transitions():
            if state != START:
                assert (cls, state, action) in covered


def forbidden_cases():
    for cls in (RequestDriver, DisputeDriver):
        for state in cls.machine.states:
            yield pytest.param(cls, state, id=f"{cls.kind}-{state}")


@pytest.mark.parametrize("driver_cls, state", list(forbidden_cases()))
def test_forbidden_actions_are_refused_and_write_nothing(db, driver_cls, state):
    solution = next(s for s in SOLUTIONS[driver_cls] if path_to(driver_cls, state, s))
    driver = driver_cls(solution)
    for step in path_to(driver_cls, state, solution):
        driver.do(step)
    before = written()
    refused = [a for a in driver_cls.machine.actions
               if not driver_cls.machine.can(state, a) and a not in ("open_request",
                                                                     "open_dispute")]
    assert refused
    for action in refused:
        with pytest.raises(ForbiddenTransition, match=f"is '{state}': '{action}' is not possible"):
            driver.do(action)
        assert written() == before and driver.case.state == state


# --- random walks ---------------------------------------------------------------------------------

OUTCOMES: set = set()   # (state, action) pairs that succeeded, for a look while debugging


class RandomSteps(RuleBasedStateMachine):
    """Any action at any later time either moves the case as the table says, writing one event
    and one audit entry, or is refused, writing nothing."""

    def __init__(self):
        super().__init__()
        open_database(":memory:")
        self.driver = None

    @rule(kind=st.sampled_from([RequestDriver, DisputeDriver]), data=st.data())
    def open_case(self, kind, data):
        if self.driver is None:
            self.driver = kind(data.draw(st.sampled_from(SOLUTIONS[kind])))
            self.driver.do(self.driver.machine.actions[0])

    @rule(data=st.data(), hours=st.integers(min_value=0, max_value=24 * 20))
    def any_step(self, data, hours):
        if self.driver is not None:
            self.attempt(data.draw(st.sampled_from(self.driver.machine.actions[1:])), hours)

    @rule(data=st.data(), hours=st.integers(min_value=0, max_value=24 * 6))
    def possible_step(self, data, hours):
        if self.driver is not None:
            actions = self.driver.machine.allowed_actions(self.driver.case.state)
            if actions:
                self.attempt(data.draw(st.sampled_from(actions)), hours)

    def attempt(self, action, hours):
        d = self.driver
        state, before = d.case.state, written()
        allowed = d.machine.can(state, action)
        try:
            case = d.do(action, pause=timedelta(hours=hours))
        except ForbiddenTransition:
            assert not allowed
        except (InvalidInput, ServiceError):
            assert allowed            # a rule or the input refused it (e.g. AE-5 passed)
        else:
            assert allowed and case.state in d.machine.targets(state, action)
            assert written() == (before[0] + 1, before[1] + 1)
            OUTCOMES.add((state, action))
            return
        assert written() == before
        fresh = type(d.case).get_by_id(d.case.id)
        assert fresh.state == state

    @invariant()
    def events_and_audit_agree(self):
        if self.driver is not None and self.driver.case is not None:
            events, audits = written()
            assert events == audits

    def teardown(self):
        close_database()


TestRandomSteps = RandomSteps.TestCase
TestRandomSteps.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
