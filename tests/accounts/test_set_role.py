"""`accord set_role`: the deployment guide's way to make the first administrator, recorded in history."""

import pytest
from django.core.management import CommandError, call_command

from accord.kernel.accounts.models import User
from accord.kernel.audit.models import AuditEvent
from tests import factories as f


@pytest.mark.django_db
def test_an_account_is_made_an_administrator_and_the_change_is_recorded():
    user = User.objects.create_user("jo.bloggs", password="a-long-password-1")
    assert user.role == "officer"
    call_command("set_role", "jo.bloggs", "administrator")
    user.refresh_from_db()
    assert user.role == "administrator"
    event = AuditEvent.objects.filter(object_id=user.pk).latest("pk")
    assert event.actor_name == "Command line (accord set_role)"
    assert event.actor is None
    assert [(c["old"], c["new"]) for c in event.changes if c["field"] == "role"] == [
        ("Officer", "Administrator")
    ]


@pytest.mark.django_db
def test_a_partner_needs_an_organisation_and_gets_it_by_org_id():
    User.objects.create_user("pat", password="a-long-password-1")
    with pytest.raises(CommandError, match="needs its organisation"):
        call_command("set_role", "pat", "partner")
    assert User.objects.get(username="pat").role == "officer"
    org = f.OrganisationFactory(name="Lancashire Constabulary", org_id="GB-GOR-PB999")
    call_command("set_role", "pat", "partner", "--organisation", "GB-GOR-PB999")
    pat = User.objects.get(username="pat")
    assert (pat.role, pat.organisation_id) == ("partner", org.pk)


@pytest.mark.django_db
def test_an_unknown_account_is_a_clear_error_and_changes_nothing():
    with pytest.raises(CommandError, match="no account with the username 'nobody'"):
        call_command("set_role", "nobody", "administrator")
    assert not AuditEvent.objects.exists()
