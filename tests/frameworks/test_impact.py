"""The impact engine (accord.frameworks.impact): what another version changes for one partnership on
a day. Pure: frameworks and facts in, changes out; no database."""

from datetime import date
from decimal import Decimal

from accord.frameworks import impact, loader
from accord.frameworks.facts import PartnershipFacts
from accord.frameworks.schema import Framework

ON = date(2027, 2, 1)
REVIEW = "three_yearly_review"


def chorley(**change) -> Framework:
    """Chorley's framework as version 2.0, with `change` applied to its data."""
    data = loader.get("chorley").model_dump(mode="json")
    data["version"] = "2.0"
    for edit in change.values():
        edit(data)
    return Framework.model_validate(data)


def review_every(repeat):
    def edit(data):
        next(o for o in data["obligations"] if o["id"] == REVIEW)["repeat"] = repeat

    return edit


def financial_threshold(value):
    def edit(data):
        key = next(t for t in data["significance"]["tiers"] if t["id"] == "key")
        parameter = next(t["parameter"] for t in key["tests"] if t["id"] == "financial_value")
        next(p for p in data["significance"]["parameters"] if p["id"] == parameter)["value"] = value

    return edit


def facts(**extra) -> PartnershipFacts:
    base = {
        "partnership_id": 1,
        "status": "active",
        "anchors": {"activated": date(2012, 4, 1)},
        "tracking_from": date(2026, 6, 1),
        "last_done": {REVIEW: date(2025, 7, 15)},
        "key_partnership": True,
    }
    return PartnershipFacts(**{**base, **extra})


def kinds(changes) -> dict[str, list[impact.Change]]:
    found: dict[str, list[impact.Change]] = {}
    for change in changes:
        found.setdefault(change.kind, []).append(change)
    return found


def test_a_shortened_cadence_moves_the_due_date_and_makes_the_duty_overdue():
    old, new = loader.get("chorley"), chorley(repeat=review_every("P1Y"))
    found = kinds(impact.partnership_changes(old, new, facts(), facts(), ON))
    assert [(c.what, c.before, c.after) for c in found[impact.DUE_DATE]] == [
        (next(o.name for o in new.obligations if o.id == REVIEW), "15 July 2028", "15 July 2026")
    ]
    assert [c.after for c in found[impact.BECOMES_DUE]] == ["Overdue, due 15 July 2026"]
    assert impact.TIER not in found


def test_the_same_rules_change_nothing():
    old = loader.get("chorley")
    assert impact.partnership_changes(old, chorley(), facts(), facts(), ON) == ()


def test_a_higher_threshold_moves_a_partnership_out_of_the_tier_and_its_duties_end():
    spends = facts(key_partnership=False, council_contribution=Decimal("60000"))
    old, new = loader.get("chorley"), chorley(threshold=financial_threshold(100000))
    assert impact.tier_of(old, spends)[0] == "key"
    found = kinds(impact.partnership_changes(old, new, spends, spends, ON))
    assert [(c.before, c.after) for c in found[impact.TIER]] == [
        (impact.tier_of(old, spends)[1], impact.tier_of(new, spends)[1])
    ]
    assert impact.tier_of(new, spends)[0] == "other"
    assert {c.what for c in found[impact.DUTY_ENDS]} == {o.name for o in old.obligations}
    assert impact.NEW_DUTY not in found


def test_an_override_keeps_the_tier_when_the_new_version_still_has_it():
    spends = facts(key_partnership=False, council_contribution=Decimal("60000"))
    old, new = loader.get("chorley"), chorley(threshold=financial_threshold(100000))
    assert impact.TIER not in kinds(impact.partnership_changes(old, new, spends, spends, ON, override="key"))


def test_requirements_ahead_change_only_for_a_partnership_still_in_the_cycle():
    spends = facts(key_partnership=False, council_contribution=Decimal("60000"), status="business_case")
    old, new = loader.get("chorley"), chorley(threshold=financial_threshold(100000))
    found = kinds(impact.partnership_changes(old, new, spends, spends, ON))
    assert {c.after for c in found[impact.REQUIREMENT]} == {"No longer needed"}
    ahead = [r for r in old.requirements if r.gate != "leaving" and r.when is None]  # no condition holds
    assert len(found[impact.REQUIREMENT]) == len(ahead)
    assert impact.gates_ahead("business_case") == ("awaiting_approval", "agreement", "active")
    assert impact.gates_ahead("active") == ()


def test_the_summary_names_the_version_a_rule_is_new_in():
    def drop_review(data):
        data["obligations"] = [o for o in data["obligations"] if o["id"] != REVIEW]

    lines = impact.summary(chorley(drop=drop_review), loader.get("chorley"))
    name = next(o.name for o in loader.get("chorley").obligations if o.id == REVIEW)
    assert f"New duty: '{name}'." in lines
    assert not any("obligations." in line or "P3Y" in line for line in lines)  # no ids, no durations as codes
