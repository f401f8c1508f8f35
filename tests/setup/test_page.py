"""The set-up page (issue 18, item 8): administrators see each step's state on an empty register and
on the demo register, can confirm they checked the rulebook, and every other role is refused."""

import os
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from accord.frameworks import adoption
from accord.kernel import clock
from accord.kernel.audit.models import AuditEvent
from accord.outputs.transfer.models import ImportRun, Outcome
from accord.site.models import RulebookCheck
from tests import factories as f
from tests.frameworks import versions_setup

pytestmark = pytest.mark.django_db
council_folder = versions_setup.council_folder  # a fixture: version 2.0 of Chorley's framework, not adopted


def states(response) -> dict[str, str]:
    """Each step's title -> its status, as the task list shows them."""
    html = response.content.decode()
    items = re.findall(r'<li class="govuk-task-list__item.*?>(.*?)</li>', html, flags=re.S)
    found = {}
    for item in items:
        title = re.search(r"(?:govuk-task-list__link[^>]*>|<div>)\s*(.*?)\s*</", item, flags=re.S)
        status = re.search(
            r"govuk-task-list__status[^>]*>\s*(?:<strong[^>]*>)?\s*(.*?)\s*<", item, flags=re.S
        )
        assert title and status, item
        found[title.group(1)] = status.group(1)
    return found


@pytest.fixture
def admin(db):
    return f.make_user("administrator", username="ada")


def test_on_an_empty_register_nothing_is_done_and_publishing_cannot_start(client, admin, monkeypatch):
    for name in ("COUNCIL_NAME", "COUNCIL_SHORT_NAME", "COUNCIL_BRAND_COLOUR", "ACCORD_FRAMEWORK"):
        monkeypatch.delenv(name, raising=False)
    client.force_login(admin)
    response = client.get(reverse("setup"))
    assert response.status_code == 200
    assert states(response) == {
        "Council details and branding": "Not yet started",
        "Choose the partnership framework": "Not yet started",  # Accord's examples: nobody chose them
        "Set the day Accord began tracking duties": "Not yet started",
        "Import the register": "Not yet started",
        "Add users and appoint who decides": "Not yet started",
        "Check the rulebook": "Not yet started",
        "Publish the register": "Cannot start yet",
    }
    html = response.content.decode()
    assert "You have completed 0 of 7 steps." in html
    assert f'href="{reverse("transfer")}"' in html and f'href="{reverse("public-register")}"' not in html
    assert "Chorley Council (Accord&#39;s example)" in html


def test_on_the_demo_register_the_steps_done_are_completed(client, monkeypatch):
    call_command("demo", stdout=open(os.devnull, "w"))
    monkeypatch.setenv("COUNCIL_NAME", "Chorley Council")
    client.force_login(f.make_user("administrator", username="setup-admin"))
    response = client.get(reverse("setup"))
    found = states(response)
    assert found["Council details and branding"] == "Incomplete"  # the short name and colour are not set
    assert found["Choose the partnership framework"] == "Completed"  # Chorley's own, for Chorley Council
    assert found["Import the register"] == "Completed"
    assert found["Add users and appoint who decides"] == "Completed"  # the demo appoints Executive Cabinet
    assert found["Publish the register"] == "Completed"
    assert found["Check the rulebook"] == "Not yet started"
    assert "added one at a time, not imported" in response.content.decode()


def test_an_administrator_confirms_checking_the_rulebook_and_it_is_kept_in_history(client, admin):
    client.force_login(admin)
    response = client.post(reverse("setup"), {"confirm": "rulebook-checked"})
    assert response.status_code == 302 and response["Location"] == reverse("setup")
    check = RulebookCheck.objects.get()
    assert (check.framework_id, check.framework_version, check.recorded_by) == ("chorley", "1.0", admin)
    assert AuditEvent.objects.filter(object_type="check of the rulebook").exists()
    page = client.get(reverse("setup"))
    assert states(page)["Check the rulebook"] == "Completed"
    assert "I have checked the rulebook" not in page.content.decode()


def test_an_import_that_was_refused_leaves_the_step_incomplete(client, admin):
    ImportRun.objects.create(
        started_by=admin,
        started_by_name="Ada",
        file_name="register.xlsx",
        kind="xlsx",
        content=b"x",
        outcome=Outcome.REFUSED,
        problems=2,
    )
    client.force_login(admin)
    response = client.get(reverse("setup"))
    assert states(response)["Import the register"] == "Incomplete"
    assert "The last import, of register.xlsx, was refused: 2 problems." in response.content.decode()


def test_the_home_page_links_administrators_to_it(client, admin):
    client.force_login(admin)
    assert f'href="{reverse("setup")}"' in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("role", ["officer", "approver", "member", "auditor", "partner"])
def test_other_roles_are_refused_and_not_linked_to_it(client, role):
    extra = {"organisation": f.OrganisationFactory()} if role == "partner" else {}
    user = f.make_user(role, **extra)
    client.force_login(user)
    assert client.get(reverse("setup")).status_code == 403
    assert client.post(reverse("setup"), {"confirm": "rulebook-checked"}).status_code == 403
    assert not RulebookCheck.objects.exists()
    assert f'href="{reverse("setup")}"' not in client.get(reverse("home")).content.decode()


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(reverse("setup"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("sign-in"))


def test_under_another_councils_framework_the_steps_use_its_words(client, admin, settings, monkeypatch):
    settings.ACCORD_FRAMEWORK = "bury"
    monkeypatch.delenv("ACCORD_FRAMEWORK", raising=False)
    monkeypatch.setenv("COUNCIL_NAME", "Bury Council")
    settings.COUNCIL_NAME = "Bury Council"
    f.make_user("officer", username="olu")
    client.force_login(admin)
    response = client.get(reverse("setup"))
    found = states(response)
    html = response.content.decode()
    assert found["Choose the partnership framework"] == "Completed"  # Bury's own, for Bury Council
    assert "In force: Code of Practice for Partnerships (Bury Council), version 1.0." in html
    assert found["Add users and appoint who decides"] == "Incomplete"
    assert "Besides administrators: 1 officer. Nobody is appointed yet to decide as" in html
    assert "Director of Legal and Democratic Services" in html


def test_a_new_version_waits_for_adoption_and_its_rulebook_for_checking_again(client, admin, council_folder):
    f.track_from(clock.today())
    client.force_login(admin)
    client.post(reverse("setup"), {"confirm": "rulebook-checked"})  # version 1.0, in force
    page = client.get(reverse("setup"))
    found = states(page)
    assert found["Choose the partnership framework"] == "Incomplete"
    assert "A newer file, version 2.0, has not been adopted" in page.content.decode()
    assert found["Set the day Accord began tracking duties"] == "Completed"
    assert found["Check the rulebook"] == "Completed"

    adoption.adopt(admin, "chorley", "2.0", clock.today(), "The council adopted the 2027 framework")
    page = client.get(reverse("setup"))
    assert states(page)["Check the rulebook"] == "Incomplete"
    assert "version 2.0 is in force now" in page.content.decode()
    client.post(reverse("setup"), {"confirm": "rulebook-checked"})
    assert states(client.get(reverse("setup")))["Check the rulebook"] == "Completed"
