"""Bugs the fuzz tests found, each kept as a plain test of its own."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["abc", "</script><fuzz-xss>", "1.5", "²", "9" * 40])
def test_classifying_for_a_partnership_that_is_not_a_number_is_not_found(client, users, given):
    """?partnership= with anything but a whole number was a server error (ValueError in the query)."""
    client.force_login(users["administrator"])
    response = client.get(reverse("classify-start"), {"partnership": given})
    assert response.status_code == 404


@pytest.mark.django_db
def test_classifying_for_a_partnership_still_names_it(client, users, own_partnership):
    client.force_login(users["administrator"])
    response = client.get(reverse("classify-start"), {"partnership": str(own_partnership.pk)})
    assert response.status_code == 200
    assert own_partnership.name in response.content.decode()
