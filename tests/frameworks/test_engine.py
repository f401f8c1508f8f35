from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.frameworks import engine
from accord.frameworks.durations import Duration, parse
from accord.frameworks.facts import PartnershipFacts

from .sample import sample_framework

FW = sample_framework()


def facts(**kw) -> PartnershipFacts:
    kw.setdefault("partnership_id", 1)
    return PartnershipFacts(**kw)


def test_an_arrangement_meeting_every_criterion_is_a_partnership_and_says_why():
    result = engine.classify(FW, {"others": True, "common_goal": True, "grant": False})
    assert result.is_partnership
    assert result.reasons[0].cite == FW.definition.cite


def test_an_exclusion_answered_yes_means_not_a_partnership_quoting_the_clause():
    result = engine.classify(FW, {"others": True, "common_goal": True, "grant": True})
    assert not result.is_partnership
    assert "grant funding agreement" in result.reasons[0].text


def test_unanswered_questions_give_no_verdict():
    result = engine.classify(FW, {"others": True})
    assert not result.is_partnership
    assert set(result.unanswered) == {"common_goal", "grant"}


def test_a_statutory_partnership_is_significant_because_it_is_statutory():
    result = engine.assess_significance(FW, facts(statutory=True))
    assert result.tier_id == "significant"
    assert result.reasons[0].text == "Statutory: yes"


def test_a_substantial_contribution_makes_it_significant_at_the_threshold():
    assert (
        engine.assess_significance(FW, facts(council_contribution=Decimal("50000"))).tier_id == "significant"
    )
    assert engine.assess_significance(FW, facts(council_contribution=Decimal("49999"))).tier_id == "other"


def test_deemed_significant_by_a_question_answer():
    assert engine.assess_significance(FW, facts(answers={"deemed": True})).tier_id == "significant"


def test_first_progress_report_due_six_months_after_joining():
    joined = date(2026, 1, 15)
    results = {
        r.obligation_id: r
        for r in engine.obligations(
            FW, facts(statutory=True, anchors={"activated": joined}), date(2026, 3, 1)
        )
    }
    assert results["progress"].due == date(2026, 7, 15)
    assert results["progress"].status == engine.NOT_YET_DUE
    assert results["exit"].status == engine.NOT_APPLICABLE


def test_statuses_over_time():
    f = facts(statutory=True, anchors={"activated": date(2026, 1, 15)})
    status = lambda today: {r.obligation_id: r for r in engine.obligations(FW, f, today)}["progress"].status  # noqa: E731
    assert status(date(2026, 6, 1)) == engine.NOT_YET_DUE
    assert status(date(2026, 6, 20)) == engine.DUE_SOON
    assert status(date(2026, 7, 16)) == engine.OVERDUE


def progress(f: PartnershipFacts, today: date, obligation_id: str = "progress") -> engine.ObligationResult:
    return {r.obligation_id: r for r in engine.obligations(FW, f, today)}[obligation_id]


def test_a_report_meets_its_due_date_and_the_next_is_due_a_year_after_it():
    f = facts(
        statutory=True,
        anchors={"activated": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 7, 1),)},
    )
    result = progress(f, date(2026, 8, 1))
    assert result.status == engine.MET
    assert result.due == date(2027, 7, 1), "at least yearly: a year after the last report"
    assert result.evidence == date(2026, 7, 1)


def test_a_report_done_on_day_one_makes_the_next_due_one_period_later_not_two():
    # Redditch's finding: a report on the first day made the next due 18 months later.
    f = facts(
        statutory=True,
        anchors={"activated": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 1, 15),)},
    )
    assert progress(f, date(2026, 2, 1)).due == date(2027, 1, 15)


def test_obligations_only_for_the_tier_they_name():
    f = facts(anchors={"activated": date(2020, 1, 1)})
    result = {r.obligation_id: r for r in engine.obligations(FW, f, date(2026, 1, 1))}["progress"]
    assert result.status == engine.NOT_APPLICABLE


def test_exit_form_due_three_months_after_the_decision_to_leave():
    f = facts(anchors={"decided_to_leave": date(2026, 11, 30)})
    result = {r.obligation_id: r for r in engine.obligations(FW, f, date(2026, 12, 1))}["exit"]
    assert result.due == date(2027, 2, 28)


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    joined=dates,
    today=dates,
    evidence=st.lists(dates, max_size=5),
    statutory=st.booleans(),
    leave=st.none() | dates,
)
def test_engine_properties(joined, today, evidence, statutory, leave):
    f = facts(
        statutory=statutory,
        anchors={"activated": joined, "decided_to_leave": leave},
        evidence={"progress_report": tuple(evidence), "exit_form": tuple(evidence)},
    )
    results = engine.obligations(FW, f, today)
    for r in results:
        if r.due is not None:
            assert r.due >= r.anchor_date, "no obligation is due before its anchor date"
        if r.status == engine.MET:
            assert r.evidence is not None, "met means there is evidence"
            if r.recurring:
                assert r.due >= today, "a met recurring obligation's next due date is still ahead"
        if r.status == engine.OVERDUE:
            assert today > r.due
    shuffled = facts(
        statutory=statutory,
        anchors={"decided_to_leave": leave, "activated": joined},
        evidence={"exit_form": tuple(reversed(evidence)), "progress_report": tuple(reversed(evidence))},
    )
    assert engine.obligations(FW, shuffled, today) == results, "results do not depend on input order"


@settings(max_examples=100, deadline=None)
@given(joined=dates, gap=st.integers(min_value=0, max_value=3000))
def test_evidence_on_the_due_date_meets_it(joined, gap):
    f = facts(statutory=True, anchors={"activated": joined})
    first = {r.obligation_id: r for r in engine.obligations(FW, f, joined)}["progress"].due
    met = facts(statutory=True, anchors={"activated": joined}, evidence={"progress_report": (first,)})
    after = {r.obligation_id: r for r in engine.obligations(FW, met, first + timedelta(days=1))}["progress"]
    assert after.status != engine.OVERDUE
    assert after.due > first


def test_a_late_report_restarts_the_clock_from_when_it_was_done():
    # Progress reports: first due 15 July 2026, then yearly. Done late, in November 2026: the next
    # is due a year after it, so two reports are never more than a year apart.
    f = facts(
        statutory=True,
        anchors={"activated": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 11, 20),)},
    )
    result = progress(f, date(2026, 12, 1))
    assert result.status == engine.MET
    assert result.due == date(2027, 11, 20)


def test_only_the_last_report_counts_however_many_came_before():
    f = facts(
        statutory=True,
        anchors={"activated": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 11, 20), date(2027, 7, 1), date(2027, 7, 10))},
    )
    assert progress(f, date(2027, 8, 1)).due == date(2028, 7, 10)


def test_evidence_from_before_the_partnership_became_active_does_not_count():
    # The set-up business case is not the first yearly "business case for continuing".
    f = facts(
        statutory=True,
        anchors={"activated": date(2026, 3, 1)},
        evidence={"progress_report": (date(2026, 2, 1),)},
    )
    result = progress(f, date(2026, 4, 1))
    assert (result.status, result.due, result.evidence) == (engine.NOT_YET_DUE, date(2026, 9, 1), None)


# A fixed cadence: a report for each quarter ------------------------------------------------------


def test_a_fixed_cadence_needs_one_report_in_each_period():
    activated = date(2026, 1, 1)  # quarters due 1 April, 1 July, 1 October...
    f = facts(
        statutory=True, anchors={"activated": activated}, evidence={"progress_report": (date(2026, 3, 20),)}
    )
    result = progress(f, date(2026, 4, 2), "monitoring")
    assert (result.status, result.due) == (engine.MET, date(2026, 7, 1))
    early = facts(
        statutory=True, anchors={"activated": activated}, evidence={"progress_report": (date(2026, 1, 2),)}
    )
    assert progress(early, date(2026, 4, 2), "monitoring").due == date(2026, 7, 1), (
        "early never skips a period"
    )


def test_a_late_report_in_a_fixed_cadence_meets_the_missed_period_only():
    f = facts(
        statutory=True,
        anchors={"activated": date(2026, 1, 1)},
        evidence={"progress_report": (date(2026, 4, 20),)},
    )
    result = progress(f, date(2026, 4, 21), "monitoring")
    assert result.due == date(2026, 7, 1), (
        "April's report meets the quarter due 1 April, late; July's is still due"
    )


# Tracking from go-live (ADR 0021) ---------------------------------------------------------------


def test_a_duty_that_fell_due_before_accord_is_before_accord_not_overdue():
    f = facts(statutory=True, anchors={"activated": date(2005, 4, 1)}, tracking_from=date(2026, 9, 1))
    result = progress(f, date(2026, 12, 6))
    assert result.status == engine.BEFORE_ACCORD
    assert result.due is None
    assert "record when it was last done" in result.why


def test_a_last_done_date_recorded_for_before_accord_sets_the_next_due_date():
    f = facts(
        statutory=True,
        anchors={"activated": date(2012, 4, 1)},
        tracking_from=date(2026, 9, 1),
        last_done={"progress": date(2026, 3, 14)},
    )
    result = progress(f, date(2026, 12, 6))
    assert (result.status, result.due, result.evidence) == (engine.MET, date(2027, 3, 14), date(2026, 3, 14))


def test_a_duty_already_late_at_go_live_is_due_from_go_live_and_says_when_it_fell_due():
    f = facts(
        statutory=True,
        anchors={"activated": date(2012, 4, 1)},
        tracking_from=date(2026, 9, 1),
        last_done={"progress": date(2024, 3, 14)},
    )
    result = progress(f, date(2026, 12, 6))
    assert (result.status, result.due) == (engine.OVERDUE, date(2026, 9, 1))
    assert "Was due on 14 March 2025, before Accord began tracking on 1 September 2026" in result.why


def test_a_partnership_that_became_active_after_go_live_is_tracked_as_usual():
    f = facts(statutory=True, anchors={"activated": date(2026, 10, 1)}, tracking_from=date(2026, 9, 1))
    assert progress(f, date(2027, 4, 2)).status == engine.OVERDUE


# Ending, fallback anchors ---------------------------------------------------------------------------


@pytest.mark.parametrize("ended", ["closed", "rejected", "withdrawn"])
def test_nothing_is_due_once_a_partnership_has_ended(ended):
    f = facts(
        statutory=True,
        status=ended,
        ended_on=date(2026, 11, 1),
        anchors={"activated": date(2020, 1, 1), "decided_to_leave": date(2026, 10, 1)},
    )
    results = engine.obligations(FW, f, date(2026, 12, 6))
    assert results and {r.status for r in results} == {engine.NOT_APPLICABLE}
    assert all("ended on 1 November 2026" in r.why for r in results)


def test_an_agreement_review_counts_from_activation_where_no_signed_date_is_recorded():
    framework = FW.model_copy(
        update={
            "obligations": [
                FW.obligations[0].model_copy(
                    update={"id": "agreement", "anchor": "agreement_signed", "fallback_anchor": "activated"}
                )
            ]
        }
    )
    f = facts(statutory=True, anchors={"activated": date(2026, 1, 15)})
    result = next(
        r for r in engine.obligations(framework, f, date(2026, 2, 1)) if r.obligation_id == "agreement"
    )
    assert (result.due, result.anchor) == (date(2026, 7, 15), "activated")
    assert result.why == "Counted from when it was activated"
    signed = facts(
        statutory=True, anchors={"activated": date(2026, 1, 15), "agreement_signed": date(2026, 2, 1)}
    )
    result = next(
        r for r in engine.obligations(framework, signed, date(2026, 2, 2)) if r.obligation_id == "agreement"
    )
    assert (result.due, result.anchor) == (date(2026, 8, 1), "agreement_signed")


# Properties -------------------------------------------------------------------------------------------

cadences = st.sampled_from(["progress", "monitoring"])


def grid(first: date, repeat, k: int) -> date:
    """The k-th date of a fixed grid, worked out independently of the engine."""
    months = repeat.years * 12 + repeat.months
    return Duration(months=months * k).after(first)


@settings(max_examples=300, deadline=None)
@given(
    activated=dates,
    obligation_id=cadences,
    slack=st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=8),
)
def test_done_on_time_the_gap_between_consecutive_due_dates_never_exceeds_the_cadence(
    activated, obligation_id, slack
):
    """Whatever day of its period each completion falls on (on time), the next due date is never
    more than one cadence after the one before; a rolling duty is next due one cadence after it was
    done, and a fixed one on the next date of its grid — doing it early never skips a period."""
    obligation = next(o for o in FW.obligations if o.id == obligation_id)
    repeat = parse(obligation.repeat)
    first = progress(facts(statutory=True, anchors={"activated": activated}), activated, obligation_id).due
    due, previous_due, done = first, None, []
    for k, days_early in enumerate(slack):
        window_start = previous_due + timedelta(days=1) if previous_due else activated
        completed = max(window_start, due - timedelta(days=days_early))  # in the period, on time
        done.append(completed)
        f = facts(statutory=True, anchors={"activated": activated}, evidence={"progress_report": tuple(done)})
        next_due = progress(f, completed, obligation_id).due
        assert next_due > completed
        if obligation.cadence == "rolling":
            assert next_due == repeat.after(completed), "at least every period: one period after it was done"
            assert next_due <= repeat.after(due), "consecutive due dates are at most one cadence apart"
        else:
            assert next_due == grid(first, repeat, k + 1), "the next period's date, never one further"
        previous_due, due = due, next_due


@settings(max_examples=200, deadline=None)
@given(
    activated=dates,
    today=dates,
    tracking=dates,
    evidence=st.lists(dates, max_size=5),
    last_done=st.none() | dates,
    status=st.sampled_from(["active", "under_review", "leaving", "closed", "rejected", "withdrawn"]),
)
def test_nothing_is_overdue_before_go_live_or_after_closing(
    activated, today, tracking, evidence, last_done, status
):
    f = facts(
        statutory=True,
        status=status,
        anchors={"activated": activated},
        evidence={"progress_report": tuple(evidence)},
        tracking_from=tracking,
        last_done={"progress": last_done} if last_done else {},
    )
    for result in engine.obligations(FW, f, today):
        if status in engine.ENDED:
            assert result.status == engine.NOT_APPLICABLE
        if result.status == engine.OVERDUE:
            assert result.due >= tracking, "nothing that fell due before go-live is overdue"
            assert today > result.due


def test_a_report_after_years_of_none_meets_the_duty_and_the_next_is_a_year_later():
    f = facts(
        statutory=True,
        anchors={"activated": date(2020, 1, 15)},
        evidence={"progress_report": (date(2026, 11, 20),)},
    )
    assert (progress(f, date(2026, 12, 1)).status, progress(f, date(2026, 12, 1)).due) == (
        engine.MET,
        date(2027, 11, 20),
    )
