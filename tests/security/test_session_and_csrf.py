"""Sessions end after inactivity, and every form refuses a POST without its CSRF token."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accord.register.models import Partnership
from tests.factories import PASSWORD


@pytest.mark.django_db
def test_a_session_left_alone_past_its_age_signs_the_person_out(client, users, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(users["officer"])
    assert client.get(reverse("home")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("sign-in"))


@pytest.mark.django_db
def test_each_request_pushes_the_end_of_the_session_back(client, users):
    client.force_login(users["officer"])
    soon = timezone.now() + timedelta(minutes=1)
    Session.objects.update(expire_date=soon)
    assert client.get(reverse("home")).status_code == 200
    assert Session.objects.get().expire_date > soon


@pytest.mark.django_db
def test_signing_in_without_the_forms_csrf_token_is_refused(users):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("sign-in"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_register_edit_without_the_forms_csrf_token_changes_nothing(users, own_partnership):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["officer"])
    url = reverse("partnership-edit", args=[own_partnership.pk, "about"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Renamed by a forged form", "version": own_partnership.version})
    assert response.status_code == 403
    assert Partnership.objects.get(pk=own_partnership.pk).name == own_partnership.name
