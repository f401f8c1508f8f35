"""The assurance engine (accord.frameworks.assurance): a pure function of the framework's rules and
plain facts. Worse facts never give a better rating; every reason cites a real clause; a rule file
that tests a measure the wrong way round is refused when it is loaded."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.frameworks import assurance, loader
from accord.frameworks.assurance import AssuranceFacts, propose, rank
from accord.frameworks.checks import check_assurance, section_exists
from accord.frameworks.schema import CITE, Framework

FRAMEWORKS = ("model", "bury", "central_bedfordshire", "chorley", "northampton", "redditch")
CLEAN = AssuranceFacts(reviewed=True, scores=(3,) * 11, business_case_reconfirmed=True)


def facts_strategy():
    return st.builds(
        AssuranceFacts,
        reviewed=st.booleans(),
        scores=st.lists(st.integers(1, 3), min_size=1, max_size=12).map(tuple),
        overdue_obligations=st.lists(
            st.sampled_from(["Progress report", "Annual review", "EIA"]), max_size=5
        ).map(tuple),
        agreement_missing=st.booleans(),
        risk_review_overdue=st.booleans(),
        overdue_actions=st.integers(0, 6),
        business_case_reconfirmed=st.sampled_from([True, False, None]),
    )


@st.composite
def worse_than(draw, facts: AssuranceFacts) -> AssuranceFacts:
    """The same partnership with the same or worse facts in every respect."""
    scores = tuple(draw(st.integers(1, s)) for s in facts.scores)
    extra = draw(st.lists(st.sampled_from(["Exit report", "Risk escalation"]), max_size=3))
    return AssuranceFacts(
        reviewed=facts.reviewed and draw(st.booleans()),
        scores=scores,
        overdue_obligations=(*facts.overdue_obligations, *extra),
        agreement_missing=facts.agreement_missing or draw(st.booleans()),
        risk_review_overdue=facts.risk_review_overdue or draw(st.booleans()),
        overdue_actions=facts.overdue_actions + draw(st.integers(0, 3)),
        business_case_reconfirmed=False
        if facts.business_case_reconfirmed is False
        else draw(st.sampled_from([facts.business_case_reconfirmed, False])),
    )


@settings(max_examples=300, deadline=None)
@given(framework_id=st.sampled_from(FRAMEWORKS), data=st.data())
def test_worse_facts_never_give_a_better_rating(framework_id, data):
    framework = loader.get(framework_id)
    better = data.draw(facts_strategy())
    worse = data.draw(worse_than(better))
    assert rank(propose(framework, worse).level) >= rank(propose(framework, better).level)


@settings(max_examples=200, deadline=None)
@given(framework_id=st.sampled_from(FRAMEWORKS), facts=facts_strategy())
def test_the_proposal_is_the_worst_cap_of_the_rules_that_apply_and_each_gives_a_cited_reason(
    framework_id, facts
):
    framework = loader.get(framework_id)
    proposal = propose(framework, facts)
    applying = [r for r in framework.assurance.rules if assurance.applies(r, facts)]
    expected = max((rank(r.cap) for r in applying), default=0)
    assert rank(proposal.level) == expected
    assert set(proposal.rules) == {r.id for r in applying}
    assert len(proposal.reasons) == max(1, len({r.measure for r in applying}))  # one per measure
    assert all(CITE.match(reason.cite) for reason in proposal.reasons)
    # The reasons that set the rating come first.
    if applying:
        assert proposal.reasons[0].text.endswith(f"At best {assurance.LEVEL_NAMES[proposal.level]}.")


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_a_clean_review_with_nothing_overdue_is_substantial_in_every_framework(framework_id):
    proposal = propose(loader.get(framework_id), CLEAN)
    assert proposal.level == "substantial"
    assert proposal.rules == ()
    assert "lowers the rating" in proposal.reasons[0].text


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_rule_cites_a_section_its_seed_has(framework_id):
    framework = loader.get(framework_id)
    seeds = Path(django_settings.ACCORD_SEEDS_DIR)
    cites = [framework.assurance.cite, *(r.cite for r in framework.assurance.rules)]
    for cite in cites:
        match = CITE.match(cite)
        assert match, cite
        assert section_exists((seeds / match["file"]).read_text(encoding="utf-8"), match["section"]), cite


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_framework_says_its_seed_has_no_rating_scale_and_re_reviews_in_six_months(framework_id):
    section = loader.get(framework_id).assurance
    assert section.specified is False
    assert "Manchester" in section.note
    assert section.rereview_after == "P6M"
    assert [level.id for level in section.levels] == list(assurance.LEVELS)


def _with_rule(**changes) -> Framework:
    data = loader.get("model").model_dump()
    data["assurance"]["rules"][0].update(changes)
    return Framework.model_validate(data)


def test_a_rule_testing_a_measure_the_wrong_way_round_is_refused():
    # "average score at least 2.5 caps at Limited" would make a better review rate worse.
    framework = _with_rule(measure="average_score", op="gte", threshold="2.5")
    problems = list(check_assurance(framework))
    assert any("average_score" in message and "lt, lte" in message for _, message in problems)


def test_a_rule_with_an_unknown_measure_or_level_or_no_threshold_is_refused():
    assert any("unknown measure" in m for _, m in check_assurance(_with_rule(measure="mood")))
    assert any("unknown level" in m for _, m in check_assurance(_with_rule(cap="dire")))
    no_threshold = _with_rule(measure="overdue_actions", op="gte", threshold=None)
    assert any("needs a threshold" in m for _, m in check_assurance(no_threshold))


def test_levels_out_of_order_are_refused():
    data = loader.get("model").model_dump()
    data["assurance"]["levels"].reverse()
    problems = list(check_assurance(Framework.model_validate(data)))
    assert problems and "in that order" in problems[0][1]


def test_a_framework_without_rules_uses_the_default_it_is_given():
    data = loader.get("bury").model_dump()
    data["assurance"] = None
    bare = Framework.model_validate(data)
    with pytest.raises(ValueError):
        propose(bare, CLEAN)
    weak = propose(bare, AssuranceFacts(reviewed=False), loader.get("model").assurance)
    assert weak.level == "limited"  # the model framework's "no review" rule


def test_measures_read_plainly():
    facts = AssuranceFacts(reviewed=True, scores=(1, 2, 3, 1), overdue_obligations=("Progress report",))
    assert facts.low_answers == 2
    assert facts.low_answer_share == pytest.approx(0.5)
    assert facts.average_score == pytest.approx(1.75)
    assert (
        assurance.finding("low_answer_share", facts) == "2 of 4 answers (50%) scored 1 (No – action required)"
    )
    assert assurance.finding("overdue_obligations", facts) == "1 overdue: Progress report"
    assert AssuranceFacts().measure("average_score") is None  # nothing scored: the rule cannot apply
