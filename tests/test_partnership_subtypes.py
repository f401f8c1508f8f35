"""Sub-types (schema v2, Bury App 5 (ii)): a framework divides a type into sub-types in its words; a
partnership records its sub-type, offered only for its type under the framework in force, and the
report-back rule for its sub-type applies to it."""

from datetime import date

import pytest
from django.urls import reverse

from accord.frameworks import duty_rules, loader
from accord.frameworks.checks import check
from accord.frameworks.facts import PartnershipFacts
from accord.outputs.transfer.commit import ImportRefused, commit
from accord.outputs.transfer.reading import read
from accord.register.models import Partnership
from tests import factories as f
from tests.transfer.helpers import PARTNERSHIP_HEADERS, guessed_mapping, partnership_row, xlsx

BY_LAW = "Partnership permitted, required or encouraged by law"
OPERATIONAL = "Operational/Service Delivery Partnership"


def test_bury_divides_its_types_into_app_1s_sub_types_in_its_words():
    bury = loader.get("bury")
    by_law, operational = bury.types
    assert [s.id for s in by_law.subtypes] == [
        "formal_forum",
        "joint_committee",
        "management_committee",
        "local_strategic_partnership",
    ]
    assert by_law.subtypes[0].description.startswith("These forums are a medium for open discussion")
    assert bury.cite_text(by_law.subtypes[0].cite) == "Code of Practice for Partnerships, App 1"
    assert [s.name for s in operational.subtypes] == ["Joint Venture Company", "PFI project"]
    for other in ("chorley", "redditch", "northampton", "central_bedfordshire"):
        assert not any(t.subtypes for t in loader.get(other).types)


def test_a_report_back_rule_for_a_sub_type_applies_to_a_partnership_of_it():
    bury = loader.get("bury")
    lsp = duty_rules.expectation(bury, BY_LAW, "local_strategic_partnership")
    assert lsp is not None and lsp.rule is not None and lsp.rule.wording == "Executive"
    forum = duty_rules.expectation(bury, BY_LAW, "formal_forum")
    assert forum is not None and forum.rule is not None
    assert forum.rule.wording == "Only if policy issues arise"
    none_recorded = duty_rules.expectation(bury, BY_LAW)
    assert none_recorded is not None and none_recorded.rule is None
    facts = PartnershipFacts(partnership_id=1, register_type=BY_LAW, subtype="local_strategic_partnership")
    [due] = duty_rules.evaluate(bury, facts, date(2027, 1, 1), "")
    assert due.name.startswith("Representatives report back to the Executive")
    other = PartnershipFacts(partnership_id=1, register_type=BY_LAW, subtype="formal_forum")
    assert duty_rules.evaluate(bury, other, date(2027, 1, 1), "") == []


def test_the_checks_refuse_an_unknown_or_repeated_sub_type():
    bury = loader.get("bury")
    by_law = bury.types[0]
    rules = [r.model_copy(update={"subtypes": ["formal_forum"]}) for r in by_law.report_back[:2]]
    rules.append(by_law.report_back[2].model_copy(update={"subtypes": ["parish_council"]}))
    broken = bury.model_copy(
        update={
            "types": [
                by_law.model_copy(
                    update={"report_back": rules, "subtypes": [*by_law.subtypes, by_law.subtypes[0]]}
                ),
                bury.types[1],
            ]
        }
    )
    problems = {where: what for where, what in check(broken)}
    assert problems["types.0.subtypes"] == "duplicate id 'formal_forum'"
    assert problems["types.0.report_back.2.subtypes.0"].startswith("unknown sub-type 'parish_council'")
    assert problems["types.0.report_back"] == "more than one report-back rule for sub-type 'formal_forum'"


@pytest.fixture
def bury_partnership(settings, own_partnership):
    settings.ACCORD_FRAMEWORK = "bury"
    Partnership.objects.filter(pk=own_partnership.pk).update(
        partnership_type=f.PartnershipTypeFactory(name=BY_LAW)
    )
    own_partnership.refresh_from_db()
    return own_partnership


@pytest.fixture
def admin_client(client, users):
    """Signed in as the council's administrator (the role that manages the register and settings)."""
    client.force_login(users["administrator"])
    return client


def type_data(partnership, **extra):
    return {
        "partnership_type": partnership.partnership_type_id,
        "statutory_status": partnership.statutory_status,
        "incorporation": partnership.incorporation,
        "statutory_basis": "",
        "version": partnership.version,
        **extra,
    }


@pytest.mark.django_db
def test_the_type_form_offers_only_the_sub_types_of_the_partnerships_type(admin_client, bury_partnership):
    url = reverse("partnership-edit", args=[bury_partnership.pk, "type"])
    html = admin_client.get(url).content.decode()
    assert "Sub-type" in html and "Local Strategic Partnership (LSP)" in html
    assert "Joint Venture Company" not in html  # the other type's
    assert "These forums are a medium for open discussion" in html  # each sub-type's words as its hint
    assert "Code of Practice for Partnerships, App 1" in html
    response = admin_client.post(url, type_data(bury_partnership, subtype="local_strategic_partnership"))
    assert response.status_code == 302
    bury_partnership.refresh_from_db()
    assert bury_partnership.subtype == "local_strategic_partnership"
    page = admin_client.get(reverse("partnership", args=[bury_partnership.pk])).content.decode()
    assert "Sub-type" in page and "Local Strategic Partnership (LSP)" in page


@pytest.mark.django_db
def test_a_sub_type_of_another_type_is_refused_and_nothing_changes(admin_client, bury_partnership):
    url = reverse("partnership-edit", args=[bury_partnership.pk, "type"])
    response = admin_client.post(url, type_data(bury_partnership, subtype="pfi_project"))
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    bury_partnership.refresh_from_db()
    assert bury_partnership.subtype == ""


@pytest.mark.django_db
def test_no_sub_type_is_asked_where_the_framework_has_none(admin_client, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "chorley"
    html = admin_client.get(reverse("partnership-edit", args=[own_partnership.pk, "type"])).content.decode()
    assert "Sub-type" not in html
    page = admin_client.get(reverse("partnership", args=[own_partnership.pk])).content.decode()
    assert "Sub-type" not in page


@pytest.mark.django_db
def test_the_types_settings_form_lists_the_sub_types(admin_client, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    kind = f.PartnershipTypeFactory(name=OPERATIONAL)
    html = admin_client.get(reverse("reference-edit", args=["types", kind.pk])).content.decode()
    assert "Joint Venture Company" in html and "PFI project" in html


@pytest.mark.django_db
def test_an_import_records_the_sub_type_by_name_and_refuses_one_of_another_type(users, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    f.PartnershipTypeFactory(name=BY_LAW)
    f.DirectorateFactory(code="COMM", name="Communities")
    headers = [*PARTNERSHIP_HEADERS, "Sub-type"]

    def book(sub_type: str):
        row = [*partnership_row("LSP-01", "Team Bury LSP", Type=BY_LAW), sub_type]
        return read("register.xlsx", xlsx({"Partnerships": [headers, row]}))

    refused = book("PFI project")
    with pytest.raises(ImportRefused) as error:
        commit(users["administrator"], "register.xlsx", refused, guessed_mapping(refused))
    assert any("PFI project" in p.message for p in error.value.plan.problems)
    assert not Partnership.objects.filter(reference="LSP-01").exists()
    accepted = book("Local Strategic Partnership (LSP)")
    commit(users["administrator"], "register.xlsx", accepted, guessed_mapping(accepted))
    assert Partnership.objects.get(reference="LSP-01").subtype == "local_strategic_partnership"
