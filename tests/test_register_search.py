from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from accord.register.access import visible_partnerships
from accord.register.filters import add_months, filter_register
from accord.register.models import Partnership
from accord.register.search import words
from tests import factories as f


@pytest.fixture
def register(db):
    waste_type = f.PartnershipTypeFactory(name="Operational / service delivery")
    lead = f.PersonFactory(name="Lena Lead")
    csp = f.PartnershipFactory(
        name="Community Safety Partnership",
        themes="Crime; anti-social behaviour",
        proposed_end_date=date(2027, 3, 31),
    )
    f.RoleFactory(partnership=csp, person=lead, role="lead_officer")
    waste = f.PartnershipFactory(
        name="Lancashire Waste Partnership",
        partnership_type=waste_type,
        status="proposed",
        latest_year_contribution=Decimal("250000"),
    )
    closed = f.PartnershipFactory(
        name="Safer Streets Project", status="closed", proposed_end_date=date(2026, 12, 31)
    )
    return {"csp": csp, "waste": waste, "closed": closed, "lead": lead, "waste_type": waste_type}


def names(queryset):
    return sorted(p.name for p in queryset)


@pytest.mark.django_db
def test_search_matches_word_prefixes_in_any_order(register):
    qs = Partnership.objects.all()
    assert names(filter_register(qs, {"q": "safe"})) == [
        "Community Safety Partnership",
        "Safer Streets Project",
    ]
    assert names(filter_register(qs, {"q": "partnership commun"})) == ["Community Safety Partnership"]
    assert names(filter_register(qs, {"q": "anti-social"})) == ["Community Safety Partnership"]
    assert names(filter_register(qs, {"q": "nothing-like-this"})) == []


@pytest.mark.django_db
def test_filters_combine(register):
    qs = Partnership.objects.all()
    today = date(2026, 11, 21)
    assert names(filter_register(qs, {"status": "proposed"}, today)) == ["Lancashire Waste Partnership"]
    assert names(filter_register(qs, {"partnership_type": register["waste_type"]}, today)) == [
        "Lancashire Waste Partnership"
    ]
    assert names(filter_register(qs, {"ends_within": 6}, today)) == [
        "Community Safety Partnership",
        "Safer Streets Project",
    ]
    assert names(filter_register(qs, {"ends_within": 1}, today)) == []
    assert names(filter_register(qs, {"contribution_above": Decimal("1000")}, today)) == [
        "Lancashire Waste Partnership"
    ]
    assert names(filter_register(qs, {"lead_officer": "lena"}, today)) == ["Community Safety Partnership"]
    assert names(filter_register(qs, {"q": "safe", "status": "closed"}, today)) == ["Safer Streets Project"]


def test_months_are_added_as_calendar_months():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 21), 14) == date(2028, 1, 21)


def test_words_fold_accents_and_case():
    assert words("Café CRIME, anti-social") == ["cafe", "crime", "anti", "social"]


@pytest.mark.django_db
def test_the_register_page_searches_filters_and_paginates(client, users, register):
    for n in range(30):
        f.PartnershipFactory(name=f"Neighbourhood Forum {n:02d}")
    client.force_login(users["member"])
    page = client.get(reverse("register"), {"q": "forum"}).content.decode()
    assert "30 partnerships found — page 1 of 2" in page
    assert "Neighbourhood Forum 00" in page and "Neighbourhood Forum 29" not in page
    page2 = client.get(reverse("register"), {"q": "forum", "page": 2}).content.decode()
    assert "Neighbourhood Forum 29" in page2
    filtered = client.get(reverse("register"), {"status": "proposed"}).content.decode()
    assert "Lancashire Waste Partnership" in filtered and "Community Safety" not in filtered


@pytest.mark.django_db
def test_bad_filter_values_show_an_error_not_a_crash(client, users, register):
    client.force_login(users["member"])
    response = client.get(reverse("register"), {"contribution_above": "lots", "ends_within": "-3"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Council contribution above (£) must be an amount in pounds, like 12,500 or £1.25m" in html


@pytest.mark.django_db
def test_a_partner_sees_only_partnerships_their_organisation_is_in(users, own_partnership, other_partnership):
    visible = visible_partnerships(users["partner"])
    assert list(visible) == [own_partnership]


@pytest.mark.django_db
def test_a_partner_does_not_see_staff_only_sections(client, users, own_partnership):
    f.ContributionFactory(partnership=own_partnership, amount=123456)
    client.force_login(users["partner"])
    html = client.get(reverse("partnership", args=[own_partnership.pk])).content.decode()
    assert own_partnership.name in html
    assert "What the council puts in" not in html and "£123,456" not in html
    assert "Insurance and exit" not in html
    client.force_login(users["auditor"])
    html = client.get(reverse("partnership", args=[own_partnership.pk])).content.decode()
    assert "£123,456" in html


@pytest.mark.django_db
def test_filtering_by_a_lead_officers_name_finds_only_partnerships_the_user_can_see(
    client, users, own_partnership, other_partnership
):
    hidden_lead = f.PersonFactory(name="Olive Hidden")
    f.RoleFactory(partnership=other_partnership, person=hidden_lead, role="lead_officer")
    client.force_login(users["partner"])
    html = client.get(reverse("register"), {"lead_officer": "olive"}).content.decode()
    assert own_partnership.name in html
    assert other_partnership.name not in html
    client.force_login(users["member"])
    html = client.get(reverse("register"), {"lead_officer": "olive hidden"}).content.decode()
    assert other_partnership.name in html and own_partnership.name not in html


@pytest.mark.django_db
def test_a_filtered_search_counts_only_up_to_its_cap(client, users, register, monkeypatch):
    from accord.register.views import partnerships

    monkeypatch.setattr(partnerships, "COUNT_CAP", 25)
    for n in range(30):
        f.PartnershipFactory(name=f"Neighbourhood Forum {n:02d}")
    client.force_login(users["member"])
    html = client.get(reverse("register"), {"q": "forum"}).content.decode()
    assert "More than 25 partnerships found — page 1 of 2" in html
    assert "Add words or filters to narrow your search" in html
    unfiltered = client.get(reverse("register")).content.decode()
    assert "33 partnerships found" in unfiltered
