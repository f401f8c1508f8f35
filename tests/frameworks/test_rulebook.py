"""The Rulebook (issue 17): the framework in force as a whole, in plain English, for staff. Under each
framework, every obligation, requirement, role, council obligation, stage, question bank, template
and report of the file appears on its pages; no maintainer's note and no seed file name does; only
staff may read it."""

import html
import re

import pytest
from django.urls import reverse

from accord.frameworks import loader, rulebook
from accord.frameworks.offered_reports import offered

FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "model", "northampton", "redditch"]
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
NAV_LINK = re.compile(r'href="/rulebook/">\s*Rulebook\s*</a>')


def _text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _pages(client) -> dict[str, str]:
    pages = {"contents": _text(client.get(reverse("rulebook")))}
    for section in rulebook.SECTIONS:
        pages[section.slug] = _text(client.get(reverse("rulebook-section", args=[section.slug])))
    pages["print"] = _text(client.get(reverse("rulebook-print")))
    return pages


def _notes(value, found: set[str]) -> set[str]:
    """Every non-empty `note` in the framework (any depth)."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        note = getattr(value, "note", "")
        if note:
            found.add(note)
        for name in type(value).model_fields:
            _notes(getattr(value, name), found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _notes(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _notes(item, found)
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_rule_of_the_file_appears_in_the_rulebook(client, users, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    client.force_login(users["auditor"])
    pages = _pages(client)
    whole = pages["print"]
    artefacts = {a.id: a.name for a in framework.artefacts}
    expected = {
        "about": [framework.council, framework.name, framework.version]
        + [d.title for d in framework.source_documents],
        "partnerships": [q.text for q in framework.definition.criteria + framework.definition.exclusions],
        "types-and-tiers": [t.name for t in framework.types]
        + [t.name for t in framework.significance.tiers]
        + [p.name for p in framework.significance.parameters],
        "roles": [r.title for r in framework.roles],
        "cycle": [s.name for s in framework.stages] + [artefacts[r.artefact] for r in framework.requirements],
        "obligations": [o.name for o in framework.obligations]
        + [c.name for c in framework.council_obligations],
        "risk": [b.name for b in framework.risk_model.bands]
        + [p.name for p in framework.risk_model.likelihood + framework.risk_model.impact],
        "questions-and-templates": [b.name for b in framework.question_banks]
        + [t.name for t in framework.templates]
        + [q.text for b in framework.question_banks for q in b.questions],
        "reports": [r.title for r in offered(framework)],
    }
    assert expected["obligations"] and expected["cycle"] and expected["roles"] and expected["reports"]
    for slug, names in expected.items():
        for name in names:
            assert name in pages[slug], f"{name!r} is missing from the {slug} page"
            assert name in whole, f"{name!r} is missing from the whole rulebook"
    if framework.risk_model.bands_note:
        assert framework.risk_model.bands_note in pages["risk"]
    for page in pages.values():
        assert not SEED_FILE.search(page)
    notes = _notes(framework, set()) | set(framework.not_specified)
    assert notes
    for note in notes:
        assert note not in whole, f"a maintainer's note is shown: {note[:60]!r}"
    # every rule is cited in the user's words: the document's title, never the file name
    for obligation in framework.obligations:
        assert framework.cite_text(obligation.cite) in pages["obligations"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["administrator", "officer", "approver", "member", "auditor"])
def test_every_staff_role_may_read_the_rulebook_and_finds_it_in_the_navigation(client, users, role):
    client.force_login(users[role])
    home = client.get(reverse("home")).content.decode()
    assert NAV_LINK.search(home)
    contents = _text(client.get(reverse("rulebook")))
    # linked from the navigation and from the contents, every page is reached by the framework crawl
    # (tests/frameworks/test_crawl.py follows links from the home page)
    for section in rulebook.SECTIONS:
        assert f'href="{reverse("rulebook-section", args=[section.slug])}"' in contents
    assert f'href="{reverse("rulebook-print")}"' in contents
    assert client.get(reverse("rulebook-section", args=["cycle"])).status_code == 200
    assert client.get(reverse("rulebook-print")).status_code == 200


@pytest.mark.django_db
def test_a_partner_organisation_may_not_read_the_rulebook_or_see_the_link(client, users):
    client.force_login(users["partner"])
    home = client.get(reverse("home")).content.decode()
    assert not NAV_LINK.search(home)
    for name, args in (("rulebook", []), ("rulebook-section", ["about"]), ("rulebook-print", [])):
        assert client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.django_db
def test_someone_signed_out_is_sent_to_sign_in(client):
    for name, args in (("rulebook", []), ("rulebook-section", ["risk"]), ("rulebook-print", [])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and reverse("sign-in") in response["Location"]


@pytest.mark.django_db
def test_an_unknown_section_is_not_found(client, users):
    client.force_login(users["auditor"])
    assert client.get(reverse("rulebook-section", args=["no-such-section"])).status_code == 404


def _section(client, users, settings, framework_id: str, slug: str) -> str:
    settings.ACCORD_FRAMEWORK = framework_id
    client.force_login(users["officer"])
    return _text(client.get(reverse("rulebook-section", args=[slug])))


@pytest.mark.django_db
def test_burys_band_note_is_shown_and_its_matrix_puts_a_score_of_4_in_medium_risk(client, users, settings):
    page = _section(client, users, settings, "bury", "risk")
    assert loader.get("bury").risk_model.bands_note in page
    cells = re.findall(r'<td class="govuk-table__cell ?">\s*4 <strong class="govuk-tag[^"]*">([^<]+)<', page)
    assert cells and set(cells) == {"Medium Risk"}


@pytest.mark.django_db
def test_cadences_read_in_words_counted_from_what_happened(client, users, settings):
    page = _section(client, users, settings, "chorley", "obligations")
    assert "Every 3 years, counted from when the partnership became active" in page
    assert "Every 6 months, counted from when the partnership became active" in page
    assert "P3Y" not in page and "P6M" not in page and "activated" not in page
    page = _section(client, users, settings, "redditch", "obligations")
    assert "Once, 6 months after" in page


@pytest.mark.django_db
def test_a_council_duty_names_its_owner_and_the_report_that_meets_it(client, users, settings):
    page = _section(client, users, settings, "central_bedfordshire", "obligations")
    assert "Office of the Chief Executive" in page
    assert "Issuing the “Private sector partnerships report” in Accord" in page
    assert "First 1 year after the start of the financial year (1 April)" in page


@pytest.mark.django_db
def test_one_of_several_approvers_and_conditions_read_in_words(client, users, settings):
    framework = loader.get("northampton")
    titles = {r.id: r.title for r in framework.roles}
    page = _section(client, users, settings, "northampton", "cycle")
    assert f"One of: {titles['cabinet']} or {titles['chief_executive']}" in page
    page = _section(client, users, settings, "chorley", "cycle")
    assert "only while the partnership's work involves access to children" in page
    assert "works_with_children" not in page


@pytest.mark.django_db
def test_a_figure_the_framework_does_not_set_says_what_accord_uses(client, users, settings):
    page = _section(client, users, settings, "bury", "types-and-tiers")
    assert "The framework sets no figure; Accord uses £50,000" in page
