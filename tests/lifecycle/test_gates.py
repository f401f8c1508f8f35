"""Classification and significance gate a partnership's progress, and an administrator may let one
missing gate item pass with a written reason (ADR 0022)."""

from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from accord.domain.lifecycle import cycle, overrides, services
from accord.domain.lifecycle.models import GateOverride, Transition
from accord.frameworks import loader
from accord.frameworks.models import Classification, SignificanceAssessment
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent, ImmutableError
from accord.register.models import Partnership
from accord.register.services import refresh_contribution_total
from tests import factories as f
from tests.access_cases.fingerprint import changes, fingerprint
from tests.clock import on_day
from tests.test_bad_input import create_data, significance_answers

OVERRIDE_REASON = "Cabinet agreed on 2 December to treat the forum as a partnership (minute C/26/90)"


@pytest.fixture
def proposal(users, officer_person):
    """A proposal the officer leads, assessed and checked to be a partnership."""
    partnership = f.PartnershipFactory(name="Chorley Youth Forum", reference="YF-01", status="proposed")
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    return partnership


def missing_ids(partnership, target=cycle.BUSINESS_CASE) -> list[str]:
    return [m.requirement_id for m in services.check(partnership, target, framework=loader.current()).missing]


def start_business_case(user, partnership):
    return services.move(
        user, partnership, cycle.BUSINESS_CASE, expected_status=cycle.PROPOSED, framework=loader.current()
    )


# Significance -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_unassessed_partnership_cannot_start_its_business_case(users, officer_person):
    partnership = f.PartnershipFactory(status="proposed", assessed=False)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    with pytest.raises(services.GateRefused) as refused:
        start_business_case(users["officer"], partnership)
    missing = refused.value.check.missing[0]
    assert missing.text == "Significance: not assessed yet"
    assert missing.cite == loader.current().significance.tiers[0].cite
    partnership.refresh_from_db()
    assert partnership.status == "proposed"
    assert not Transition.objects.filter(partnership=partnership, to_status="business_case").exists()


@pytest.mark.django_db
def test_an_unassessed_partnership_cannot_move_on_at_any_gate(users, own_partnership):
    """An active partnership added before the questions were asked cannot go on to leave either: the
    tier decides which leaving steps apply."""
    SignificanceAssessment.objects.filter(partnership=own_partnership).delete()
    assert cycle.SIGNIFICANCE_ASSESSED in missing_ids(own_partnership, cycle.LEAVING)
    assert not services.check(
        own_partnership, cycle.UNDER_REVIEW, framework=loader.current()
    ).missing  # an ungated move


@pytest.mark.django_db
def test_answering_the_significance_questions_lets_it_move_on(client, users, officer_person):
    partnership = f.PartnershipFactory(status="proposed", assessed=False)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    client.force_login(users["officer"])
    answers = {k.removeprefix("significance-"): v for k, v in significance_answers().items()}
    client.post(reverse("significance-assess", args=[partnership.pk]), answers)
    start_business_case(users["officer"], partnership)
    partnership.refresh_from_db()
    assert partnership.status == "business_case"


@pytest.mark.django_db
def test_proposing_with_the_significance_questions_records_the_tier(client, users):
    framework = loader.current()
    client.force_login(users["officer"])
    response = client.post(reverse("partnership-create"), create_data(**significance_answers(True)))
    assert response.status_code == 302
    partnership = Partnership.objects.get(reference="YP-01")
    assessment = SignificanceAssessment.objects.get(partnership=partnership)
    assert assessment.tier_id == framework.significance.tiers[0].id
    assert assessment.assessed_by == users["officer"]
    assert set(assessment.answers) == {k.removeprefix("significance-") for k in significance_answers()}
    history = AuditEvent.objects.filter(partnership=partnership).values_list("changes", flat=True)
    assert any(c["label"] == "Significance" for change in history for c in change)


@pytest.mark.django_db
def test_the_add_a_partnership_page_asks_the_significance_questions_and_needs_each_answer(client, users):
    client.force_login(users["officer"])
    page = client.get(reverse("partnership-create")).content.decode()
    first = next(t for tier in loader.current().significance.tiers for t in tier.tests if t.question)
    assert "Significance under" in page and first.question in unescape(page)
    data = create_data()
    del data[f"significance-{first.id}"]
    response = client.post(reverse("partnership-create"), data)
    assert "There is a problem" in response.content.decode()
    assert "Select yes or no" in response.content.decode()
    assert not Partnership.objects.filter(reference="YP-01").exists()


@pytest.mark.django_db
def test_a_framework_that_asks_nothing_assesses_a_new_partnership_when_it_is_added(client, users, settings):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"  # every tier is reached by facts
    client.force_login(users["officer"])
    assert client.post(reverse("partnership-create"), create_data()).status_code == 302
    partnership = Partnership.objects.get(reference="YP-01")
    assert SignificanceAssessment.objects.filter(
        partnership=partnership, framework_id="central_bedfordshire"
    ).exists()
    assert cycle.SIGNIFICANCE_ASSESSED not in missing_ids(partnership)


@pytest.mark.django_db
def test_the_tier_follows_a_contribution_recorded_after_the_assessment(users, settings, own_partnership):
    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    f.assess(own_partnership)
    assert services.state(own_partnership, loader.current()).tier_id == "other"
    f.ContributionFactory(partnership=own_partnership, year=2026, amount=10_000_000)
    refresh_contribution_total(own_partnership)
    assert services.state(Partnership.objects.get(pk=own_partnership.pk), loader.current()).tier_id == "key"


@pytest.mark.django_db
def test_an_unassessed_partnership_shows_the_prompt_on_its_record_and_cycle_page(
    client, users, officer_person
):
    partnership = f.PartnershipFactory(status="active", assessed=False)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    client.force_login(users["officer"])
    link = reverse("significance-assess", args=[partnership.pk])
    for page in ("partnership", "cycle"):
        html = client.get(reverse(page, args=[partnership.pk])).content.decode()
        assert "Significance: not assessed yet." in html
        assert f'href="{link}">Answer the significance questions</a>' in html


# Is it a partnership? ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_not_a_partnership_result_blocks_starting_the_business_case(users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    before = fingerprint()
    with pytest.raises(services.GateRefused) as refused:
        start_business_case(users["officer"], proposal)
    assert [m.text for m in refused.value.check.missing] == [
        "Is it a partnership?: the answers say it is not a partnership"
    ]
    assert refused.value.check.missing[0].cite == loader.current().definition.cite
    assert changes(before, fingerprint()) == []


@pytest.mark.django_db
def test_the_latest_result_counts(users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    f.classify(proposal, is_partnership=True, user=users["officer"])
    start_business_case(users["officer"], proposal)
    proposal.refresh_from_db()
    assert proposal.status == "business_case"


@pytest.mark.django_db
def test_a_proposal_with_no_result_is_prompted_and_cannot_start_its_business_case(
    client, users, officer_person
):
    partnership = f.PartnershipFactory(status="proposed", classified=False)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    assert missing_ids(partnership) == [cycle.IS_A_PARTNERSHIP]
    client.force_login(users["officer"])
    link = reverse("classify-start") + f"?partnership={partnership.pk}"
    for page in ("partnership", "cycle"):
        html = client.get(reverse(page, args=[partnership.pk])).content.decode()
        assert "Is it a partnership? Not checked yet." in html
        assert f'href="{link}">Check it is a partnership</a>' in html


@pytest.mark.django_db
def test_an_existing_partnership_with_no_result_is_prompted_but_not_held_back(users, own_partnership):
    """Only moving on from a proposal needs the result (existing partnerships were recorded as they
    are); the prompt still asks for the test."""
    Classification.objects.filter(partnership=own_partnership).delete()
    assert cycle.IS_A_PARTNERSHIP not in missing_ids(own_partnership, cycle.LEAVING)


@pytest.mark.django_db
def test_taking_the_test_for_a_partnership_stores_the_result_on_its_record(client, users, officer_person):
    framework = loader.current()
    partnership = f.PartnershipFactory(status="proposed", classified=False)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    client.force_login(users["officer"])
    client.post(
        reverse("classify-start") + f"?partnership={partnership.pk}", {"arrangement": partnership.name}
    )
    for question in framework.definition.criteria:
        client.post(reverse("classify-question", args=[question.id]), {"answer": "True"})
    for question in framework.definition.exclusions:
        client.post(reverse("classify-question", args=[question.id]), {"answer": "False"})
    result = client.post(reverse("classify-check"))
    record = Classification.objects.get(partnership=partnership)
    assert result["Location"] == reverse("classify-result", args=[record.pk])
    assert record.is_partnership and record.framework_version == framework.version
    answers = client.get(result["Location"]).content.decode()
    assert framework.definition.criteria[0].text in answers and "The answers" in answers
    page = client.get(reverse("partnership", args=[partnership.pk])).content.decode()
    assert "A partnership" in page and users["officer"].display_name in page
    assert f"version {framework.version}" in page
    assert reverse("classify-result", args=[record.pk]) in page
    history = AuditEvent.objects.filter(partnership=partnership).values_list("changes", flat=True)
    assert {
        "field": "is_a_partnership",
        "label": "Is it a partnership?",
        "old": "",
        "new": "A partnership",
    } in [c for change in history for c in change]
    start_business_case(users["officer"], partnership)


@pytest.mark.django_db
def test_an_officer_cannot_put_a_result_on_a_partnership_they_do_not_work_on(
    client, users, other_partnership
):
    client.force_login(users["officer"])
    url = reverse("classify-start") + f"?partnership={other_partnership.pk}"
    assert client.get(url).status_code == 403


# Overrides --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_officer_cannot_override(client, users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    before = fingerprint()
    with pytest.raises(overrides.OverrideRefused, match="Only an administrator"):
        overrides.override(
            users["officer"],
            proposal,
            cycle.BUSINESS_CASE,
            cycle.IS_A_PARTNERSHIP,
            "Because",
            framework=loader.current(),
        )
    client.force_login(users["officer"])
    url = reverse("gate-override", args=[proposal.pk, cycle.BUSINESS_CASE, cycle.IS_A_PARTNERSHIP])
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "Because"}).status_code == 403
    move = client.get(reverse("cycle-move", args=[proposal.pk, cycle.BUSINESS_CASE])).content.decode()
    assert "Override this requirement" not in move
    assert changes(before, fingerprint()) == []


@pytest.mark.django_db
def test_a_blank_reason_is_refused_and_changes_nothing(client, users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    before = fingerprint()
    with pytest.raises(overrides.OverrideRefused, match="Enter the reason"):
        overrides.override(
            users["administrator"],
            proposal,
            cycle.BUSINESS_CASE,
            cycle.IS_A_PARTNERSHIP,
            "  ",
            framework=loader.current(),
        )
    client.force_login(users["administrator"])
    url = reverse("gate-override", args=[proposal.pk, cycle.BUSINESS_CASE, cycle.IS_A_PARTNERSHIP])
    page = client.post(url, {"reason": "   "}).content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_reason">Enter the reason for overriding this requirement</a>' in page
    assert changes(before, fingerprint()) == []


@pytest.mark.django_db
def test_an_override_lets_it_move_and_stays_visible_on_the_record(client, users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    admin = users["administrator"]
    client.force_login(admin)
    move_url = reverse("cycle-move", args=[proposal.pk, cycle.BUSINESS_CASE])
    override_url = reverse("gate-override", args=[proposal.pk, cycle.BUSINESS_CASE, cycle.IS_A_PARTNERSHIP])
    assert f'href="{override_url}">Override this requirement' in client.get(move_url).content.decode()
    form = client.get(override_url).content.decode()
    assert "Is it a partnership?: the answers say it is not a partnership" in form
    response = client.post(override_url, {"reason": OVERRIDE_REASON})
    assert response.status_code == 302 and response["Location"] == move_url

    check = services.check(proposal, cycle.BUSINESS_CASE, framework=loader.current())
    assert check.ok and [m.requirement_id for m in check.overridden] == [cycle.IS_A_PARTNERSHIP]
    start_business_case(users["officer"], proposal)
    proposal.refresh_from_db()
    assert proposal.status == "business_case"
    moved = Transition.objects.filter(partnership=proposal).latest("id")
    assert {"id": cycle.IS_A_PARTNERSHIP, "reason": OVERRIDE_REASON}.items() <= moved.gates[0].items()

    shown = f"Overridden by {admin.display_name} on {clock.today():%-d %B %Y}: {OVERRIDE_REASON}"
    client.force_login(users["officer"])
    for page in ("partnership", "cycle"):
        html = client.get(reverse(page, args=[proposal.pk])).content.decode()
        assert "Requirements overridden" in html and shown in html
    assert "Not a partnership" in client.get(reverse("partnership", args=[proposal.pk])).content.decode()


@pytest.mark.django_db
def test_the_override_is_recorded_in_the_partnerships_history(users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    row = overrides.override(
        users["administrator"],
        proposal,
        cycle.BUSINESS_CASE,
        cycle.IS_A_PARTNERSHIP,
        OVERRIDE_REASON,
        framework=loader.current(),
    )
    event = AuditEvent.objects.get(partnership=proposal, object_type="gate override")
    assert event.actor == users["administrator"] and event.reason == OVERRIDE_REASON
    assert event.changes[0]["new"].startswith("Is it a partnership?: the answers say it is not a partnership")
    assert (row.framework_id, row.framework_version) == (loader.current().id, loader.current().version)
    with pytest.raises(ImmutableError):  # append-only
        GateOverride.objects.filter(pk=row.pk).update(reason="Something else")


@pytest.mark.django_db
def test_only_a_missing_item_can_be_overridden(users, proposal):
    with pytest.raises(overrides.OverrideRefused, match="nothing to override"):
        overrides.override(
            users["administrator"],
            proposal,
            cycle.BUSINESS_CASE,
            cycle.IS_A_PARTNERSHIP,
            OVERRIDE_REASON,
            framework=loader.current(),
        )
    with pytest.raises(overrides.OverrideRefused, match="nothing to override"):  # not a move it can make
        overrides.override(
            users["administrator"],
            proposal,
            cycle.ACTIVE,
            cycle.IS_A_PARTNERSHIP,
            "Because",
            framework=loader.current(),
        )
    assert not GateOverride.objects.exists()


@pytest.mark.django_db
def test_an_override_covers_one_item_of_one_gate(users, settings, officer_person):
    """Overriding the significance check into the business case does not let the partnership
    go on for approval: that gate's own check is still missing."""
    partnership = f.PartnershipFactory(status="proposed", assessed=False)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    overrides.override(
        users["administrator"],
        partnership,
        cycle.BUSINESS_CASE,
        cycle.SIGNIFICANCE_ASSESSED,
        "Agreed by CMT",
        framework=loader.current(),
    )
    start_business_case(users["officer"], partnership)
    partnership.refresh_from_db()
    assert cycle.SIGNIFICANCE_ASSESSED in missing_ids(partnership, cycle.AWAITING_APPROVAL)


@pytest.mark.django_db
def test_a_framework_requirement_can_be_overridden(users, settings, officer_person):
    settings.ACCORD_FRAMEWORK = "chorley"
    partnership = f.PartnershipFactory(status="business_case", is_key_partnership=True)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    assert missing_ids(partnership, cycle.AWAITING_APPROVAL) == ["report_before_approval"]
    overrides.override(
        users["administrator"],
        partnership,
        cycle.AWAITING_APPROVAL,
        "report_before_approval",
        "Urgent item",
        framework=loader.current(),
    )
    services.move(
        users["officer"],
        partnership,
        cycle.AWAITING_APPROVAL,
        expected_status="business_case",
        framework=loader.current(),
    )
    partnership.refresh_from_db()
    assert partnership.status == "awaiting_approval"


@pytest.mark.django_db
def test_the_annual_report_lists_overrides_made_in_its_period(users, proposal):
    from accord.outputs.reports import periods
    from accord.outputs.reports.builders import KINDS, Context, build
    from accord.register.access import visible_partnerships

    f.classify(proposal, is_partnership=False, user=users["officer"])
    with on_day(date(2025, 11, 3)):
        overrides.override(
            users["administrator"],
            proposal,
            cycle.BUSINESS_CASE,
            cycle.IS_A_PARTNERSHIP,
            OVERRIDE_REASON,
            framework=loader.current(),
        )
    year = periods.financial_year(2025)
    report = build(
        KINDS["annual"],
        Context.make(visible_partnerships(users["administrator"]), year, framework=loader.current()),
    )
    assert report.table("gate_overrides").rows == [
        [
            "YF-01",
            "Chorley Youth Forum",
            "Is it a partnership?: the answers say it is not a partnership",
            "Business case",
            users["administrator"].display_name,
            date(2025, 11, 3),
            OVERRIDE_REASON,
        ]
    ]
    assert dict(report.table("figures").rows)["Gate requirements overridden"] == 1
    later = build(
        KINDS["annual"],
        Context.make(
            visible_partnerships(users["administrator"]),
            periods.financial_year(2026),
            framework=loader.current(),
        ),
    )
    assert later.table("gate_overrides").rows == []


@pytest.mark.django_db
def test_a_not_a_partnership_result_cannot_be_recorded_as_active_retrospectively(users, proposal):
    f.classify(proposal, is_partnership=False, user=users["officer"])
    before = fingerprint()
    with pytest.raises(services.CycleError, match="not a partnership"):
        services.record_retrospectively(
            users["administrator"],
            proposal,
            cycle.ACTIVE,
            reason="Approved in 2019",
            decided_on=date(2019, 6, 1),
            framework=loader.current(),
        )
    assert changes(before, fingerprint()) == []
