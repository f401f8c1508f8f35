"""The framework's risk rules as obligations: overdue reviews, missing contingency plans and
unescalated high risks, worked out from plain facts; and, end to end, a high risk scored through
the risk services turning the kept escalation obligation overdue until it is escalated."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from accord.domain.risks import services
from accord.domain.risks.evidence import open_risks
from accord.frameworks import engine, loader, risk_rules, store
from accord.frameworks.checks import section_exists
from accord.frameworks.facts import PartnershipFacts, RiskFact
from accord.frameworks.models import ObligationStatus
from accord.frameworks.schema import CITE

TODAY = date(2026, 6, 15)
MODEL = loader.get("model")  # has all three rules


def risk(reference="R-01", **kw) -> RiskFact:
    values = {
        "current_band": "low",
        "current_impact": 1,
        "inherent_impact": 1,
        "has_contingency_plan": False,
        "escalated": False,
        "next_review_on": TODAY + timedelta(days=90),
        "identified_on": date(2026, 1, 10),
    }
    values.update(kw)
    return RiskFact(reference=reference, **values)


def rule(rule_id: str, *risks: RiskFact, framework=MODEL, today=TODAY) -> engine.ObligationResult:
    results = risk_rules.evaluate(framework, PartnershipFacts(partnership_id=1, risks=risks), today)
    return next(r for r in results if r.obligation_id == rule_id)


# Which frameworks have which rules ------------------------------------------------------------


@pytest.mark.parametrize(
    ("framework_id", "expected"),
    [
        ("bury", ["risk_review", "risk_escalation"]),
        ("central_bedfordshire", ["risk_review"]),
        ("chorley", ["risk_review"]),
        ("model", ["risk_review", "risk_contingency", "risk_escalation"]),
        ("northampton", ["risk_review", "risk_escalation"]),
        ("redditch", ["risk_review", "risk_contingency"]),
    ],
)
def test_each_framework_has_the_risk_rules_its_seed_sets(framework_id, expected):
    framework = loader.get(framework_id)
    assert [r.id for r in risk_rules.rules(framework)] == expected
    results = risk_rules.evaluate(framework, PartnershipFacts(partnership_id=1), TODAY)
    assert [r.obligation_id for r in results] == expected


@pytest.mark.parametrize("framework_id", ["bury", "model", "northampton"])
def test_escalation_rules_cite_a_real_section_of_their_seed(framework_id):
    model = loader.get(framework_id).risk_model
    assert model.escalate_bands == ["high"]
    match = CITE.match(model.escalate_cite)
    assert match, model.escalate_cite
    seeds = Path(django_settings.ACCORD_SEEDS_DIR or "/nonexistent")
    if seeds.is_dir():
        assert section_exists((seeds / match["file"]).read_text(encoding="utf-8"), match["section"])


def test_rule_names_and_citations():
    rules = {r.id: r for r in risk_rules.rules(MODEL)}
    assert rules["risk_review"].name == "Review risks at the framework's cadence"
    assert rules["risk_review"].cite == MODEL.risk_model.cite
    assert rules["risk_contingency"].name == "Contingency plan for every high-impact risk"
    assert rules["risk_contingency"].cite == "004_0d99c29b5f1d20f0.txt App 8 3.8"
    assert rules["risk_escalation"].cite == "001_c825c913872835d1.txt App 10"
    assert rules["risk_escalation"].name == (
        "Escalate high risks to the Partnership Board and departmental risk register"
    )


def test_the_obligations_engine_lists_each_risk_rule_once_after_sorting():
    facts = PartnershipFacts(partnership_id=1, risks=(risk(next_review_on=TODAY - timedelta(days=1)),))
    results = engine.obligations(MODEL, facts, TODAY)
    ids = [r.obligation_id for r in results]
    for rule_id in risk_rules.RULE_IDS:
        assert ids.count(rule_id) == 1
    ranks = [engine.STATUSES.index(r.status) for r in results]
    assert ranks == sorted(ranks)
    assert results[0].obligation_id == "risk_review"  # the only overdue one
    listed = [d.id for d in engine.definitions(MODEL)]
    assert [i for i in listed if i in risk_rules.RULE_IDS] == list(risk_rules.RULE_IDS)


# Review at the band's cadence ---------------------------------------------------------------


def test_review_does_not_apply_without_open_risks():
    result = rule("risk_review")
    assert result.status == engine.NOT_APPLICABLE
    assert result.due is None


def test_review_is_overdue_when_a_review_date_has_passed_and_says_which():
    late = risk("R-02", next_review_on=TODAY - timedelta(days=3))
    later = risk("R-03", next_review_on=TODAY - timedelta(days=40))
    fine = risk("R-01")
    result = rule("risk_review", fine, late, later)
    assert result.status == engine.OVERDUE
    assert result.due == TODAY - timedelta(days=40)
    assert result.why == "Review overdue: R-02, R-03"
    assert result.cite == MODEL.risk_model.cite


def test_review_is_due_soon_within_a_month():
    result = rule("risk_review", risk(next_review_on=TODAY + timedelta(days=20)), risk("R-02"))
    assert result.status == engine.DUE_SOON
    assert result.due == TODAY + timedelta(days=20)
    assert result.why == "Review due soon: R-01"


def test_review_due_today_is_due_soon_not_overdue():
    assert rule("risk_review", risk(next_review_on=TODAY)).status == engine.DUE_SOON


def test_review_is_met_when_every_open_risk_has_a_review_date_to_come():
    result = rule("risk_review", risk(), risk("R-02", next_review_on=TODAY + timedelta(days=200)))
    assert result.status == engine.MET
    assert result.due == TODAY + timedelta(days=90)


def test_without_a_review_date_the_band_cadence_counts_from_the_date_identified():
    # High is reviewed monthly: identified 10 January, due 10 February, overdue by June.
    result = rule("risk_review", risk(current_band="high", next_review_on=None))
    assert result.status == engine.OVERDUE
    assert result.due == date(2026, 2, 10)
    # Low is six-monthly: identified yesterday, not due for six months, and no date set yet.
    fresh = risk(current_band="low", next_review_on=None, identified_on=TODAY - timedelta(days=1))
    result = rule("risk_review", fresh)
    assert result.status == engine.NOT_YET_DUE
    assert result.due == date(2026, 12, 14)
    assert result.why == "No review date set: R-01"


def test_a_risk_not_yet_scored_is_reviewed_at_the_most_frequent_cadence():
    unscored = risk(current_band="", current_impact=None, next_review_on=None, identified_on=date(2026, 6, 1))
    result = rule("risk_review", unscored)
    assert result.due == date(2026, 7, 1)
    assert result.status == engine.DUE_SOON


# Contingency plans for high-impact risks ---------------------------------------------------


def test_contingency_does_not_apply_without_a_high_impact_risk():
    result = rule("risk_contingency", risk(current_impact=2, inherent_impact=2))
    assert result.status == engine.NOT_APPLICABLE


def test_a_potentially_high_impact_still_needs_a_plan_once_controls_lower_the_current_impact():
    # Redditch App 8 3.8: "potentially high impact, irrespective of likelihood"
    result = rule("risk_contingency", risk(current_impact=2, inherent_impact=4))
    assert result.status == engine.OVERDUE


def test_a_high_impact_risk_without_a_contingency_plan_is_overdue_whatever_its_likelihood():
    result = rule(
        "risk_contingency",
        risk("R-01", current_impact=3, identified_on=date(2026, 3, 1)),
        risk("R-02", current_impact=4, has_contingency_plan=True),
        risk("R-03", current_impact=1),
    )
    assert result.status == engine.OVERDUE
    assert result.due == date(2026, 4, 1), "a month's notice from when it was identified"
    assert result.why == "No contingency plan: R-01"
    assert result.cite == "004_0d99c29b5f1d20f0.txt App 8 3.8"


def test_the_inherent_impact_counts_until_there_is_a_current_score():
    result = rule("risk_contingency", risk(current_impact=None, inherent_impact=4))
    assert result.status == engine.OVERDUE
    assert rule("risk_contingency", risk(current_impact=None, inherent_impact=None)).status == (
        engine.NOT_APPLICABLE
    )


@pytest.mark.parametrize("rule_id", ["risk_contingency", "risk_escalation"])
def test_a_risk_identified_today_is_due_soon_not_overdue(rule_id):
    """Never a false Overdue on the day a high risk is recorded: a month's notice, then Overdue."""
    fresh = risk(current_band="high", current_impact=4, identified_on=TODAY)
    result = rule(rule_id, fresh)
    assert (result.status, result.due) == (engine.DUE_SOON, date(2026, 7, 15))
    assert rule(rule_id, fresh, today=date(2026, 7, 16)).status == engine.OVERDUE


def test_contingency_is_met_when_every_high_impact_risk_has_a_plan():
    result = rule("risk_contingency", risk(current_impact=4, has_contingency_plan=True), risk("R-02"))
    assert result.status == engine.MET


def test_an_opportunity_needs_no_contingency_plan():
    assert rule("risk_contingency", risk(current_impact=4, opportunity=True)).status == engine.NOT_APPLICABLE


def test_frameworks_without_high_impact_from_have_no_contingency_rule():
    results = risk_rules.evaluate(
        loader.get("bury"), PartnershipFacts(partnership_id=1, risks=(risk(current_impact=4),)), TODAY
    )
    assert "risk_contingency" not in {r.obligation_id for r in results}


# Escalating high risks ----------------------------------------------------------------------


def test_escalation_does_not_apply_without_a_high_risk():
    assert rule("risk_escalation", risk(current_band="medium")).status == engine.NOT_APPLICABLE


def test_an_unescalated_high_risk_is_overdue():
    result = rule(
        "risk_escalation",
        risk("R-01", current_band="high", identified_on=date(2026, 4, 2)),
        risk("R-02", current_band="high", escalated=True),
        risk("R-03", current_band="medium"),
    )
    assert result.status == engine.OVERDUE
    assert result.due == date(2026, 5, 2), "a month's notice from when it was identified"
    assert result.why == "Not escalated: R-01"
    assert result.cite == "001_c825c913872835d1.txt App 10"


def test_escalation_is_met_when_every_high_risk_is_escalated():
    result = rule("risk_escalation", risk(current_band="high", escalated=True), risk("R-02"))
    assert result.status == engine.MET


def test_a_high_opportunity_is_not_escalated_as_a_risk():
    assert rule("risk_escalation", risk(current_band="high", opportunity=True)).status == (
        engine.NOT_APPLICABLE
    )


def test_northampton_cites_its_risk_management_step_4():
    framework = loader.get("northampton")
    result = rule("risk_escalation", risk(current_band="high"), framework=framework)
    assert result.status == engine.OVERDUE
    assert result.cite == "002_6044d9ccbdf05958.txt Risk Management"


# End to end: the risk services keep the dashboard's statuses in step ---------------------------


def _kept(partnership, rule_id: str) -> str:
    return ObligationStatus.objects.get(partnership=partnership, obligation_id=rule_id).status


@pytest.mark.django_db
def test_a_high_risk_makes_the_escalation_obligation_due_until_it_is_escalated(
    settings, users, own_partnership
):
    settings.ACCORD_FRAMEWORK = "bury"
    store.refresh_all(framework=loader.current())
    assert _kept(own_partnership, "risk_escalation") == engine.NOT_APPLICABLE
    admin = users["administrator"]
    created = services.create_risk(
        admin,
        own_partnership,
        {"title": "Funding withdrawn by a partner", "identified_on": date.today(), "owner": "Olive Officer"},
    )
    services.assess(
        admin, created, "current", 4, 4, "Almost certain, high impact", framework=loader.current()
    )
    assert _kept(own_partnership, "risk_escalation") == engine.DUE_SOON  # a month to take it to the Board
    status = ObligationStatus.objects.get(partnership=own_partnership, obligation_id="risk_escalation")
    assert status.framework_id == "bury"
    services.escalate(admin, created, "Partnership Board 3 June; departmental register entry DR-12")
    assert _kept(own_partnership, "risk_escalation") == engine.MET


@pytest.mark.django_db
def test_the_risk_source_reads_only_open_risks_in_one_query(
    users, own_partnership, other_partnership, django_assert_num_queries
):
    admin = users["administrator"]
    identified = date(2026, 1, 5)
    first = services.create_risk(
        admin,
        own_partnership,
        {"title": "A", "identified_on": identified, "owner": "O", "contingency_plan": "  Call the board  "},
    )
    services.assess(admin, first, "inherent", 3, 4, framework=loader.current())
    closed = services.create_risk(
        admin, own_partnership, {"title": "B", "identified_on": identified, "owner": "O"}
    )
    services.close(admin, closed, "Resolved")
    services.create_risk(
        admin,
        other_partnership,
        {
            "title": "C",
            "identified_on": identified,
            "owner": "O",
            "kind": "opportunity",
            "contingency_plan": " ",
        },
    )
    with django_assert_num_queries(1):
        found = open_risks([own_partnership.pk, other_partnership.pk, 999_999])
    assert set(found) == {own_partnership.pk, other_partnership.pk}
    (mine,) = found[own_partnership.pk]
    assert mine.reference == first.reference
    assert (mine.inherent_impact, mine.current_impact, mine.current_band) == (4, None, "")
    assert mine.has_contingency_plan and not mine.escalated and mine.identified_on == identified
    (theirs,) = found[other_partnership.pk]
    assert theirs.opportunity and not theirs.has_contingency_plan
