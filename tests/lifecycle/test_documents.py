"""Generated documents are real: each opens in LibreOffice (converted to PDF headless and read back),
carries the council's and the partnership's names, is pre-filled from the record with clearly
marked gaps for the rest, and has Word headings a screen reader can navigate."""

import os
import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from accord.domain.lifecycle import content
from accord.domain.lifecycle.documents import DOCUMENTS, DOCX, filename, gather, generate, offered
from accord.domain.lifecycle.documents.generators import template_for
from accord.domain.lifecycle.documents.headings import FILL, NEVER_KNOWN
from accord.domain.lifecycle.models import Agreement, ArtefactRecord, Consultee
from accord.frameworks import loader
from accord.frameworks.schema import DOCUMENTS as DOCUMENT_NAMES
from tests import factories as f

FRAMEWORKS = ("bury", "central_bedfordshire", "chorley", "model", "northampton", "redditch")
SOFFICE = os.environ.get("ACCORD_SOFFICE") or shutil.which("soffice") or "/usr/bin/soffice"
GAP = "[To be completed"
NOTICE = "Six months' written notice to the Chair"


def _record(partnership, slot, kind, answers, produced_on=None):
    return ArtefactRecord.objects.create(
        partnership=partnership,
        slot=slot,
        kind=kind,
        title=slot.replace("_", " ").capitalize(),
        answers=answers,
        complete=True,
        produced_on=produced_on or date(2025, 3, 1),
    )


@pytest.fixture
def full_partnership(own_partnership, users):
    """Chorley Community Safety Partnership with a fully written record."""
    p = own_partnership
    p.purpose = "To reduce crime and disorder in Chorley."
    p.vision = "A safer Chorley for everyone."
    p.aims_objectives = "Cut anti-social behaviour by a fifth by 2027."
    p.statutory_basis = "Crime and Disorder Act 1998"
    p.accountable_to = "Executive Cabinet"
    p.monitoring_arrangements = "Quarterly performance reports to the Board."
    p.insurance_arrangements = "Each partner insures its own staff and premises."
    p.exit_strategy = "Functions return to each partner's own services."
    p.statutory_status = "statutory"
    p.is_key_partnership = True  # a key partnership: Executive Cabinet decides (Chorley)
    p.save()
    f.MembershipFactory(partnership=p, organisation=f.OrganisationFactory(name="Lancashire Fire and Rescue"))
    councillor = f.PersonFactory(name="Councillor Alice Bright", job_title="Councillor", kind="member")
    f.RoleFactory(partnership=p, person=councillor, role="council_representative")
    officer = p.roles.get(role="lead_officer").person
    f.ContributionFactory(partnership=p, category="finance", amount=25000, finance_form="grant")
    f.ContributionFactory(
        partnership=p, category="officer_time", amount=6000, finance_form="", person=officer, hours=120
    )
    priority = f.PriorityFactory(code="P2", name="Clean, safe and healthy communities")
    p.priority_links.create(priority=priority, how="Targets hot spots of anti-social behaviour.")
    framework = loader.current()
    # Chorley's business case: the eight points its report to Executive Cabinet must show (ADR 0028)
    sections = {q.id: {"answer": f"Answer to {q.id}"} for q in framework.business_case.questions()}
    sections["risk_and_liabilities"] = {"answer": "Loss of police funding. Credit checks raised no issues."}
    banks = {
        b.id: {
            q.id: {
                "answer": "no" if b.purpose == "factors_against" else "yes",
                "comment": "Considered fully.",
            }
            for q in b.questions
        }
        for b in content.business_case_banks(framework)
    }
    evidence = {"eight_points": "Risk log v2"}
    _record(p, "business_case", "business_case", {"sections": sections, "banks": banks, "evidence": evidence})
    _record(p, "joint_risk_register", "risk_register", {})
    Agreement.objects.create(
        partnership=p,
        document_type="mou",
        title="CSP memorandum",
        status="agreed",
        next_review_on=date(2026, 4, 1),
        termination_notice=NOTICE,
    )
    Consultee.objects.create(
        partnership=p,
        department="Legal Services",
        key_areas="The agreement",
        officer_name="Lena Lawyer",
        officer_position="Solicitor",
        advice="Agree a six month notice period.",
        followed=True,
    )
    decision = {
        "decided_on": "2025-06-01",
        "decided_by": "Executive Cabinet",
        "reference": "Minute 25/61",
        "reason": "funding_ceased",
        "planned": "planned",
        "continues": "yes",
        "plan": {"assets": "Return the CCTV van to the police."},
    }
    _record(p, "exit_decision", "exit_decision", decision, date(2025, 6, 1))
    report = {
        "name": p.name,
        "end_date": "2025-09-30",
        "why_ended": "The Home Office grant ended.",
        "system_failures": "no_failure",
        "continue_without_council": "yes",
        "successor_arrangements": "no",
        "achievements": ["Night-time economy patrols", "Fewer burglaries"],
        "best_practice": ["Shared tasking meetings"],
        "could_do_better": ["Earlier data sharing"],
        "completed_by": "Olive Officer, Community Safety Manager",
    }
    _record(p, "exit_report", "exit_report", report)
    return p


@pytest.fixture
def empty_partnership(users):
    return f.PartnershipFactory(name="Chorley Youth Partnership", reference="CYP-02", council_role="member")


# What each document must show, pre-filled, for the full partnership.
PREFILLED = {
    "committee-report": [
        "Report to Executive Cabinet",
        "Key partnership",
        "Lancashire Fire and Rescue",
        "Councillor Alice Bright",
        "Loss of police funding",
        NOTICE,
    ],
    "draft-mou": ["DRAFT", "Lancashire Fire and Rescue", "Councillor Alice Bright", NOTICE, "1 April 2026"],
    "registration-form": [
        "Olive Officer",
        "Councillor Alice Bright",
        "Clean, safe and healthy",
        "£25,000",
        "120 hours",
        "Joint risk",
    ],
    "business-case": [
        "Answer to consultation_procurement",
        "Credit checks raised no issues",
        "Risk log v2",
        "Considered fully",
    ],
    "leaving-form": ["Minute 25/61", "30 September 2025", "Fewer burglaries", "Return the CCTV van"],
}


def to_pdf_text(docx: bytes, tmp_path: Path, stem: str) -> str:
    if not Path(SOFFICE).exists():
        pytest.fail(f"LibreOffice not found at {SOFFICE}: install libreoffice-writer-nogui (see .ci/run)")
    source = tmp_path / f"{stem}.docx"
    source.write_bytes(docx)
    profile = (tmp_path / "lo-profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120
    )
    reader = PdfReader(tmp_path / f"{stem}.pdf")
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def framework_offering(slug: str):
    """The framework in force if it has the document, else the first bundled one that has it (a
    council's own registration or leaving form exists only under its framework)."""
    current = loader.current()
    if slug in offered(current):
        return current
    return next(loader.get(i) for i in FRAMEWORKS if i != "model" and slug in offered(loader.get(i)))


def headings(docx: bytes) -> list[tuple[str, str]]:
    document = Document(BytesIO(docx))
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


@pytest.mark.libreoffice
@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(DOCUMENTS))
@pytest.mark.parametrize("record", ["full", "empty"])
def test_each_document_opens_in_libreoffice_with_the_record_and_marked_gaps(
    slug, record, request, tmp_path, users
):
    partnership = request.getfixturevalue(f"{record}_partnership")
    framework = framework_offering(slug)
    docx = generate(slug, partnership, users["officer"], framework=framework)
    text = to_pdf_text(docx, tmp_path, slug)

    assert settings.COUNCIL_NAME in text
    assert partnership.name in text
    assert GAP in text, "every document leaves something for the author to write"
    if record == "full":
        for value in PREFILLED[slug]:
            assert value in text, f"{value!r} missing from the {slug}"
    template = template_for(framework, DOCUMENTS[slug].name)
    found = headings(docx)
    assert found[0] == ("Heading 1", found[0][1]) and partnership.name in found[0][1]
    shown = {text for style, text in found if style == "Heading 2"}
    assert template is None or {h.text for h in template.headings} <= shown


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_every_framework_lays_out_every_document_from_its_templates(framework_id, full_partnership, users):
    framework = loader.get(framework_id)
    dossier = gather(full_partnership, users["officer"], framework)
    for slug, spec in offered(framework).items():
        document = Document(BytesIO(spec.build(dossier).to_bytes()))
        found = {p.text for p in document.paragraphs if p.style.name == "Heading 2"}
        template = template_for(framework, spec.name)
        # the framework's own template, or Accord's plain layout where it names none (ADR 0027)
        assert template is None or {h.text for h in template.headings} <= found, (framework_id, slug)
        assert settings.COUNCIL_NAME in document.core_properties.title
        assert full_partnership.name in document.core_properties.title
        assert document.core_properties.author == settings.COUNCIL_NAME
        assert document.core_properties.language == "en-GB"


def test_every_template_heading_is_either_filled_from_the_record_or_left_on_purpose():
    unplaced = set()
    for framework_id in FRAMEWORKS:
        framework = loader.get(framework_id)
        for name in DOCUMENT_NAMES:
            template = template_for(framework, name)
            if template is not None and name != "risk_register":  # the risk download has its own columns
                unplaced |= {h.id for h in template.headings} - set(FILL) - NEVER_KNOWN
    assert not unplaced, f"Decide what fills these headings (FILL) or mark them NEVER_KNOWN: {unplaced}"


def test_the_chorley_report_covers_the_eight_points_from_the_record():
    report = next(t for t in loader.get("chorley").templates if t.id == "new_key_partnership_report")
    assert len(report.headings) == 10
    assert {h.id for h in report.headings} <= set(FILL)
    asked = {q.id for q in loader.get("chorley").business_case.questions()}
    assert len(asked) == 8 and asked <= {h.id for h in report.headings}, "each point is asked"


def _under_headings(docx: bytes) -> dict[str, list[str]]:
    """Each Heading 2's text -> the paragraphs under it, up to the next Heading 2."""
    found: dict[str, list[str]] = {}
    current = ""
    for paragraph in Document(BytesIO(docx)).paragraphs:
        if paragraph.style.name == "Heading 2":
            current = paragraph.text
            found[current] = []
        elif current:
            found[current].append(paragraph.text)
    return found


@pytest.mark.django_db
def test_the_chorley_report_prints_each_of_the_eight_points_as_answered(full_partnership, users):
    framework = loader.get("chorley")
    docx = generate("committee-report", full_partnership, users["officer"], framework=framework)
    under = _under_headings(docx)
    report = next(t for t in framework.templates if t.id == "new_key_partnership_report")
    texts = {h.id: h.text for h in report.headings}
    for question in framework.business_case.questions():
        shown = under[texts[question.id]]
        expected = (
            "Loss of police funding" if question.id == "risk_and_liabilities" else f"Answer to {question.id}"
        )
        assert any(expected in line for line in shown), question.id
        assert not any(line.startswith(GAP) for line in shown), f"{question.id} is answered, not a gap"


@pytest.mark.django_db
def test_an_unanswered_point_is_left_to_write_under_its_heading(empty_partnership, users):
    framework = loader.get("chorley")
    under = _under_headings(
        generate("committee-report", empty_partnership, users["officer"], framework=framework)
    )
    assert any(line.startswith(GAP) for line in under["Insurable risks, responsibility and ownership"])


@pytest.mark.django_db
def test_an_empty_record_gives_gaps_with_the_templates_guidance(empty_partnership, users):
    document = Document(
        BytesIO(generate("draft-mou", empty_partnership, users["officer"], framework=loader.current()))
    )
    gaps = [p for p in document.paragraphs if p.text.startswith(GAP)]
    assert gaps and all(run.bold for p in gaps for run in p.runs)
    code_of_conduct = next(
        h for h in template_for(loader.current(), "mou").headings if h.id == "code_of_conduct"
    )
    assert any(code_of_conduct.guidance[:60] in p.text for p in gaps)


@pytest.mark.django_db
def test_officer_downloads_the_committee_report_as_a_word_document(client, users, full_partnership):
    client.force_login(users["officer"])
    response = client.get(reverse("document", args=[full_partnership.pk, "committee-report"]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert 'attachment; filename="CSP-01-committee-report.docx"' == response["Content-Disposition"]
    assert response.content.startswith(b"PK")


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(offered(loader.current())))
def test_a_partnership_with_nothing_written_still_downloads(client, users, empty_partnership, slug):
    client.force_login(users["officer"])
    response = client.get(reverse("document", args=[empty_partnership.pk, slug]))
    assert response.status_code == 200 and response.content.startswith(b"PK")


@pytest.mark.django_db
def test_a_partner_cannot_download_documents(client, users, own_partnership):
    client.force_login(users["partner"])
    response = client.get(reverse("document", args=[own_partnership.pk, "draft-mou"]))
    assert response.status_code in (403, 404)


@pytest.mark.django_db
def test_an_unknown_document_is_not_found(client, users, own_partnership):
    client.force_login(users["officer"])
    assert client.get(reverse("document", args=[own_partnership.pk, "minutes"])).status_code == 404


def test_file_names_are_safe():
    class P:
        pk = 7
        reference = 'CSP/01 "x"'

    assert filename(P(), "draft-mou") == "CSP-01-x-draft-mou.docx"
