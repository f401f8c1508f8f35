"""Attendance rates and warnings: each representative's meetings attended in person, and warnings
for a substitute who went unbriefed (or briefed only afterwards) and a regular report-back overdue."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from accord.domain.representation import duties
from accord.domain.representation.duties import AttendanceFact
from accord.frameworks import engine

STATUSES = ("attended", "apologies", "absent", "substitute")


def fact(status: str, person: int = 1, **kwargs) -> AttendanceFact:
    values = {"person_name": f"Cllr {person}", "meeting_title": "Board", "held_on": date(2026, 3, 12)}
    return AttendanceFact(person, **(values | kwargs), status=status)


def test_a_representatives_rate_counts_meetings_attended_in_person():
    rates = duties.rates([fact("attended"), fact("attended"), fact("apologies"), fact("substitute")])
    rate = rates[1]
    assert (rate.meetings, rate.attended, rate.apologies, rate.substitute, rate.absent) == (4, 2, 1, 1, 0)
    assert rate.label == "2 of 4 (50%)"
    assert rate.represented == 3


def test_an_unbriefed_substitute_is_a_warning_naming_the_meeting_and_the_people():
    (warning,) = duties.warnings(
        [fact("substitute", substitute_name="Cllr Sub", substitute_briefed=False), fact("attended")], None
    )
    assert warning.kind == "unbriefed_substitute"
    assert (
        warning.text == "Cllr Sub went to the Board on 12 March 2026 instead of Cllr 1 without being briefed."
    )


def test_a_substitute_briefed_only_after_the_meeting_is_a_warning_and_one_briefed_before_is_not():
    after = fact("substitute", substitute_name="S", substitute_briefed=True, briefed_on=date(2026, 3, 13))
    before = fact("substitute", substitute_name="S", substitute_briefed=True, briefed_on=date(2026, 3, 11))
    same_day = fact("substitute", substitute_name="S", substitute_briefed=True, briefed_on=date(2026, 3, 12))
    assert [w.text for w in duties.warnings([after], None)] == [
        "S went to the Board on 12 March 2026 instead of Cllr 1 but was briefed only afterwards."
    ]
    assert duties.warnings([before, same_day], None) == []


def _result(status: str, evidence: date | None = None) -> engine.ObligationResult:
    return engine.ObligationResult(
        "report_back_lsp",
        "Representatives report back to the Executive",
        "report_back",
        "001_c825c913872835d1.txt App 5 (ii)",
        status,
        date(2026, 4, 1),
        "activated",
        date(2020, 4, 1),
        evidence,
    )


def test_an_overdue_report_back_is_the_first_warning_with_its_clause():
    warnings = duties.warnings([fact("substitute")], _result(engine.OVERDUE, date(2025, 3, 2)))
    assert [w.kind for w in warnings] == ["report_back_overdue", "unbriefed_substitute"]
    assert warnings[0].text == (
        "Representatives report back to the Executive: it was due on 1 April 2026 and has not been recorded. "
        "The last one recorded was on 2 March 2025."
    )
    assert warnings[0].cite == "001_c825c913872835d1.txt App 5 (ii)"


def test_a_report_back_that_is_met_or_due_soon_is_no_warning():
    assert duties.warnings([], _result(engine.MET)) == []
    assert duties.warnings([], _result(engine.DUE_SOON)) == []


attendance = st.builds(
    AttendanceFact,
    person_id=st.integers(1, 4),
    person_name=st.just("Cllr"),
    meeting_title=st.just("Board"),
    held_on=st.dates(),
    status=st.sampled_from(STATUSES),
    substitute_name=st.just("Cllr Sub"),
    substitute_briefed=st.booleans(),
    briefed_on=st.none() | st.dates(),
)


@given(st.lists(attendance, max_size=20))
def test_rates_add_up_and_stay_between_none_and_all(facts):
    rates = duties.rates(facts)
    assert sum(r.meetings for r in rates.values()) == len(facts)
    for rate in rates.values():
        assert rate.attended + rate.apologies + rate.absent + rate.substitute == rate.meetings
        assert 0 <= rate.share <= 1


@given(st.lists(attendance, max_size=20))
def test_only_substitutes_ever_raise_substitute_warnings(facts):
    warnings = duties.substitute_warnings(facts)
    substitutes = [f for f in facts if f.status == "substitute"]
    assert len(warnings) <= len(substitutes)
    unbriefed = [f for f in substitutes if not f.substitute_briefed]
    assert len(warnings) >= len(unbriefed)
