"""The framework in the pages: switching the council's framework changes the questions, tiers,
obligations and dashboard; significance assessment and override; the classification flow."""

import html
import json
import re
from datetime import date
from io import StringIO
from urllib.parse import parse_qs

import pytest
from django.core.management import call_command
from django.urls import reverse

from accord.frameworks import loader
from accord.frameworks.models import Classification, SignificanceAssessment
from tests import factories as f

SEED_FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_switching_the_framework_changes_questions_tiers_obligations_and_dashboard(
    client, users, own_partnership, settings, framework_id
):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    own_partnership.start_date = "2025-01-01"
    own_partnership.statutory_status = "statutory"
    own_partnership.save()
    client.force_login(users["administrator"])

    client.post(reverse("classify-start"), {"arrangement": "Chorley Youth Forum"})
    first_question = framework.definition.criteria[0]
    page = html.unescape(client.get(reverse("classify-question", args=[first_question.id])).content.decode())
    assert first_question.text in page

    detail = html.unescape(client.get(reverse("partnership", args=[own_partnership.pk])).content.decode())
    assert framework.name in detail
    tier_names = {t.name for t in framework.significance.tiers}
    assert any(name in detail for name in tier_names)

    dashboard = html.unescape(client.get(reverse("compliance")).content.decode())
    for obligation in framework.obligations:
        assert obligation.name in dashboard
    others = [o.name for fid in SEED_FRAMEWORKS if fid != framework_id for o in loader.get(fid).obligations]
    assert not any(
        name in dashboard for name in others if name not in {o.name for o in framework.obligations}
    )


@pytest.mark.django_db
def test_the_classification_flow_stores_the_result_with_the_framework_version(client, users):
    framework = loader.current()
    client.force_login(users["officer"])
    response = client.post(reverse("classify-start"), {"arrangement": "Chorley Youth Forum"})
    questions = [*framework.definition.criteria, *framework.definition.exclusions]
    assert response["Location"] == reverse("classify-question", args=[questions[0].id])
    response = client.post(response["Location"], {})
    assert "Select yes or no" in response.content.decode()
    for question in questions:
        response = client.post(
            reverse("classify-question", args=[question.id]),
            {"answer": "True" if question in framework.definition.criteria else "False"},
        )
    assert response["Location"] == reverse("classify-check")
    check = client.get(reverse("classify-check")).content.decode()
    assert "Check your answers" in check
    response = client.post(reverse("classify-check"))
    record = Classification.objects.get()
    assert response["Location"] == reverse("classify-result", args=[record.pk])
    assert record.is_partnership and record.framework_version == framework.version
    result = client.get(response["Location"]).content.decode()
    assert "Chorley Youth Forum is a partnership" in result
    assert framework.cite_text(framework.definition.cite) in result


@pytest.mark.django_db
def test_an_officer_assesses_significance_and_only_an_administrator_overrides_with_a_reason(
    client, users, own_partnership
):
    framework = loader.current()
    question_ids = [t.id for tier in framework.significance.tiers for t in tier.tests if t.kind == "question"]
    client.force_login(users["officer"])
    response = client.post(
        reverse("significance-assess", args=[own_partnership.pk]), {qid: "False" for qid in question_ids}
    )
    assert response.status_code == 302
    assessment = SignificanceAssessment.objects.filter(assessed_by=users["officer"]).get()
    assert (
        assessment.framework_id == framework.id and assessment.tier_id == framework.significance.tiers[-1].id
    )
    assert client.get(reverse("significance-override", args=[own_partnership.pk])).status_code == 403

    client.force_login(users["administrator"])
    url = reverse("significance-override", args=[own_partnership.pk])
    top = framework.significance.tiers[0]
    refused = client.post(url, {"tier": top.id, "reason": ""})
    assert "Enter the reason for overriding the tier" in refused.content.decode()
    assessment.refresh_from_db()
    assert not assessment.overridden
    client.post(url, {"tier": top.id, "reason": "Cabinet resolution 24/17 treats it as key"})
    assessment.refresh_from_db()
    assert assessment.effective_tier_id == top.id and assessment.tier_id != top.id
    page = client.get(reverse("partnership", args=[own_partnership.pk])).content.decode()
    assert "Cabinet resolution 24/17 treats it as key" in page
    assert top.name in page


@pytest.mark.django_db
def test_chorley_appendix_a_partnerships_are_all_key(settings):
    from accord.frameworks import apply
    from accord.register.models import Partnership

    settings.ACCORD_FRAMEWORK = "chorley"
    call_command("demo", stdout=StringIO())
    key = Partnership.objects.filter(reference__startswith="CHO-KP-")
    assert key.count() == 13
    assert {apply.significance(p, loader.current())[0].tier_id for p in key} == {"key"}


@pytest.mark.django_db
def test_the_obligations_command_writes_json_and_csv(own_partnership):
    own_partnership.start_date = "2024-04-01"
    own_partnership.save()
    out = StringIO()
    call_command("obligations", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["framework"] == loader.current().id
    assert {row["partnership_reference"] for row in data["obligations"]} == {own_partnership.reference}
    assert all(row["cite"] for row in data["obligations"])
    out = StringIO()
    call_command("obligations", "--format", "csv", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert lines[0].startswith("partnership_reference,partnership,tier,obligation")
    assert len(lines) == len(data["obligations"]) + 1


@pytest.mark.django_db
def test_the_dashboard_drills_down_to_the_partnerships_behind_a_number(
    client, users, own_partnership, settings
):
    settings.ACCORD_FRAMEWORK = "redditch"
    f.track_from(date(2019, 1, 1))  # Accord has tracked its duties since before it began
    own_partnership.start_date = "2020-01-01"
    own_partnership.statutory_status = "statutory"
    own_partnership.save()
    f.PartnershipFactory(name="Not started yet")
    client.force_login(users["auditor"])
    framework = loader.get("redditch")
    progress = next(o for o in framework.obligations if o.artefact == "progress_report")
    page = client.get(
        reverse("compliance"), {"obligation": progress.id, "status": "overdue"}
    ).content.decode()
    assert "Chorley Community Safety Partnership" in page
    assert "Not started yet" not in page
    # Every count links with its own obligation and status once, keeping the other filters (issue 19:
    # the links once piled up a parameter for every count before them).
    links = re.findall(r'href="\?([^"#]*)#drill-down"', page)
    assert links
    for query in links:
        params = parse_qs(html.unescape(query))
        assert len(params["obligation"]) == 1 and len(params["status"]) == 1, query


@pytest.mark.django_db
def test_a_classification_started_from_a_partnership_is_stored_on_it(client, users, own_partnership):
    framework = loader.current()
    client.force_login(users["officer"])
    url = reverse("classify-start") + f"?partnership={own_partnership.pk}"
    assert own_partnership.name in client.get(url).content.decode()
    client.post(url, {"arrangement": own_partnership.name})
    for question in [*framework.definition.criteria, *framework.definition.exclusions]:
        client.post(reverse("classify-question", args=[question.id]), {"answer": "False"})
    client.post(reverse("classify-check"))
    record = Classification.objects.filter(decided_by=users["officer"]).get()
    assert record.partnership == own_partnership and not record.is_partnership
    assert record.decided_by == users["officer"]


@pytest.mark.django_db
def test_the_dashboard_shows_each_obligations_clause_as_text_not_markup(client, users, own_partnership):
    client.force_login(users["member"])
    page = client.get(reverse("compliance")).content.decode()
    assert "&lt;br&gt;" not in page and "&lt;span" not in page
    framework = loader.current()
    clause = framework.cite_text(framework.obligations[0].cite)
    assert f'<span class="govuk-body-s">{clause}</span>' in page


@pytest.mark.django_db
def test_kept_counts_follow_changes_and_match_a_full_refresh(
    client, users, own_partnership, other_partnership
):
    from accord.frameworks import store
    from accord.frameworks.models import ComplianceCount, ObligationStatus
    from accord.register import services
    from accord.register.models import Partnership

    own_partnership.start_date = "2020-01-01"
    own_partnership.save()
    assert store.refresh_all(framework=loader.current()) == 2

    def counts():
        return {
            (c.obligation_id, c.status, c.tier_id): c.count
            for c in ComplianceCount.objects.filter(count__gt=0)
        }

    services.update(
        users["administrator"],
        Partnership,
        other_partnership.pk,
        {"start_date": "2019-05-01"},
        expected_version=other_partnership.version,
    )
    from accord.domain.lifecycle import services as cycle

    own_partnership.refresh_from_db()
    cycle.move(
        users["administrator"],
        own_partnership,
        "leaving",
        expected_status="active",
        reason="Wound up",
        reference="Executive Cabinet minute 23/45",
        framework=loader.current(),
    )
    cycle.move(
        users["administrator"],
        own_partnership,
        "closed",
        expected_status="leaving",
        reason="Wound up",
        framework=loader.current(),
    )
    incremental = counts()
    assert not ObligationStatus.objects.filter(partnership=own_partnership).exists()
    store.refresh_all(framework=loader.current())
    assert counts() == incremental
    assert sum(incremental.values()) == ObligationStatus.objects.count() > 0


@pytest.mark.django_db
def test_a_contribution_that_makes_a_partnership_significant_moves_its_kept_tier(
    users, own_partnership, settings
):
    from accord.frameworks import store
    from accord.frameworks.models import ObligationStatus
    from accord.register import services
    from accord.register.models import Contribution

    settings.ACCORD_FRAMEWORK = "redditch"
    own_partnership.start_date = "2024-01-01"
    own_partnership.save()
    store.refresh_all(framework=loader.current())
    assert set(ObligationStatus.objects.values_list("tier_id", flat=True)) == {"other"}
    services.add_child(
        users["administrator"],
        own_partnership,
        Contribution,
        {"year": 2025, "category": "finance", "amount": 250000, "finance_form": "pooled"},
        expected_version=own_partnership.version,
    )
    assert set(ObligationStatus.objects.values_list("tier_id", flat=True)) == {"significant"}


@pytest.mark.django_db
def test_an_override_without_a_reason_is_refused_by_the_service(users, own_partnership):
    from accord.frameworks import services
    from accord.frameworks.models import SignificanceAssessment

    top = loader.current().significance.tiers[0].id
    before = list(SignificanceAssessment.objects.values())
    with pytest.raises(ValueError):
        services.override(own_partnership, users["administrator"], top, "  ", framework=loader.current())
    assert list(SignificanceAssessment.objects.values()) == before


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_a_closed_partnerships_record_says_its_duties_have_ended_not_that_nothing_is_due_yet(
    settings, client, users, framework_id
):
    settings.ACCORD_FRAMEWORK = framework_id
    closed = f.PartnershipFactory(status="closed")
    client.force_login(users["administrator"])
    page = html.unescape(client.get(reverse("partnership", args=[closed.pk])).content.decode())
    assert "Nothing is due: the partnership ended" in page
    assert "for this partnership yet" not in page
