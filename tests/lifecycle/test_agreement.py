"""The agreement: recording the governing document, its signatories, and its coverage of the
framework's headings; a signed agreement counts for the cycle's gates and obligations."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accord.domain.lifecycle import agreements, services
from accord.domain.lifecycle.models import Agreement, ArtefactRecord, EvidenceFile, Signatory
from accord.frameworks import apply, loader
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership


def dated(name: str, day) -> dict[str, str]:
    if day is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month), f"{name}-year": str(day.year)}


def agreement_data(status="signed", agreed=None, signed=None, review=None, **extra) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        "document_type": "mou",
        "title": "Memorandum of understanding for the Community Safety Partnership",
        "status": status,
        "termination_notice": "6 months",
        **dated("agreed_on", agreed),
        **dated("signed_on", signed),
        **dated("next_review_on", review or today + timedelta(days=300)),
    }
    data.update(extra)
    return data


@pytest.fixture
def officer_client(client, users):
    client.force_login(users["officer"])
    return client


@pytest.fixture
def key_partnership(own_partnership):
    """A Chorley key partnership with its agreement being settled."""
    Partnership.objects.filter(pk=own_partnership.pk).update(is_key_partnership=True, status="agreement")
    own_partnership.refresh_from_db()
    return own_partnership


def assert_refused(response, message: str):
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html


@pytest.mark.django_db
def test_a_signed_agreement_needs_the_date_it_was_signed(officer_client, own_partnership):
    today = timezone.localdate()
    response = officer_client.post(
        reverse("agreement", args=[own_partnership.pk]), agreement_data(agreed=today, signed=None)
    )
    assert_refused(response, "Enter the date it was signed")
    assert not Agreement.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_an_agreed_agreement_needs_a_next_review_date(officer_client, own_partnership):
    today = timezone.localdate()
    data = agreement_data(status="agreed", agreed=today)
    data.update(dated("next_review_on", None))
    response = officer_client.post(reverse("agreement", args=[own_partnership.pk]), data)
    assert_refused(response, "Enter the next review date")
    assert not Agreement.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_the_next_review_must_be_within_a_year_of_the_agreement(settings, officer_client, own_partnership):
    settings.ACCORD_FRAMEWORK = "bury"  # 7.5: reviewed at least annually
    signed = timezone.localdate() - timedelta(days=30)
    review = signed.replace(year=signed.year + 1) + timedelta(days=1)
    response = officer_client.post(
        reverse("agreement", args=[own_partnership.pk]), agreement_data(signed=signed, review=review)
    )
    assert_refused(response, "The next review must be within a year of the agreement (Bury 7.5)")
    assert not Agreement.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_an_old_agreement_can_be_recorded_with_its_next_review_within_a_year_from_today(
    settings, officer_client, own_partnership
):
    settings.ACCORD_FRAMEWORK = "bury"
    today = timezone.localdate()
    signed = today - timedelta(days=3 * 365)
    response = officer_client.post(
        reverse("agreement", args=[own_partnership.pk]),
        agreement_data(signed=signed, review=today + timedelta(days=200)),
    )
    assert response.status_code == 302
    too_late = agreement_data(signed=signed, review=today + timedelta(days=400))
    response = officer_client.post(reverse("agreement", args=[own_partnership.pk]), too_late)
    assert_refused(response, "The next review must be within a year from today (Bury 7.5)")


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", ["chorley", "central_bedfordshire", "northampton", "redditch"])
def test_only_burys_agreement_must_be_reviewed_within_a_year(
    settings, officer_client, own_partnership, framework_id
):
    """Bury 7.5 ("at least annually") was applied under every framework: a Chorley memorandum due for
    review in eighteen months was refused "within a year of the agreement (Bury 7.5)". A framework
    with no rule for reviewing its agreement sets no limit, and never quotes another council's."""
    settings.ACCORD_FRAMEWORK = framework_id
    assert agreements.review_rule(loader.current()) is None
    signed = timezone.localdate() - timedelta(days=30)
    url = reverse("agreement", args=[own_partnership.pk])
    assert "Bury" not in officer_client.get(url).content.decode()
    response = officer_client.post(url, agreement_data(signed=signed, review=signed + timedelta(days=548)))
    assert response.status_code == 302
    assert Agreement.objects.get(partnership=own_partnership).next_review_on == signed + timedelta(days=548)


def test_burys_rule_for_reviewing_its_agreement_is_read_from_its_framework():
    rule = agreements.review_rule(loader.get("bury"))
    assert (rule.every, rule.cite, rule.period) == ("P1Y", "Bury 7.5", "a year")


@pytest.mark.django_db
def test_a_signed_agreement_meets_the_gate_but_still_needs_the_head_of_governance(
    officer_client, key_partnership
):
    def not_done(partnership):
        return {
            m.artefact_id
            for m in services.check(partnership, "active", framework=loader.current()).missing
            if not m.role_id
        }

    assert "memorandum_of_understanding" in not_done(key_partnership)
    signed = timezone.localdate() - timedelta(days=10)
    response = officer_client.post(
        reverse("agreement", args=[key_partnership.pk]), agreement_data(agreed=signed, signed=signed)
    )
    assert response.status_code == 302
    # Signed, but it covers none of the assurances the framework asks for yet, and explains no gap.
    gap = next(
        m
        for m in services.check(key_partnership, "active", framework=loader.current()).missing
        if not m.role_id and m.artefact_id == "memorandum_of_understanding"
    )
    assert "covers 0 of 15 headings" in gap.text
    template = agreements.coverage_template(loader.current(), key_partnership)
    response = officer_client.post(
        reverse("agreement-coverage", args=[key_partnership.pk]),
        {h.id: f"Clause {n}" for n, h in enumerate(template.headings, start=1)},
    )
    assert response.status_code == 302

    check = services.check(key_partnership, "active", framework=loader.current())
    assert "memorandum_of_understanding" not in not_done(key_partnership)
    assert any(
        m.artefact_id == "memorandum_of_understanding" and m.role_id == "head_of_governance"
        for m in check.missing
    )
    record = ArtefactRecord.objects.get(partnership=key_partnership, slot="agreement")
    assert record.complete and record.produced_on == signed and record.kind == "agreement"
    assert AuditEvent.objects.filter(partnership=key_partnership, object_type="agreement").exists()


@pytest.mark.django_db
def test_a_draft_does_not_count_and_saving_it_unchanged_keeps_the_revision(officer_client, key_partnership):
    url = reverse("agreement", args=[key_partnership.pk])
    data = agreement_data(status="draft")
    assert officer_client.post(url, data).status_code == 302
    record = ArtefactRecord.objects.get(partnership=key_partnership, slot="agreement")
    assert not record.complete
    assert "memorandum_of_understanding" in {
        m.artefact_id
        for m in services.check(key_partnership, "active", framework=loader.current()).missing
        if not m.role_id
    }
    assert officer_client.post(url, data).status_code == 302
    record.refresh_from_db()
    assert record.revision == 1


@pytest.mark.django_db
def test_signing_sets_the_date_the_agreement_review_counts_from(officer_client, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "model"
    signed = timezone.localdate() - timedelta(days=20)
    officer_client.post(
        reverse("agreement", args=[own_partnership.pk]), agreement_data(agreed=signed, signed=signed)
    )
    review = next(
        r
        for r in apply.obligations_for(own_partnership, framework=loader.current())
        if r.obligation_id == "agreement_review"
    )
    assert review.anchor_date == signed
    assert review.due == signed.replace(year=signed.year + 1)


@pytest.mark.django_db
def test_the_agreement_page_shows_signatories_versions_and_coverage(officer_client, own_partnership):
    agreement = Agreement.objects.create(partnership=own_partnership, document_type="mou", title="Our MoU")
    organisation = own_partnership.memberships.first().organisation
    Signatory.objects.create(
        agreement=agreement, name="Sam Signer", position="Chief Constable", organisation=organisation
    )
    for name in ("mou-v1.pdf", "mou-v2.pdf"):
        evidence = EvidenceFile(
            partnership=own_partnership,
            slot="agreement",
            name=name,
            content_type="application/pdf",
            size=3,
            uploaded_by_name="Olive Officer",
        )
        evidence.file.save(name, ContentFile(b"pdf"), save=False)
        evidence.save()
    html = officer_client.get(reverse("agreement", args=[own_partnership.pk])).content.decode()
    assert "Sam Signer" in html and "Chief Constable" in html
    assert html.index("mou-v2.pdf") < html.index("mou-v1.pdf")  # newest first
    assert reverse("evidence-upload", args=[own_partnership.pk, "agreement"]) in html
    assert "0 of 15 headings" in html
    assert reverse("document", args=[own_partnership.pk, "draft-mou"]) in html


@pytest.mark.django_db
def test_coverage_needs_an_agreement_first(officer_client, own_partnership):
    url = reverse("agreement-coverage", args=[own_partnership.pk])
    response = officer_client.get(url)
    assert response.status_code == 200
    assert "Record the agreement" in response.content.decode()
    assert officer_client.post(url, {"aims_and_objectives": "Clause 1"}).status_code == 409
    assert not Agreement.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_coverage_lists_what_is_missing_and_saves_where_each_heading_is_covered(
    officer_client, own_partnership
):
    agreement = Agreement.objects.create(partnership=own_partnership, document_type="mou", title="Our MoU")
    url = reverse("agreement-coverage", args=[own_partnership.pk])
    html = officer_client.get(url).content.decode()
    assert "Missing from the agreement" in html
    assert "0 of 15 headings covered" in html
    assert "Whistleblowing Policy" in html

    response = officer_client.post(
        url,
        {"aims_and_objectives": "Clause 2", "whistleblowing": "Schedule 3, page 12", "code_of_conduct": " "},
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.coverage == {"aims_and_objectives": "Clause 2", "whistleblowing": "Schedule 3, page 12"}
    html = officer_client.get(url).content.decode()
    assert "2 of 15 headings covered" in html
    missing = html[html.index("Missing from the agreement") : html.index("</ul>", html.index("Missing from"))]
    assert "Whistleblowing Policy" not in missing and "Code of Conduct" in missing
    assert AuditEvent.objects.filter(partnership=own_partnership, reason__startswith="Coverage").exists()


@pytest.mark.django_db
def test_signatories_are_added_from_member_organisations_and_removed(officer_client, own_partnership):
    agreement = Agreement.objects.create(partnership=own_partnership, document_type="mou", title="Our MoU")
    organisation = own_partnership.memberships.first().organisation
    add = reverse("signatory-add", args=[own_partnership.pk])
    response = officer_client.post(
        add, {"name": "", "organisation": organisation.pk, **dated("signed_on", None)}
    )
    assert_refused(response, "Enter name")
    today = timezone.localdate()
    response = officer_client.post(
        add,
        {
            "name": "Sam Signer",
            "position": "Chief Constable",
            "organisation": organisation.pk,
            **dated("signed_on", today),
        },
    )
    assert response.status_code == 302
    signatory = agreement.signatories.get()
    assert signatory.signed_on == today and signatory.organisation == organisation

    remove = reverse("signatory-remove", args=[own_partnership.pk, signatory.pk])
    assert "Sam Signer" in officer_client.get(remove).content.decode()
    assert officer_client.post(remove).status_code == 302
    assert not agreement.signatories.exists()
    assert AuditEvent.objects.filter(partnership=own_partnership, action="removed").exists()


@pytest.mark.django_db
def test_an_organisation_outside_the_partnership_cannot_sign(officer_client, own_partnership):
    from tests import factories as f

    Agreement.objects.create(partnership=own_partnership, document_type="mou", title="Our MoU")
    outsider = f.OrganisationFactory(name="Somewhere Else")
    response = officer_client.post(
        reverse("signatory-add", args=[own_partnership.pk]),
        {"name": "Sam Signer", "organisation": outsider.pk, **dated("signed_on", None)},
    )
    assert_refused(response, "Select organisation from the list")
    assert not Signatory.objects.exists()


@pytest.mark.django_db
def test_a_closed_partnership_agreement_cannot_be_changed(officer_client, own_partnership):
    Agreement.objects.create(partnership=own_partnership, document_type="mou", title="Our MoU")
    Partnership.objects.filter(pk=own_partnership.pk).update(status="closed")
    for name in ("agreement-coverage", "signatory-add"):
        url = reverse(name, args=[own_partnership.pk])
        assert officer_client.get(url).status_code == 403
    page = officer_client.get(reverse("agreement", args=[own_partnership.pk]))  # read, not changed
    assert page.status_code == 200 and "Save the agreement" not in page.content.decode()
    response = officer_client.post(
        reverse("agreement", args=[own_partnership.pk]), agreement_data(status="draft", title="Changed")
    )
    assert response.status_code == 403
    assert Agreement.objects.get(partnership=own_partnership).title == "Our MoU"


@pytest.mark.django_db
def test_a_member_cannot_record_an_agreement(client, users, own_partnership):
    client.force_login(users["member"])
    response = client.post(reverse("agreement", args=[own_partnership.pk]), agreement_data(status="draft"))
    assert response.status_code in (403, 404)
    assert not Agreement.objects.exists()
