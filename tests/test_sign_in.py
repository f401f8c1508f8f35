import pytest
from django.urls import reverse

from tests.factories import PASSWORD


@pytest.mark.django_db
def test_sign_in_with_username_or_email(client, users):
    users["auditor"].email = "audit@chorley.example.gov.uk"
    users["auditor"].save()
    response = client.post(
        reverse("sign-in"), {"username": "audit@chorley.example.gov.uk", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_a_wrong_password_gets_a_govuk_error(client, users):
    response = client.post(reverse("sign-in"), {"username": "auditor", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter a correct username or email address and password" in html


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_even_with_the_right_password(client, users, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("sign-in"), {"username": "auditor", "password": "wrong"})
    response = client.post(reverse("sign-in"), {"username": "auditor", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_pages_need_sign_in_and_return_there_afterwards(client, users):
    response = client.get(reverse("register"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("sign-in") + "?next=/partnerships/")
    response = client.post(
        reverse("sign-in") + "?next=/partnerships/",
        {"username": "member", "password": PASSWORD, "next": "/partnerships/"},
    )
    assert response["Location"] == "/partnerships/"


@pytest.mark.django_db
def test_the_sign_out_button_carries_a_working_csrf_token(users):
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["member"])
    html = client.get(reverse("home")).content.decode()
    form = html[html.index('action="/sign-out/"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    assert client.post(reverse("sign-out"), {"csrfmiddlewaretoken": "wrong" * 13}).status_code == 403
    assert client.post(reverse("sign-out"), {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get(reverse("home")).status_code == 302
