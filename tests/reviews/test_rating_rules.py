"""The rating rules of each of the six frameworks (the issue's acceptance): what each framework's
review and record give, and the clause each reason cites."""

import pytest

from accord.frameworks import loader
from accord.frameworks.assurance import AssuranceFacts, propose

CB, BURY, NORTH, CHOR, RED = (
    "000_b25245c80d994d06.txt",
    "001_c825c913872835d1.txt",
    "002_6044d9ccbdf05958.txt",
    "003_6cf6fd1a73ee76f7.txt",
    "004_0d99c29b5f1d20f0.txt",
)


def facts(scores=(), **kw) -> AssuranceFacts:
    kw.setdefault("reviewed", True)
    kw.setdefault("business_case_reconfirmed", True)
    return AssuranceFacts(scores=tuple(scores), **kw)


def app_4a(ones=0, twos=0) -> tuple[int, ...]:
    """Redditch App 4a's eleven areas: so many scored 1 and 2, the rest 3."""
    return (1,) * ones + (2,) * twos + (3,) * (11 - ones - twos)


def yes_no(noes: int, total: int) -> tuple[int, ...]:
    return (1,) * noes + (3,) * (total - noes)


def rated(framework_id: str, given: AssuranceFacts):
    return propose(loader.get(framework_id), given)


def cites(proposal) -> set[str]:
    return {r.cite for r in proposal.reasons}


# (framework, what the review and record show, facts, expected rating, a clause a reason must cite)
CASES = [
    # Redditch: App 4a scored 1–3 across eleven areas; the business case demonstrated annually (9).
    ("redditch", "all eleven areas working effectively", facts(app_4a()), "substantial", f"{RED} App 4a"),
    ("redditch", "one area needs action", facts(app_4a(ones=1)), "reasonable", f"{RED} App 4a"),
    (
        "redditch",
        "three areas need action (over a quarter)",
        facts(app_4a(ones=3)),
        "limited",
        f"{RED} App 4a",
    ),
    ("redditch", "six areas need action (over half)", facts(app_4a(ones=6)), "weak", f"{RED} App 4a"),
    (
        "redditch",
        "everything could be improved (average 2)",
        facts(app_4a(twos=11)),
        "reasonable",
        f"{RED} App 4a",
    ),
    ("redditch", "average below 2", facts(app_4a(ones=2, twos=9)), "limited", f"{RED} App 4a"),
    (
        "redditch",
        "business case not demonstrated",
        facts(app_4a(), business_case_reconfirmed=False),
        "limited",
        f"{RED} 9",
    ),
    ("redditch", "no MoU agreed", facts(app_4a(), agreement_missing=True), "limited", f"{RED} 7"),
    (
        "redditch",
        "a progress report overdue",
        facts(app_4a(), overdue_obligations=("Progress report",)),
        "reasonable",
        f"{RED} 8",
    ),
    ("redditch", "risk register stale", facts(app_4a(), risk_review_overdue=True), "reasonable", f"{RED} 10"),
    (
        "redditch",
        "three review actions overdue",
        facts(app_4a(), overdue_actions=3),
        "limited",
        f"{RED} App 4a",
    ),
    ("redditch", "never reviewed", facts(reviewed=False), "limited", f"{RED} 9"),
    # Chorley: the three-yearly review's five yes/no questions; MoU approved by the Head of Governance.
    ("chorley", "all five requirements met", facts(yes_no(0, 5)), "substantial", ""),
    (
        "chorley",
        "one requirement not met",
        facts(yes_no(1, 5)),
        "reasonable",
        f"{CHOR} Monitoring and review arrangements for key partnerships",
    ),
    (
        "chorley",
        "two of five not met",
        facts(yes_no(2, 5)),
        "limited",
        f"{CHOR} Monitoring and review arrangements for key partnerships",
    ),
    (
        "chorley",
        "three of five not met",
        facts(yes_no(3, 5)),
        "weak",
        f"{CHOR} Monitoring and review arrangements for key partnerships",
    ),
    (
        "chorley",
        "no MoU",
        facts(yes_no(0, 5), agreement_missing=True),
        "limited",
        f"{CHOR} Governance arrangements",
    ),
    (
        "chorley",
        "two reports overdue",
        facts(yes_no(0, 5), overdue_obligations=("Bi-annual report", "Governance check")),
        "limited",
        f"{CHOR} Managers' Responsibilities",
    ),
    (
        "chorley",
        "continuing relevance not confirmed",
        facts(yes_no(0, 5), business_case_reconfirmed=False),
        "limited",
        f"{CHOR} Monitoring and review arrangements for key partnerships",
    ),
    ("chorley", "one review action overdue", facts(yes_no(0, 5), overdue_actions=1), "reasonable", ""),
    # Central Bedfordshire: the Board's Annual Review (2.11), five yes/no questions.
    ("central_bedfordshire", "all met", facts(yes_no(0, 5)), "substantial", ""),
    ("central_bedfordshire", "one short", facts(yes_no(1, 5)), "reasonable", f"{CB} 2.11.1"),
    ("central_bedfordshire", "two of five short", facts(yes_no(2, 5)), "limited", f"{CB} 1.8"),
    ("central_bedfordshire", "three of five short", facts(yes_no(3, 5)), "weak", f"{CB} 1.7.3"),
    (
        "central_bedfordshire",
        "no terms of reference",
        facts(yes_no(0, 5), agreement_missing=True),
        "limited",
        f"{CB} 2.9.1",
    ),
    (
        "central_bedfordshire",
        "exception report overdue",
        facts(yes_no(0, 5), overdue_obligations=("Exception report",)),
        "reasonable",
        f"{CB} 2.13",
    ),
    (
        "central_bedfordshire",
        "corrective action overdue",
        facts(yes_no(0, 5), overdue_actions=1),
        "reasonable",
        f"{CB} 2.13.2",
    ),
    ("central_bedfordshire", "no Annual Review held", facts(reviewed=False), "limited", f"{CB} 2.11"),
    # Northampton: six review questions (continue or withdraw); a written agreement for every partnership.
    ("northampton", "all fine", facts(yes_no(0, 6)), "substantial", ""),
    ("northampton", "one concern", facts(yes_no(1, 6)), "reasonable", f"{NORTH} Reviewing Partnerships"),
    ("northampton", "two of six concerns", facts(yes_no(2, 6)), "limited", f"{NORTH} Reviewing Partnerships"),
    ("northampton", "three of six concerns", facts(yes_no(3, 6)), "weak", f"{NORTH} Reviewing Partnerships"),
    (
        "northampton",
        "no written agreement",
        facts(yes_no(0, 6), agreement_missing=True),
        "limited",
        f"{NORTH} Written Agreement / Governing Document",
    ),
    (
        "northampton",
        "risk register not reviewed in time",
        facts(yes_no(0, 6), risk_review_overdue=True),
        "reasonable",
        f"{NORTH} Putting arrangements in place",
    ),
    (
        "northampton",
        "benefits no longer justify costs",
        facts(yes_no(0, 6), business_case_reconfirmed=False),
        "limited",
        f"{NORTH} Evaluation",
    ),
    # Bury: the annual review of the Partnership Agreement (7.5), nine questions; no agreement is Weak (7.1).
    ("bury", "agreement stands", facts(yes_no(0, 9)), "substantial", ""),
    ("bury", "one gap", facts(yes_no(1, 9)), "reasonable", f"{BURY} 7.5"),
    ("bury", "three of nine gaps", facts(yes_no(3, 9)), "limited", f"{BURY} 7.1"),
    ("bury", "five of nine gaps", facts(yes_no(5, 9)), "weak", f"{BURY} 7.1"),
    ("bury", "no signed agreement", facts(yes_no(0, 9), agreement_missing=True), "weak", f"{BURY} 7.1"),
    (
        "bury",
        "risk register stale",
        facts(yes_no(0, 9), risk_review_overdue=True),
        "reasonable",
        f"{BURY} 12.2",
    ),
    (
        "bury",
        "business case not re-confirmed (Bury has no such rule)",
        facts(yes_no(0, 9), business_case_reconfirmed=False),
        "substantial",
        "",
    ),
    # The model framework.
    ("model", "all working effectively", facts(app_4a()), "substantial", ""),
    ("model", "one area needs action", facts(app_4a(ones=1)), "reasonable", f"{RED} App 4a"),
    ("model", "no written agreement", facts(app_4a(), agreement_missing=True), "limited", ""),
    (
        "model",
        "three reports overdue",
        facts(app_4a(), overdue_obligations=("A", "B", "C")),
        "limited",
        f"{RED} 9",
    ),
]


@pytest.mark.parametrize(
    ("framework_id", "situation", "given", "level", "cite"), CASES, ids=[f"{c[0]}: {c[1]}" for c in CASES]
)
def test_each_frameworks_rules_rate_what_the_review_and_record_show(
    framework_id, situation, given, level, cite
):
    proposal = rated(framework_id, given)
    assert proposal.level == level, [r.text for r in proposal.reasons]
    if cite:
        assert cite in cites(proposal)


def test_the_worst_of_several_problems_sets_the_rating_and_every_problem_is_a_reason():
    proposal = rated("redditch", facts(app_4a(ones=1), agreement_missing=True, overdue_actions=1))
    assert proposal.level == "limited"
    assert set(proposal.rules) == {"action_required", "no_memorandum", "actions_overdue"}
    assert proposal.reasons[0].text.startswith("No Memorandum of Understanding agreed")


def test_reasons_say_what_the_record_shows():
    proposal = rated("chorley", facts(yes_no(2, 5), overdue_obligations=("Bi-annual performance report",)))
    texts = " ".join(r.text for r in proposal.reasons)
    assert "2 of 5 answers (40%) scored 1" in texts
    assert "1 overdue: Bi-annual performance report" in texts
