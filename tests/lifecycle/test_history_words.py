"""History names a partnership's records in plain words: "Changed record: Business case for
Riverside Community Trust", never the model's name for it or the partnership's id."""

import html

import pytest
from django.urls import reverse

from accord.domain.lifecycle import recording, services
from accord.kernel.audit.models import AuditEvent
from tests import factories as f


def save(actor, partnership, aims):
    recording.save_record(
        actor,
        partnership,
        "business_case",
        kind="business_case",
        title="Business case",
        complete=True,
        answers={"sections": {"aims": {"answer": aims, "evidence": ""}}},
    )


@pytest.mark.django_db
def test_history_names_the_record_and_its_partnership(client, users, officer_person):
    partnership = f.PartnershipFactory(name="Riverside Community Trust", status="proposed")
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    save(users["officer"], partnership, "Safer streets")
    save(users["administrator"], partnership, "Safer streets for young people")
    event = AuditEvent.objects.filter(partnership=partnership, action="changed").latest("id")
    assert (event.object_type, event.object_label) == (
        "record",
        "Business case for Riverside Community Trust",
    )
    client.force_login(users["administrator"])
    text = html.unescape(client.get(reverse("partnership-history", args=[partnership.pk])).content.decode())
    assert "Changed record: Business case for Riverside Community Trust" in text
    assert "artefact record" not in text and f"for {partnership.pk}" not in text
    # Whoever changed it is still barred from deciding on it (read from history by the new name).
    assert services.is_own_case(users["administrator"], partnership)
    assert not services.is_own_case(users["approver"], partnership)
