"""What the API reads and writes: the same data, rules, messages and history as the web pages."""

import re
from datetime import date

import pytest
from django.urls import reverse

from accord.domain.reviews.models import AssuranceRating, Review
from accord.domain.risks.models import Risk
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership, PartnershipStatus
from tests import factories as f


@pytest.mark.django_db
def test_a_bad_value_gets_a_message_per_field_and_changes_nothing(api_as, own_partnership):
    before = Partnership.objects.get(pk=own_partnership.pk)
    response = api_as("officer").patch(
        f"partnerships/{own_partnership.pk}",
        {
            "version": before.version,
            "name": "",
            "start_date": "2026-05-01",
            "proposed_end_date": "2026-01-01",
        },
    )
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Check the details you gave"
    assert {"field": "name", "message": "Enter name"} in body["errors"]
    assert {
        "field": "proposed_end_date",
        "message": "Proposed end date must be after the start date",
    } in body["errors"]
    after = Partnership.objects.get(pk=own_partnership.pk)
    assert (after.name, after.version) == (before.name, before.version)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, field",
    [
        ({"version": 1, "start_date": "2024-02-31"}, "start_date"),
        ({"version": "one"}, "version"),
        ({"name": "No version"}, "version"),
        ({"version": 1, "council_role": "boss"}, "council_role"),
    ],
)
def test_values_of_the_wrong_kind_are_422_naming_the_field(api_as, own_partnership, body, field):
    response = api_as("administrator").patch(f"partnerships/{own_partnership.pk}", body)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]


@pytest.mark.django_db
def test_a_body_that_is_not_json_is_400_not_a_server_error(secrets, client, own_partnership):
    response = client.patch(
        f"/api/v1/partnerships/{own_partnership.pk}",
        data="{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {secrets['administrator']}"},
    )
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "errors"}


@pytest.mark.django_db
def test_a_stale_update_is_refused_with_409_and_the_newer_change_kept(api_as, own_partnership):
    api = api_as("officer")
    read = api.get(f"partnerships/{own_partnership.pk}").json()
    first = api.patch(f"partnerships/{own_partnership.pk}", {"version": read["version"], "themes": "safety"})
    assert first.status_code == 200 and first.json()["version"] == read["version"] + 1
    second = api.patch(f"partnerships/{own_partnership.pk}", {"version": read["version"], "themes": "waste"})
    assert second.status_code == 409
    assert Partnership.objects.get(pk=own_partnership.pk).themes == "safety"


@pytest.mark.django_db
def test_changes_through_the_api_are_in_the_partnerships_history_under_the_tokens_owner(
    api_as, users, own_partnership
):
    api_as("officer").patch(
        f"partnerships/{own_partnership.pk}", {"version": own_partnership.version, "themes": "x"}
    )
    event = AuditEvent.objects.filter(partnership=own_partnership, action="changed").latest("id")
    assert event.actor == users["officer"]
    assert [c["field"] for c in event.changes] == ["themes"]


@pytest.mark.django_db
def test_a_partnership_created_through_the_api_starts_its_cycle_and_history(api_as, users, own_partnership):
    body = {
        "name": "Chorley Health Partnership",
        "reference": "health-01",
        "description": "Health",
        "partnership_type": f.offered_type().pk,
        "statutory_status": "statutory",
        "incorporation": "unincorporated",
        "lead_organisation": own_partnership.lead_organisation_id,
        "council_role": "member",
        "directorate": own_partnership.directorate_id,
        "status": "active",
        "start_date": "2020-04-01",
    }
    response = api_as("administrator").post("partnerships", body)
    assert response.status_code == 201, response.content
    created = Partnership.objects.get(pk=response.json()["id"])
    assert (created.reference, created.status) == ("HEALTH-01", PartnershipStatus.ACTIVE)
    assert AuditEvent.objects.filter(
        partnership=created, action="created", actor=users["administrator"]
    ).exists()
    duplicate = api_as("administrator").post("partnerships", body)
    assert duplicate.status_code == 422 and duplicate.json()["errors"][0]["field"] == "reference"


@pytest.mark.django_db
def test_the_status_cannot_be_changed_outside_the_partnership_cycle(api_as, own_partnership):
    response = api_as("administrator").patch(
        f"partnerships/{own_partnership.pk}", {"version": own_partnership.version, "status": "closed"}
    )
    assert response.status_code == 200
    assert Partnership.objects.get(pk=own_partnership.pk).status == own_partnership.status


@pytest.mark.django_db
def test_partners_do_not_see_the_councils_internal_sections(api_as, own_partnership):
    Partnership.objects.filter(pk=own_partnership.pk).update(exit_strategy="Leave in 2027", is_published=True)
    as_partner = api_as("partner").get(f"partnerships/{own_partnership.pk}").json()
    as_member = api_as("member").get(f"partnerships/{own_partnership.pk}").json()
    assert as_partner["exit_strategy"] is None and as_partner["is_published"] is None
    assert as_member["exit_strategy"] == "Leave in 2027" and as_member["is_published"] is True


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {},
        {"q": "safety"},
        {"status": "active", "sort": "-updated"},
        {"council_role": "lead", "q": "lanc"},
        {"lead_officer": "olive"},
        {"contribution_above": "100"},
    ],
)
def test_filters_find_what_the_register_page_finds(
    client, api_as, users, own_partnership, other_partnership, query
):
    for n in range(5):
        f.PartnershipFactory(name=f"Lancashire Safety Board {n}", reference=f"LSB-{n}")
    Partnership.objects.filter(reference__in=["LSB-1", "LSB-3"]).update(latest_year_contribution=500)
    client.force_login(users["officer"])
    page = client.get(reverse("register"), query).content.decode()
    web = list(dict.fromkeys(int(pk) for pk in re.findall(r'href="/partnerships/([0-9]+)/"', page)))
    web_count = int(re.search(r"([0-9,]+) partnerships? found", page).group(1))
    found = api_as("officer").get("partnerships", **query).json()
    assert web and [r["id"] for r in found["results"]] == web
    assert found["count"] == web_count


@pytest.mark.django_db
def test_an_unknown_filter_value_is_explained(api_as, own_partnership):
    response = api_as("officer").get("partnerships", partnership_type=999999)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "partnership_type"


@pytest.mark.django_db
def test_lists_come_in_pages_with_a_count_and_links(api_as, own_partnership):
    for n in range(4):
        f.PartnershipFactory(reference=f"P-{n}")
    first = api_as("administrator").get("partnerships", limit=2).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (5, 2, None)
    assert "offset=2" in first["next"] and "limit=2" in first["next"]
    last = api_as("administrator").get("partnerships", limit=2, offset=4).json()
    assert len(last["results"]) == 1 and last["next"] is None and "offset=2" in last["previous"]


@pytest.mark.django_db
def test_partners_list_only_their_own_partnerships(api_as, own_partnership, other_partnership):
    found = api_as("partner").get("partnerships").json()
    assert [r["id"] for r in found["results"]] == [own_partnership.pk]


@pytest.mark.django_db
def test_a_risk_added_with_scores_is_placed_on_the_frameworks_matrix(api_as, users, own_partnership):
    body = {
        "title": "Funding ends",
        "identified_on": "2026-01-05",
        "owner": "Olive",
        "scores": {"inherent": {"likelihood": 4, "impact": 4}, "current": {"likelihood": 2, "impact": 3}},
    }
    response = api_as("partner").post(f"partnerships/{own_partnership.pk}/risks", body)
    assert response.status_code == 201, response.content
    scores = response.json()["scores"]
    assert scores["inherent"]["score"] == 16 and scores["current"]["score"] == 6 and scores["target"] is None
    risk = Risk.objects.get(pk=response.json()["id"])
    assert risk.assessments.count() == 2
    assert AuditEvent.objects.filter(
        partnership=own_partnership, object_type="risk", actor=users["partner"]
    ).exists()


@pytest.mark.django_db
def test_a_score_off_the_matrix_is_refused_and_nothing_is_added(api_as, own_partnership):
    body = {
        "title": "T",
        "identified_on": "2026-01-05",
        "owner": "O",
        "scores": {"current": {"likelihood": 9, "impact": 1}},
    }
    response = api_as("officer").post(f"partnerships/{own_partnership.pk}/risks", body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "scores.current.likelihood"
    assert not Risk.objects.exists()


@pytest.mark.django_db
def test_ending_a_role_keeps_it_as_past(api_as, own_partnership):
    role = own_partnership.roles.get()
    response = api_as("officer").post(
        f"partnerships/{own_partnership.pk}/roles/{role.pk}/end",
        {"version": own_partnership.version, "end_date": "2026-01-31", "reason": "Moved on"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["end_date"] == "2026-01-31" and response.json()["is_current"] is False
    role.refresh_from_db()
    assert role.end_date == date(2026, 1, 31)


@pytest.mark.django_db
def test_reviews_and_ratings_are_read_by_staff_only(api_as, users, own_partnership):
    review = Review.objects.create(
        partnership=own_partnership,
        artefact_id="annual_review",
        bank_id="governance",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        started_on=date(2026, 4, 2),
    )
    AssuranceRating.objects.create(
        partnership=own_partnership,
        review=review,
        level="reasonable",
        proposed_level="limited",
        reasons=[{"text": "Risks reviewed", "cite": "Bury 9.3"}],
        rated_on=date(2026, 4, 20),
        framework_id="chorley",
        framework_version="1.0",
    )
    read = api_as("auditor").get(f"partnerships/{own_partnership.pk}/reviews/{review.pk}")
    assert read.status_code == 200 and read.json()["status"] == "draft"
    ratings = api_as("auditor").get(f"partnerships/{own_partnership.pk}/ratings").json()["results"]
    assert ratings[0]["level"] == "reasonable" and ratings[0]["reasons"][0]["cite"] == "Bury 9.3"
    assert api_as("partner").get(f"partnerships/{own_partnership.pk}/reviews/{review.pk}").status_code == 403


@pytest.mark.django_db
def test_obligations_carry_their_framework_clause(api_as, own_partnership):
    found = api_as("approver").get(f"partnerships/{own_partnership.pk}/obligations").json()
    assert found["obligations"] and all(o["cite"] for o in found["obligations"])
