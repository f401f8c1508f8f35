"""The reminder planner on its own: who hears about what, and when an item is escalated."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from accord.frameworks.durations import parse
from accord.frameworks.schema import Reminders
from accord.outputs.reminders import planner
from accord.outputs.reminders.planner import (
    DUE_SOON,
    ESCALATION,
    LATER,
    OVERDUE,
    REMINDER,
    Contact,
    Item,
    Owned,
)

RULES = Reminders(cite="004_0d99c29b5f1d20f0.txt 7", specified=False)  # 14 days, then the Head of Service
OLIVE = Contact("olive@chorley.example.gov.uk", "Olive Officer", 1, 11)
LEN = Contact("len@chorley.example.gov.uk", "Len Link", None, 12)
HANNAH = Contact("hannah@chorley.example.gov.uk", "Hannah Head", 3, 13)
DUE = date(2026, 7, 1)


def item(status: str = OVERDUE, due: date = DUE, key: str = "report", partnership: int = 1) -> Item:
    return Item(
        partnership, f"Partnership {partnership}", key, "Performance report", due, status, "/p/1/#needs"
    )


def owned(entry: Item, owners=(OLIVE,), escalate_to=(HANNAH,)) -> Owned:
    return Owned(entry, tuple(owners), tuple(escalate_to))


def test_an_overdue_item_is_escalated_exactly_fourteen_days_after_it_was_due_and_not_before():
    thirteen = planner.plan([owned(item())], DUE + timedelta(days=13), RULES)
    fourteen = planner.plan([owned(item())], DUE + timedelta(days=14), RULES)
    assert [m.recipient for m in thirteen] == [OLIVE]
    assert {m.recipient.email: (len(m.reminders), len(m.escalations)) for m in fourteen} == {
        OLIVE.email: (1, 0),
        HANNAH.email: (0, 1),
    }
    # ...and it stays escalated every day after while it is overdue.
    assert any(m.escalations for m in planner.plan([owned(item())], DUE + timedelta(days=40), RULES))


def test_the_framework_sets_how_long_before_escalation():
    week = Reminders(cite="004_0d99c29b5f1d20f0.txt 7", specified=True, escalate_after="P1W")
    assert not any(m.escalations for m in planner.plan([owned(item())], DUE + timedelta(days=6), week))
    assert any(m.escalations for m in planner.plan([owned(item())], DUE + timedelta(days=7), week))


@given(days=st.integers(min_value=-400, max_value=400), after=st.integers(min_value=0, max_value=90))
def test_escalation_is_due_from_the_set_number_of_days_overdue_on(days, after):
    today = DUE + timedelta(days=days)
    assert planner.escalation_due(DUE, today, parse(f"P{after}D")) == (days > 0 and days >= after)


@given(days=st.integers(min_value=-400, max_value=400))
def test_an_item_is_overdue_after_its_date_due_soon_within_the_window_and_later_before(days):
    today = DUE + timedelta(days=days)
    status = planner.status_of(DUE, today, parse("P14D"))
    assert status == (OVERDUE if days > 0 else DUE_SOON if days >= -14 else LATER)


def test_items_not_yet_due_soon_are_not_reminded():
    assert planner.plan([owned(item(LATER, DUE + timedelta(days=90)))], DUE, RULES) == []


def test_due_soon_items_are_reminded_but_never_escalated():
    messages = planner.plan([owned(item(DUE_SOON))], DUE - timedelta(days=3), RULES)
    assert [(m.recipient, len(m.reminders), len(m.escalations)) for m in messages] == [(OLIVE, 1, 0)]


def test_the_lead_officer_owns_the_obligations_and_the_link_officer_only_when_there_is_no_lead():
    order = ["lead_officer", "link_officer"]
    both = [("link_officer", LEN), ("lead_officer", OLIVE)]
    assert planner.owners_from(both, order) == (OLIVE,)
    assert planner.owners_from([("link_officer", LEN)], order) == (LEN,)
    assert planner.owners_from([("accountable_head_of_service", HANNAH)], order) == ()


def test_each_person_gets_one_message_listing_everything_for_them_overdue_first():
    entries = [
        owned(item(DUE_SOON, DUE + timedelta(days=20), key="governance")),
        owned(item(OVERDUE, DUE - timedelta(days=30), key="report", partnership=2)),
        owned(item(OVERDUE, DUE - timedelta(days=1), key="review", partnership=3), owners=(LEN,)),
    ]
    messages = planner.plan(entries, DUE, RULES)
    olive = next(m for m in messages if m.recipient == OLIVE)
    assert [i.key for i in olive.reminders] == ["report", "governance"]
    assert [m.recipient.email for m in messages] == sorted(m.recipient.email for m in messages)
    hannah = next(m for m in messages if m.recipient == HANNAH)
    assert [i.key for i in hannah.escalations] == ["report"]  # 30 days overdue; the other only 1
    assert hannah.owners[(2, "report")] == (OLIVE,)


def test_what_was_already_sent_today_is_left_out():
    sent = {(OLIVE.email, 1, "report", REMINDER), (HANNAH.email, 1, "report", ESCALATION)}
    assert planner.plan([owned(item())], DUE + timedelta(days=20), RULES, sent) == []


def test_someone_who_is_both_owner_and_head_of_service_hears_of_it_once_as_each():
    messages = planner.plan([owned(item(), escalate_to=(OLIVE,))], DUE + timedelta(days=20), RULES)
    assert [(len(m.reminders), len(m.escalations)) for m in messages] == [(1, 1)]


@given(
    st.lists(
        st.tuples(
            st.sampled_from([OVERDUE, DUE_SOON, LATER]),
            st.integers(min_value=-60, max_value=60),
            st.sampled_from([(OLIVE,), (LEN,), (OLIVE, LEN), ()]),
        ),
        max_size=12,
    )
)
def test_nobody_hears_twice_of_the_same_item_in_the_same_way(rows):
    entries = [
        owned(item(status, DUE + timedelta(days=offset), key=f"k{i}"), owners=owners)
        for i, (status, offset, owners) in enumerate(rows)
    ]
    messages = planner.plan(entries, DUE, RULES)
    seen = [(m.recipient.email, i.key, kind) for m in messages for i, kind in m.entries()]
    assert len(seen) == len(set(seen))
    assert all(i.status in (OVERDUE, DUE_SOON) for m in messages for i, _ in m.entries())
