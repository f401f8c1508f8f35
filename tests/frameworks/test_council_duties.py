"""Council-level obligations (ADR 0031): the schema, its checks and the pure engine. Every date is
given to the engine, so nothing here depends on the day the suite runs."""

from datetime import date

import pytest

from accord.frameworks import council_duties, engine, loader
from accord.frameworks.council_duties import CouncilFacts, financial_year_start

from .sample import C, sample_framework
from .test_validation import problems, sample_data

CBC = "central_bedfordshire"
KEY = "report:private-sector"


def duty(framework_id: str, obligation_id: str):
    framework = loader.get(framework_id)
    return framework, next(o for o in framework.council_obligations if o.id == obligation_id)


def status(framework_id, obligation_id, today, done=(), tracking_from=date(2026, 6, 15)):
    framework, obligation = duty(framework_id, obligation_id)
    key = obligation.met_by.key
    return council_duties.evaluate(
        framework, obligation, CouncilFacts({key: list(done)}, tracking_from), today
    )


# --- the seeds' own duties -----------------------------------------------------------------------


def test_central_bedfordshire_declares_the_chief_executives_yearly_report_cited_to_3_2_8():
    framework, obligation = duty(CBC, "private_sector_yearly_report")
    assert obligation.owners == ["chief_executive"]
    assert obligation.met_by.report == "private-sector"
    assert framework.cite_text(obligation.cite) == "J3 Partnerships Protocol, 3.2.8"
    assert "at least once a year" in obligation.description
    # the per-partnership stand-in is gone: the duty is the council's, not each partnership's
    assert "private_sector_yearly_report" not in {o.id for o in framework.obligations}


def test_redditch_declares_the_joint_annual_report_owned_by_both_officers_cited_to_9():
    framework, obligation = duty("redditch", "joint_annual_report")
    assert obligation.owners == ["acting_deputy_chief_executive", "head_of_strategy_and_partnerships"]
    assert obligation.met_by.report == "annual"
    assert obligation.cadence == "fixed"
    assert framework.cite_text(obligation.cite) == "Partnership Governance Framework and Toolkit, 9"
    assert "joint_annual_report" not in {o.id for o in framework.obligations}


@pytest.mark.parametrize("framework_id", ["chorley", "bury", "northampton", "model"])
def test_the_other_frameworks_set_no_council_duties(framework_id):
    assert loader.get(framework_id).council_obligations == []


# --- the engine -----------------------------------------------------------------------------------


def test_the_financial_year_starts_on_1_april_including_in_a_leap_year():
    assert financial_year_start(date(2028, 2, 29)) == date(2027, 4, 1)
    assert financial_year_start(date(2027, 3, 31)) == date(2026, 4, 1)
    assert financial_year_start(date(2027, 4, 1)) == date(2027, 4, 1)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 1), engine.NOT_YET_DUE),  # tracking began June 2026: first due 1 April 2027
        (date(2027, 2, 1), engine.DUE_SOON),  # two months before
        (date(2027, 4, 1), engine.DUE_SOON),  # due today
        (date(2027, 4, 2), engine.OVERDUE),
        (date(2028, 2, 29), engine.OVERDUE),
    ],
)
def test_the_yearly_report_is_due_a_year_after_the_financial_year_tracking_began(today, expected):
    result = status(CBC, "private_sector_yearly_report", today)
    assert result.due == date(2027, 4, 1)
    assert result.status == expected
    assert result.owner_titles == ("Office of the Chief Executive",)


def test_issuing_the_report_meets_it_until_the_next_one_is_due_a_year_later():
    issued = date(2027, 3, 10)
    result = status(CBC, "private_sector_yearly_report", date(2027, 5, 1), done=[issued])
    assert (result.status, result.due, result.last_done) == (engine.MET, date(2028, 3, 10), issued)
    assert (
        status(CBC, "private_sector_yearly_report", date(2028, 2, 29), done=[issued]).status
        == engine.DUE_SOON
    )
    assert (
        status(CBC, "private_sector_yearly_report", date(2028, 3, 11), done=[issued]).status == engine.OVERDUE
    )


def test_a_report_issued_before_the_duty_began_does_not_meet_it():
    result = status(CBC, "private_sector_yearly_report", date(2027, 5, 1), done=[date(2026, 3, 1)])
    assert result.status == engine.OVERDUE
    assert result.last_done is None


def test_redditchs_fixed_cadence_needs_a_report_in_each_financial_year():
    # due by 1 April each year; a report issued in 2026/27 meets that year's and no other
    one = status("redditch", "joint_annual_report", date(2028, 2, 29), done=[date(2027, 3, 1)])
    assert (one.due, one.status) == (date(2028, 4, 1), engine.DUE_SOON)
    both = status(
        "redditch", "joint_annual_report", date(2028, 2, 29), done=[date(2027, 3, 1), date(2027, 6, 1)]
    )
    assert (both.due, both.status) == (date(2029, 4, 1), engine.MET)
    # two reports in one year do not make up for a year with none
    late = status(
        "redditch", "joint_annual_report", date(2028, 4, 2), done=[date(2026, 5, 1), date(2026, 9, 1)]
    )
    assert late.status == engine.OVERDUE


def test_nothing_is_due_before_accord_began_tracking():
    result = status(CBC, "private_sector_yearly_report", date(2027, 5, 1), tracking_from=None)
    assert result.status == engine.NOT_APPLICABLE
    assert result.due is None


def test_council_duties_are_listed_most_pressing_first():
    framework = sample_framework(
        council_obligations=[
            {"id": "later", "name": "Later", "owners": ["head_of_service"], "anchor": "date",
             "anchor_date": "2027-01-01", "first_due": "P1Y", "met_by": {"report": "annual"}, "cite": C},
            {"id": "sooner", "name": "Sooner", "owners": ["head_of_service"], "anchor": "date",
             "anchor_date": "2026-01-01", "first_due": "P1Y", "met_by": {"report": "annual"}, "cite": C},
        ]
    )  # fmt: skip
    results = council_duties.council_duties(framework, CouncilFacts(), date(2027, 2, 1))
    assert [(r.obligation_id, r.status) for r in results] == [
        ("sooner", engine.OVERDUE),
        ("later", engine.NOT_YET_DUE),
    ]


def test_a_once_only_duty_is_met_for_good_once_done():
    framework = sample_framework(
        council_obligations=[
            {"id": "once", "name": "Once", "owners": ["head_of_service"], "anchor": "date",
             "anchor_date": "2026-01-01", "first_due": "P6M", "met_by": {"report": "annual"}, "cite": C},
        ]
    )  # fmt: skip
    facts = CouncilFacts({"report:annual": [date(2026, 9, 1)]})
    (result,) = council_duties.council_duties(framework, facts, date(2030, 1, 1))
    assert result.status == engine.MET


# --- validation -----------------------------------------------------------------------------------


def council_obligation(**overrides) -> dict:
    item = {
        "id": "yearly_report",
        "name": "Yearly report",
        "owners": ["head_of_service"],
        "first_due": "P1Y",
        "repeat": "P1Y",
        "met_by": {"report": "annual"},
        "cite": C,
    }
    return {**item, **overrides}


def with_duty(**overrides) -> dict:
    data = sample_data()
    data["council_obligations"] = [council_obligation(**overrides)]
    return data


def test_a_valid_council_obligation_passes(tmp_path):
    assert problems(tmp_path, with_duty()) == []


def test_an_unknown_owner_role_is_rejected_naming_the_known_roles(tmp_path):
    assert (
        "sample.yaml: council_obligations.0.owners.0: unknown role 'chief_executive' (known: head_of_service)"
        in problems(tmp_path, with_duty(owners=["chief_executive"]))
    )


def test_a_bad_duration_is_rejected(tmp_path):
    assert "sample.yaml: council_obligations.0.repeat: 'yearly' is not a duration like P6M, P1Y or P10D" in (
        problems(tmp_path, with_duty(repeat="yearly"))
    )


def test_another_councils_report_is_unknown_evidence(tmp_path):
    found = problems(tmp_path, with_duty(met_by={"report": "private-sector"}))
    assert any(
        p.startswith("sample.yaml: council_obligations.0.met_by.report: unknown report 'private-sector'")
        for p in found
    )


def test_an_anchor_date_is_needed_for_a_dated_anchor_and_an_effective_date_for_that_anchor(tmp_path):
    found = problems(tmp_path, with_duty(anchor="date"))
    assert (
        "sample.yaml: council_obligations.0.anchor_date: anchor 'date' needs the day it counts from" in found
    )
    found = problems(tmp_path, with_duty(anchor="effective_date"))
    assert (
        "sample.yaml: council_obligations.0.anchor: the framework has no effective_date to count from"
        in found
    )


def test_a_fixed_cadence_needs_a_repeat_and_ids_are_unique(tmp_path):
    data = with_duty(cadence="fixed", repeat=None)
    data["council_obligations"].append(council_obligation())
    found = problems(tmp_path, data)
    assert "sample.yaml: council_obligations.0.cadence: a fixed cadence needs `repeat`" in found
    assert "sample.yaml: council_obligations: duplicate id 'yearly_report'" in found


def test_an_owner_is_required(tmp_path):
    found = problems(tmp_path, with_duty(owners=[]))
    assert any("council_obligations.0.owners" in p for p in found)
