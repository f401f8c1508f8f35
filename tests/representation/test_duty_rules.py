"""Report-back rules as data (Bury App 5 (ii)): each framework type says who the council sends and
when its representatives report back; a regular report-back is an obligation met by recorded
report-backs; the rest are guidance. The schema and checks refuse rules that do not hang together."""

from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError

from accord.frameworks import checks, duty_rules, engine, loader
from accord.frameworks.facts import PartnershipFacts
from accord.frameworks.schema import ReportBack

BURY_CITE = "001_c825c913872835d1.txt App 5 (ii)"
FRAMEWORKS = ("bury", "central_bedfordshire", "chorley", "model", "northampton", "redditch")


def facts(register_type: str, joined: date | None = date(2024, 4, 1), *reported: date) -> PartnershipFacts:
    evidence = {duty_rules.REPORT_BACK: tuple(reported)} if reported else {}
    return PartnershipFacts(1, register_type=register_type, anchors={"activated": joined}, evidence=evidence)


def report_back_results(framework, partnership_facts, today):
    return [
        r
        for r in engine.obligations(framework, partnership_facts, today)
        if r.obligation_id.startswith("report_back")
    ]


def test_bury_lsp_representatives_report_back_to_the_executive_every_year():
    bury = loader.get("bury")
    found = duty_rules.expectation(bury, "Local strategic partnership")
    assert found.rule.to == "the Executive" and found.rule.trigger == "regular"
    assert found.rule.cite == BURY_CITE
    assert found.when == "Every year"
    (result,) = report_back_results(bury, facts("Local strategic partnership"), date(2025, 3, 1))
    assert result.obligation_id == "report_back_local_strategic_partnership"
    assert result.due == date(2025, 4, 1) and result.status == engine.DUE_SOON
    assert result.cite == BURY_CITE


def test_an_overdue_report_back_is_met_by_reporting_back():
    bury = loader.get("bury")
    (late,) = report_back_results(bury, facts("Local strategic partnership"), date(2025, 6, 1))
    assert late.status == engine.OVERDUE
    (met,) = report_back_results(
        bury, facts("Local strategic partnership", date(2024, 4, 1), date(2025, 3, 20)), date(2025, 6, 1)
    )
    # Reported back on 20 March 2025: the next is due a year after it, never more than a year apart.
    assert met.status == engine.MET and met.due == date(2026, 3, 20) and met.evidence == date(2025, 3, 20)


def test_report_backs_only_if_issues_arise_are_guidance_not_obligations():
    bury = loader.get("bury")
    forum = duty_rules.expectation(bury, "Formal forum")
    assert forum.rule.trigger == "policy_issues" and forum.obligation is None
    assert forum.when == "Only if policy issues arise"
    committee = duty_rules.expectation(bury, "Management committee")
    assert committee.rule.wording == "Only if fundamental policy or performance issues arise"
    delivery = duty_rules.expectation(bury, "Joint venture company")
    assert delivery.rule.trigger == "performance_issues"
    assert delivery.rule.involvement == "Officer (and Member if appropriate)"
    assert report_back_results(bury, facts("Formal forum"), date(2030, 1, 1)) == []


def test_where_the_seed_is_silent_the_file_says_so():
    bury = loader.get("bury")
    joint = duty_rules.expectation(bury, "Joint committee")
    assert joint.rule.specified is False and "empty" in joint.rule.note
    chorley = loader.get("chorley")
    assert duty_rules.rules(chorley) == ()
    assert duty_rules.expectation(chorley, "Local strategic partnership").rule.specified is False


def test_every_type_of_every_bundled_framework_has_a_report_back_section():
    for framework_id in FRAMEWORKS:
        framework = loader.get(framework_id)
        for type_rule in framework.types:
            assert type_rule.report_back, f"{framework_id}.{type_rule.id} has no report_back"
            for rule in type_rule.report_back:
                assert rule.specified or rule.guidance


def test_redditch_officer_representatives_report_by_exception_to_their_head_of_service():
    found = duty_rules.expectation(loader.get("redditch"), "Host")
    assert found.rule.trigger == "issues" and "Head of Service" in found.rule.to
    assert found.rule.cite == "004_0d99c29b5f1d20f0.txt 7"


def test_the_regular_rules_are_listed_with_the_other_obligations():
    bury = loader.get("bury")
    ids = [item.id for item in engine.definitions(bury)]
    assert "report_back_local_strategic_partnership" in ids


def test_a_partnership_type_outside_the_framework_has_no_expectation():
    assert duty_rules.expectation(loader.get("bury"), "Something else") is None
    assert report_back_results(loader.get("bury"), facts("Something else"), date(2030, 1, 1)) == []


def test_no_joined_date_means_the_report_back_is_not_yet_counted():
    (result,) = report_back_results(
        loader.get("bury"), facts("Local strategic partnership", None), date(2030, 1, 1)
    )
    assert result.status == engine.NOT_APPLICABLE


@pytest.mark.parametrize(
    "values, message",
    [
        ({"trigger": "regular"}, "needs `every`"),
        ({"trigger": "policy_issues", "every": "P1Y"}, "needs `every`"),
        ({"trigger": "regular", "every": "yearly"}, "not a duration"),
        ({}, "needs a trigger"),
        ({"specified": False}, "guidance"),
        ({"trigger": "as_agreed", "anchor": "whenever"}, "anchor"),
    ],
)
def test_a_report_back_rule_that_does_not_hang_together_is_refused(values, message):
    with pytest.raises(ValidationError, match=message):
        ReportBack(cite=BURY_CITE, **values)


def test_checks_refuse_a_rule_for_a_register_type_outside_its_type_or_given_twice():
    bury = loader.get("bury")
    data = bury.model_dump()
    rules = data["types"][0]["report_back"]
    rules.append({**rules[0]})
    rules.append(
        {"register_names": ["Private finance initiative"], "trigger": "as_agreed", "cite": BURY_CITE}
    )
    broken = type(bury).model_validate(data)
    problems = [message for _, message in checks.check_report_back(broken)]
    assert any("not a register type of type 'permitted_by_law'" in p for p in problems)
    assert any("more than one report-back rule for formal forum" in p for p in problems)
    assert list(checks.check_report_back(bury)) == []


@given(
    joined=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    gap=st.integers(min_value=0, max_value=4000),
)
@example(joined=date(2000, 1, 1), gap=731)  # on a later due date, with the first one missed
def test_on_the_day_representatives_report_back_the_duty_is_never_overdue(joined, gap):
    reported = joined + timedelta(days=gap)
    bury = loader.get("bury")
    (result,) = report_back_results(bury, facts("Local strategic partnership", joined, reported), reported)
    assert result.status != engine.OVERDUE
    assert result.due > reported
