from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from accord.frameworks import engine
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
        for r in engine.obligations(FW, facts(statutory=True, anchors={"joined": joined}), date(2026, 3, 1))
    }
    assert results["progress"].due == date(2026, 7, 15)
    assert results["progress"].status == engine.NOT_YET_DUE
    assert results["exit"].status == engine.NOT_APPLICABLE


def test_statuses_over_time():
    f = facts(statutory=True, anchors={"joined": date(2026, 1, 15)})
    status = lambda today: {r.obligation_id: r for r in engine.obligations(FW, f, today)}["progress"].status  # noqa: E731
    assert status(date(2026, 6, 1)) == engine.NOT_YET_DUE
    assert status(date(2026, 6, 20)) == engine.DUE_SOON
    assert status(date(2026, 7, 16)) == engine.OVERDUE


def test_a_report_meets_its_due_date_and_the_next_is_a_year_later():
    f = facts(
        statutory=True,
        anchors={"joined": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 7, 1),)},
    )
    result = {r.obligation_id: r for r in engine.obligations(FW, f, date(2026, 8, 1))}["progress"]
    assert result.status == engine.MET
    assert result.due == date(2027, 7, 15)
    assert result.evidence == date(2026, 7, 1)


def test_obligations_only_for_the_tier_they_name():
    f = facts(anchors={"joined": date(2020, 1, 1)})
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
        anchors={"joined": joined, "decided_to_leave": leave},
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
        anchors={"decided_to_leave": leave, "joined": joined},
        evidence={"exit_form": tuple(reversed(evidence)), "progress_report": tuple(reversed(evidence))},
    )
    assert engine.obligations(FW, shuffled, today) == results, "results do not depend on input order"


@settings(max_examples=100, deadline=None)
@given(joined=dates, gap=st.integers(min_value=0, max_value=3000))
def test_evidence_on_the_due_date_meets_it(joined, gap):
    f = facts(statutory=True, anchors={"joined": joined})
    first = {r.obligation_id: r for r in engine.obligations(FW, f, joined)}["progress"].due
    met = facts(statutory=True, anchors={"joined": joined}, evidence={"progress_report": (first,)})
    after = {r.obligation_id: r for r in engine.obligations(FW, met, first + timedelta(days=1))}["progress"]
    assert after.status != engine.OVERDUE
    assert after.due > first


def test_a_late_report_meets_the_overdue_date_and_the_next_is_still_due_on_time():
    # Progress reports: first due 15 July 2026, then yearly. Done late, in November 2026.
    f = facts(
        statutory=True,
        anchors={"joined": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 11, 20),)},
    )
    result = {r.obligation_id: r for r in engine.obligations(FW, f, date(2026, 12, 1))}["progress"]
    assert result.status == engine.MET
    assert result.due == date(2027, 7, 15), "the late report does not also count for July 2027"


def test_an_early_report_meets_the_coming_date_and_a_second_in_the_same_cycle_changes_nothing():
    f = facts(
        statutory=True,
        anchors={"joined": date(2026, 1, 15)},
        evidence={"progress_report": (date(2026, 11, 20), date(2027, 7, 1), date(2027, 7, 10))},
    )
    result = {r.obligation_id: r for r in engine.obligations(FW, f, date(2027, 8, 1))}["progress"]
    assert result.due == date(2028, 7, 15)


def test_a_report_after_years_of_none_is_credited_to_the_last_missed_date_only():
    f = facts(
        statutory=True,
        anchors={"joined": date(2020, 1, 15)},
        evidence={"progress_report": (date(2026, 11, 20),)},
    )
    result = {r.obligation_id: r for r in engine.obligations(FW, f, date(2026, 12, 1))}["progress"]
    assert (result.status, result.due) == (engine.MET, date(2027, 7, 15))
