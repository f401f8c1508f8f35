"""History is complete and unchangeable; a stale edit is refused and overwrites nothing."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accord.kernel.audit.models import AuditEvent, ImmutableError
from accord.register import services
from accord.register.models import Partnership


def about(partnership, **changes):
    data = {
        "name": partnership.name,
        "reference": partnership.reference,
        "description": partnership.description,
        "purpose": "",
        "vision": "",
        "aims_objectives": "",
        "version": partnership.version,
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_an_edit_is_recorded_with_who_when_and_old_and_new_values(client, users, own_partnership):
    client.force_login(users["officer"])
    response = client.post(
        reverse("partnership-edit", args=[own_partnership.pk, "about"]),
        about(own_partnership, name="Chorley and South Ribble CSP"),
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(partnership=own_partnership).latest("id")
    assert event.actor == users["officer"]
    assert event.changes == [
        {
            "field": "name",
            "label": "Name",
            "old": "Chorley Community Safety Partnership",
            "new": "Chorley and South Ribble CSP",
        }
    ]
    page = client.get(reverse("partnership-history", args=[own_partnership.pk])).content.decode()
    assert "Chorley and South Ribble CSP" in page
    assert "Chorley Community Safety Partnership" in page


@pytest.mark.django_db
def test_history_cannot_be_changed_or_deleted_through_the_orm(own_partnership, users):
    services.update(
        users["administrator"],
        Partnership,
        own_partnership.pk,
        {"themes": "Crime"},
        expected_version=own_partnership.version,
    )
    event = AuditEvent.objects.latest("id")
    event.reason = "rewritten"
    with pytest.raises(ImmutableError):
        event.save()
    with pytest.raises(ImmutableError):
        event.delete()
    with pytest.raises(ImmutableError):
        AuditEvent.objects.all().delete()
    with pytest.raises(ImmutableError):
        AuditEvent.objects.update(reason="rewritten")


@pytest.mark.django_db
def test_the_database_refuses_to_change_history_even_with_raw_sql(own_partnership, users):
    services.update(
        users["administrator"],
        Partnership,
        own_partnership.pk,
        {"themes": "Crime"},
        expected_version=own_partnership.version,
    )
    for statement in ("UPDATE audit_auditevent SET reason = 'x'", "DELETE FROM audit_auditevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert AuditEvent.objects.filter(reason="x").count() == 0
    assert AuditEvent.objects.exists()


@pytest.mark.django_db
def test_the_second_of_two_editors_is_refused_and_shown_what_changed(client, users, own_partnership):
    client.force_login(users["administrator"])
    url = reverse("partnership-edit", args=[own_partnership.pk, "about"])
    opened_at = own_partnership.version
    first = client.post(url, about(own_partnership, name="First editor's name", version=opened_at))
    assert first.status_code == 302
    second = client.post(url, about(own_partnership, name="Second editor's name", version=opened_at))
    html = second.content.decode()
    assert second.status_code == 200
    assert "Someone else changed this record while you were editing it" in html
    assert "First editor&#39;s name" in html or "First editor's name" in html
    own_partnership.refresh_from_db()
    assert own_partnership.name == "First editor's name"
    # The form now carries the current version, so a deliberate second save goes through.
    assert f'value="{own_partnership.version}"' in html


@pytest.mark.django_db
def test_a_stale_version_is_refused_by_the_service_itself(own_partnership, users):
    services.update(
        users["administrator"],
        Partnership,
        own_partnership.pk,
        {"themes": "A"},
        expected_version=own_partnership.version,
    )
    with pytest.raises(services.StaleEdit) as stale:
        services.update(
            users["administrator"],
            Partnership,
            own_partnership.pk,
            {"themes": "B"},
            expected_version=own_partnership.version,
        )
    assert stale.value.changes_since[0].changes[0]["new"] == "A"
    own_partnership.refresh_from_db()
    assert own_partnership.themes == "A"


@pytest.mark.django_db
def test_a_stale_child_edit_is_refused_too(client, users, own_partnership):
    client.force_login(users["administrator"])
    opened_at = own_partnership.version
    services.update(
        users["administrator"], Partnership, own_partnership.pk, {"themes": "A"}, expected_version=opened_at
    )
    membership = own_partnership.memberships.first()
    response = client.post(
        reverse("child-remove", args=[own_partnership.pk, "members", membership.pk]),
        {"reason": "Left", "version": opened_at},
    )
    assert "Someone else changed this record" in response.content.decode()
    assert own_partnership.memberships.filter(pk=membership.pk).exists()


@pytest.mark.django_db
def test_organisation_history_records_changes(client, users):
    client.force_login(users["administrator"])
    organisation = users["partner"].organisation
    response = client.post(
        reverse("organisation-edit", args=[organisation.pk]),
        {
            "name": "Lancashire Police",
            "sector": "public",
            "org_id": organisation.org_id,
            "can_be_accountable_body": "True",
            "can_employ_staff": "True",
            "website": "",
            "notes": "",
            "version": organisation.version,
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("organisation-history", args=[organisation.pk])).content.decode()
    assert "Lancashire Police" in page and "Lancashire Constabulary" in page
