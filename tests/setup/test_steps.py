"""The set-up steps' states (issue 18, item 8): each rule, from facts alone, no database."""

from dataclasses import replace
from datetime import date

import pytest

from accord.site.setup.steps import (
    STEPS,
    CouncilFacts,
    FrameworkFacts,
    ImportFacts,
    PublishFacts,
    RulebookFacts,
    SetupFacts,
    State,
    TrackingFacts,
    UserFacts,
    completed,
    evaluate,
)

ALL_COUNCIL = frozenset({"COUNCIL_NAME", "COUNCIL_SHORT_NAME", "COUNCIL_BRAND_COLOUR"})
VALUES = {"COUNCIL_NAME": "Bury Council", "COUNCIL_SHORT_NAME": "Bury", "COUNCIL_BRAND_COLOUR": "#00629b"}


def fresh() -> SetupFacts:
    """A new installation: Accord's defaults, an empty register, nothing done."""
    return SetupFacts(
        council=CouncilFacts(VALUES, frozenset()),
        framework=FrameworkFacts(
            name="Key Partnerships Framework",
            council="Chorley Council",
            version="1.0",
            is_model=False,
            chosen=False,
            council_name="Bury Council",
        ),
        tracking=TrackingFacts(set_on=None, first_registered=None),
        register=ImportFacts(partnerships=0, imported=0),
        users=UserFacts(
            others={}, deciding_roles={"executive_cabinet": "Executive Cabinet"}, appointed=frozenset()
        ),
        rulebook=RulebookFacts(version="1.0"),
        publish=PublishFacts(partnerships=0, publishable=0, published=0),
    )


def state(facts: SetupFacts, key: str) -> State:
    return next(r.state for r in evaluate(facts) if r.key == key)


def why(facts: SetupFacts, key: str) -> str:
    return " ".join(next(r.why for r in evaluate(facts) if r.key == key))


def test_a_new_installation_has_nothing_completed_and_cannot_publish_an_empty_register():
    results = evaluate(fresh())
    assert [r.key for r in results] == [s.key for s in STEPS]
    assert completed(results) == 0
    assert {r.key: r.state for r in results} == {
        "council": State.NOT_STARTED,
        "framework": State.NOT_STARTED,
        "go-live": State.NOT_STARTED,
        "import": State.NOT_STARTED,
        "users": State.NOT_STARTED,
        "rulebook": State.NOT_STARTED,
        "publish": State.CANNOT_START,
    }


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        (frozenset(), State.NOT_STARTED),
        (frozenset({"COUNCIL_NAME"}), State.INCOMPLETE),
        (ALL_COUNCIL, State.COMPLETED),
    ],
)
def test_council_details_are_completed_only_when_the_operators_set_every_one(configured, expected):
    facts = replace(fresh(), council=CouncilFacts(VALUES, configured))
    assert state(facts, "council") == expected


def test_council_details_name_what_is_still_accords_example():
    facts = replace(fresh(), council=CouncilFacts(VALUES, frozenset({"COUNCIL_NAME"})))
    assert why(facts, "council") == (
        "Still Accord's example: the short name and header colour. The people who run the service set these."
    )


def test_the_framework_is_completed_when_it_is_the_named_councils_own_or_was_chosen():
    own = replace(fresh().framework, council="Bury Council", council_name_set=True)
    assert state(replace(fresh(), framework=own), "framework") == State.COMPLETED
    chosen = replace(fresh().framework, chosen=True)
    assert state(replace(fresh(), framework=chosen), "framework") == State.COMPLETED
    assert "Accord's example framework, not one chosen for this service" in why(fresh(), "framework")


def test_accords_example_council_and_framework_together_are_not_a_choice():
    examples = replace(fresh().framework, council="Bury Council", council_name_set=False)
    assert state(replace(fresh(), framework=examples), "framework") == State.NOT_STARTED


def test_the_model_framework_is_not_started_until_the_operators_choose_it():
    model = replace(fresh().framework, is_model=True, council="Bury Council", council_name_set=True)
    assert state(replace(fresh(), framework=model), "framework") == State.NOT_STARTED
    assert state(replace(fresh(), framework=replace(model, chosen=True)), "framework") == State.COMPLETED


def test_a_newer_version_not_adopted_leaves_the_framework_incomplete():
    waiting = replace(fresh().framework, chosen=True, not_adopted=("1.1",))
    facts = replace(fresh(), framework=waiting)
    assert state(facts, "framework") == State.INCOMPLETE
    assert "version 1.1, has not been adopted" in why(facts, "framework")


def test_a_version_adopted_from_a_later_day_is_said_and_still_completed():
    pending = replace(fresh().framework, chosen=True, pending=("1.1", date(2027, 4, 1)))
    facts = replace(fresh(), framework=pending)
    assert state(facts, "framework") == State.COMPLETED
    assert "Version 1.1 takes effect on 1 April 2027." in why(facts, "framework")


def test_two_files_giving_one_version_leave_the_framework_incomplete_with_the_reason():
    broken = replace(fresh().framework, chosen=True, problem="Two files define version 1.0")
    facts = replace(fresh(), framework=broken)
    assert (state(facts, "framework"), why(facts, "framework")) == (
        State.INCOMPLETE,
        "Two files define version 1.0",
    )


def test_go_live_is_completed_once_an_administrator_sets_it():
    assert state(fresh(), "go-live") == State.NOT_STARTED
    counted = replace(fresh(), tracking=TrackingFacts(None, date(2026, 5, 4)))
    assert state(counted, "go-live") == State.NOT_STARTED
    assert (
        "Until you set it, Accord counts from the day the first partnership was entered, 4 May 2026"
        in why(counted, "go-live")
    )
    chosen = replace(fresh(), tracking=TrackingFacts(date(2026, 4, 1), date(2026, 5, 4)))
    assert (state(chosen, "go-live"), why(chosen, "go-live")) == (
        State.COMPLETED,
        "Accord began tracking duties on 1 April 2026.",
    )


def test_importing_the_register_states():
    assert state(fresh(), "import") == State.NOT_STARTED
    refused = replace(
        fresh(), register=ImportFacts(0, 0, "refused", "register.xlsx", date(2026, 12, 1), last_problems=3)
    )
    assert (state(refused, "import"), why(refused, "import")) == (
        State.INCOMPLETE,
        "The last import, of register.xlsx, was refused: 3 problems.",
    )
    unfinished = replace(fresh(), register=ImportFacts(0, 0, "uploaded", "register.csv"))
    assert state(unfinished, "import") == State.INCOMPLETE
    imported = replace(fresh(), register=ImportFacts(58, 1, "imported", "register.csv"))
    assert (state(imported, "import"), why(imported, "import")) == (
        State.COMPLETED,
        "58 partnerships in the register (from 1 import).",
    )
    by_hand = replace(fresh(), register=ImportFacts(1, 0))
    assert why(by_hand, "import") == "1 partnership in the register (added one at a time, not imported)."


def test_a_register_with_partnerships_is_completed_even_after_a_later_import_was_refused():
    facts = replace(fresh(), register=ImportFacts(58, 1, "refused", "more.csv", last_problems=1))
    assert state(facts, "import") == State.COMPLETED
    assert "The last import, of more.csv, was refused: 1 problem." in why(facts, "import")


def test_users_need_accounts_besides_administrators_and_someone_appointed_to_each_deciding_role():
    assert state(fresh(), "users") == State.NOT_STARTED
    others = replace(fresh().users, others={"Officer": 2, "Approver": 1})
    facts = replace(fresh(), users=others)
    assert (state(facts, "users"), why(facts, "users")) == (
        State.INCOMPLETE,
        "Besides administrators: 2 officers and 1 approver. "
        "Nobody is appointed yet to decide as Executive Cabinet.",
    )
    appointed = replace(others, appointed=frozenset({"executive_cabinet"}))
    assert state(replace(fresh(), users=appointed), "users") == State.COMPLETED


def test_the_rulebook_is_completed_only_when_the_version_in_force_was_checked():
    assert state(fresh(), "rulebook") == State.NOT_STARTED
    checked = replace(fresh(), rulebook=RulebookFacts("1.0", "1.0", "Ada Admin", date(2026, 12, 7)))
    assert (state(checked, "rulebook"), why(checked, "rulebook")) == (
        State.COMPLETED,
        "Ada Admin checked version 1.0 on 7 December 2026.",
    )
    older = replace(fresh(), rulebook=RulebookFacts("1.1", "1.0", "Ada Admin", date(2026, 12, 7)))
    assert state(older, "rulebook") == State.INCOMPLETE
    assert "version 1.1 is in force now" in why(older, "rulebook")


def test_publishing_states():
    assert state(fresh(), "publish") == State.CANNOT_START
    drafts = replace(fresh(), publish=PublishFacts(5, 0, 0))
    assert state(drafts, "publish") == State.CANNOT_START
    none_yet = replace(fresh(), publish=PublishFacts(5, 3, 0))
    assert (state(none_yet, "publish"), why(none_yet, "publish")) == (
        State.NOT_STARTED,
        "0 of the 3 partnerships that can be published are on the public register. "
        'To publish one, answer Yes to "Published to the public" when you change it, '
        "or in that column when you import.",
    )
    some = replace(fresh(), publish=PublishFacts(5, 3, 1))
    assert (state(some, "publish"), why(some, "publish")) == (
        State.COMPLETED,
        "1 of the 3 partnerships that can be published is on the public register.",
    )
