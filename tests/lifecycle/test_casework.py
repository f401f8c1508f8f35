"""The business case (the framework's own: Redditch App 2a, Chorley's eight points), the framework's
checklists (Bury App 2) and artefacts recorded generically: drafts, completion, what approvers are
warned about, and who may write."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.lifecycle import content, prefill, services
from accord.domain.lifecycle.models import ArtefactRecord
from accord.frameworks import loader
from accord.kernel.audit.models import AuditEvent
from accord.register.models import Partnership
from tests import factories as f

pytestmark = pytest.mark.django_db


def business_case(partnership) -> ArtefactRecord | None:
    return ArtefactRecord.objects.filter(partnership=partnership, slot="business_case").first()


@pytest.fixture
def redditch(settings):
    settings.ACCORD_FRAMEWORK = "redditch"


def case_part(part_id: str):
    found = loader.current().business_case.part(part_id)
    assert found is not None, part_id
    return found


def part_data(part: str, action: str = "complete", partnership=None, **overrides) -> dict:
    """An answer to every question of the part the register does not already answer."""
    known = prefill.record_values(partnership, loader.current()) if partnership else {}
    data = {"action": action, "evidence": ""}
    for question in case_part(part).questions:
        if question.id not in known:
            data[question.id] = question.choices[0].id if question.choices else f"Answer to {question.text}"
    data.update(overrides)
    return data


def bank_data(bank, answer: str = "yes", comment: str = "Considered at the board on 3 March.") -> dict:
    data = {}
    for question in bank.questions:
        if bank.scale != "text":
            data[f"{bank.id}-answer_{question.id}"] = answer if bank.scale != "score_1_3" else "2"
        data[f"{bank.id}-comment_{question.id}"] = comment
    return data


def case_tests_data(action: str = "complete", **overrides) -> dict:
    data = {"action": action}
    for found in content.business_case_banks(loader.current()):
        data.update(bank_data(found, answer="no" if found.purpose == "factors_against" else "yes"))
    data.update(overrides)
    return data


def post_part(client, partnership, part: str, data: dict):
    return client.post(reverse("business-case-part", args=[partnership.pk, part]), data)


# The business case: the framework's own (ADR 0028) ------------------------------------------------


def test_an_empty_business_case_says_so_and_offers_to_start(client, users, own_partnership, redditch):
    client.force_login(users["officer"])
    response = client.get(reverse("business-case", args=[own_partnership.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nothing has been written yet" in page
    assert reverse("business-case-part", args=[own_partnership.pk, "nature"]) in page
    assert reverse("document", args=[own_partnership.pk, "business-case"]) in page


def test_a_business_case_is_saved_as_a_draft_then_completed_part_by_part(
    client, users, own_partnership, redditch
):
    client.force_login(users["officer"])
    response = post_part(client, own_partnership, "nature", {"action": "draft", "nature": "join"})
    assert response.status_code == 302
    assert response["Location"] == reverse("business-case", args=[own_partnership.pk])
    record = business_case(own_partnership)
    assert record.complete is False
    assert record.produced_on is None
    assert record.answers["sections"]["nature"] == {"answer": "join"}

    case = loader.current().business_case
    for part in case.parts:
        if part.id != "nature":
            data = part_data(part.id, partnership=own_partnership)
            assert post_part(client, own_partnership, part.id, data).status_code == 302
    record = business_case(own_partnership)
    assert record.answers["sections"]["nature"]["answer"] == "join", "another part's answers were lost"
    assert record.complete is False, "the tests are still to answer"
    data = part_data("nature", partnership=own_partnership)
    assert post_part(client, own_partnership, "nature", data).status_code == 302
    assert business_case(own_partnership).complete is False

    assert post_part(client, own_partnership, "tests", case_tests_data()).status_code == 302
    record = business_case(own_partnership)
    assert record.complete is True
    assert record.produced_on == timezone.localdate()
    assert record.kind == "business_case" and record.title == case.name
    known = prefill.record_values(own_partnership, loader.current())
    assert set(record.answers["sections"]) == {q.id for q in case.questions()} - set(known)
    assert AuditEvent.objects.filter(partnership=own_partnership, reason__startswith=case.name).exists()

    page = client.get(reverse("business-case", args=[own_partnership.pk])).content.decode()
    assert "Completed" in page and "Incomplete" not in page
    assert "Answer to What other working arrangements have you considered?" in html.unescape(page)


def test_a_part_has_one_evidence_box_not_one_per_question(client, users, own_partnership, redditch):
    client.force_login(users["officer"])
    page = client.get(reverse("business-case-part", args=[own_partnership.pk, "risks"])).content.decode()
    assert page.count("<textarea") == len(case_part("risks").questions) + 1
    assert page.count('name="evidence"') == 1
    data = part_data("risks", action="draft", evidence="Risk log v2, March 2027")
    assert post_part(client, own_partnership, "risks", data).status_code == 302
    assert business_case(own_partnership).answers["evidence"] == {"risks": "Risk log v2, March 2027"}
    page = html.unescape(client.get(reverse("business-case", args=[own_partnership.pk])).content.decode())
    assert "Risk log v2, March 2027" in page


def test_what_the_register_knows_is_shown_not_asked_again(client, users, own_partnership, redditch):
    Partnership.objects.filter(pk=own_partnership.pk).update(
        statutory_status="statutory", statutory_basis="Crime and Disorder Act 1998"
    )
    client.force_login(users["officer"])
    url = reverse("business-case-part", args=[own_partnership.pk, "nature"])
    page = html.unescape(client.get(url).content.decode())
    assert "Already on the register" in page
    assert "Statutory (Crime and Disorder Act 1998)" in page
    assert 'name="statutory"' not in page, "the register's answer is not asked again"
    assert 'name="nature"' in page
    assert (
        post_part(client, own_partnership, "nature", {"action": "complete", "nature": "join"}).status_code
        == 302
    )
    assert "statutory" not in business_case(own_partnership).answers["sections"]


def test_a_question_the_register_is_silent_on_is_asked(client, users, own_partnership, redditch):
    Partnership.objects.filter(pk=own_partnership.pk).update(exit_strategy="")
    client.force_login(users["officer"])
    page = client.get(reverse("business-case-part", args=[own_partnership.pk, "costs"])).content.decode()
    assert 'name="exit_strategy"' in page


def test_marking_a_part_complete_with_an_answer_missing_is_refused_and_saves_nothing(
    client, users, own_partnership, redditch
):
    client.force_login(users["officer"])
    data = part_data("options", other_options="")
    response = post_part(client, own_partnership, "options", data)
    assert response.status_code == 200
    assert "Enter an answer to 'What other working arrangements" in html.unescape(response.content.decode())
    assert 'href="#id_other_options"' in response.content.decode()
    assert business_case(own_partnership) is None


def test_an_answer_over_the_limit_is_refused(client, users, own_partnership, redditch):
    client.force_login(users["officer"])
    data = part_data("options", action="draft", other_options="x" * 10001)
    response = post_part(client, own_partnership, "options", data)
    assert response.status_code == 200
    assert "must be 10,000 characters or fewer" in response.content.decode()
    assert business_case(own_partnership) is None


def test_chorleys_business_case_asks_the_eight_points_of_its_report(client, users, own_partnership):
    client.force_login(users["officer"])
    case = loader.current().business_case
    assert case.name == "Report to Executive Cabinet on a proposed new key partnership"
    assert [p.id for p in case.parts] == ["eight_points"]
    page = html.unescape(
        client.get(reverse("business-case-part", args=[own_partnership.pk, "eight_points"])).content.decode()
    )
    for asked in (
        "What consultation and/or procurement processes have been followed?",
        "Include any issues raised in commercial credit checks.",
        "What insurable risks are there, and who is responsible for and owns each?",
        "including the partnership's terms of reference?",
    ):
        assert asked in page
    assert len(case.parts[0].questions) == 8
    assert "nature" not in page, "Redditch's business case is not Chorley's"
    response = client.get(reverse("business-case-part", args=[own_partnership.pk, "nature"]))
    assert response.status_code == 404


def test_a_framework_without_a_business_case_has_no_business_case_pages(client, users, settings):
    settings.ACCORD_FRAMEWORK = "northampton"
    partnership = f.PartnershipFactory(status="business_case")
    client.force_login(users["administrator"])
    assert loader.current().business_case.parts == []
    page = client.get(reverse("business-case", args=[partnership.pk])).content.decode()
    assert "Evaluation before entering" in page
    assert client.get(reverse("business-case-part", args=[partnership.pk, "tests"])).status_code == 200
    assert client.get(reverse("business-case-part", args=[partnership.pk, "nature"])).status_code == 404


def test_a_yes_no_comment_test_needs_its_comment_to_be_complete(client, users, own_partnership):
    client.force_login(users["officer"])
    data = case_tests_data(**{"partnership_tests-comment_value_for_money": "  "})
    response = post_part(client, own_partnership, "tests", data)
    assert response.status_code == 200
    assert "Enter a comment on question 3 to show how it has been considered" in response.content.decode()
    assert business_case(own_partnership) is None
    data["action"] = "draft"
    assert post_part(client, own_partnership, "tests", data).status_code == 302
    saved = business_case(own_partnership).answers["banks"]["partnership_tests"]
    assert saved["value_for_money"] == {"answer": "yes", "comment": ""}


def test_a_no_and_a_factor_present_are_shown_prominently(client, users, own_partnership, redditch):
    client.force_login(users["officer"])
    data = case_tests_data(
        action="draft",
        **{"before_setting_up-answer_needs_partnership": "no", "factors_against-answer_one_agency": "yes"},
    )
    assert post_part(client, own_partnership, "tests", data).status_code == 302
    client.force_login(users["approver"])
    page = html.unescape(client.get(reverse("business-case", args=[own_partnership.pk])).content.decode())
    banner = page[page.index('id="warnings"') : page.index('<h2 class="govuk-heading-m">Parts</h2>')]
    assert "Answered no" in banner
    assert "primarily the responsibility of one agency" in banner
    assert "Factor present" in banner
    assert "Questions before setting up and factors against a partnership" in page
    assert "Change" not in page, "an approver cannot change the case"


def test_an_unknown_part_is_not_found(client, users, own_partnership):
    client.force_login(users["officer"])
    assert client.get(reverse("business-case-part", args=[own_partnership.pk, "nonsense"])).status_code == 404


def test_evidence_files_are_listed_against_their_part(client, users, own_partnership, redditch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accord.domain.lifecycle.recording import add_file

    client.force_login(users["officer"])
    post_part(client, own_partnership, "risks", part_data("risks", action="draft"))
    upload = SimpleUploadedFile("eia.pdf", b"%PDF-1.4 eia", content_type="application/pdf")
    evidence = add_file(users["officer"], own_partnership, "business_case", upload, section="risks")
    page = client.get(reverse("business-case", args=[own_partnership.pk])).content.decode()
    part = page[page.index('id="part-risks"') :]
    assert reverse("evidence-file", args=[own_partnership.pk, evidence.pk]) in part
    assert reverse("evidence-upload", args=[own_partnership.pk, "business_case"]) in page


# Checklists -----------------------------------------------------------------------------------


# Northampton's checklist of the arrangements in place, answered in the cycle with a comment each.
CHECKLIST, BANK = "arrangements_checklist", "arrangements_in_place"


@pytest.fixture
def northampton(settings):
    settings.ACCORD_FRAMEWORK = "northampton"


def checklist_url(partnership, artefact_id=CHECKLIST, bank_id=BANK):
    return reverse("checklist", args=[partnership.pk, artefact_id, bank_id])


def checklist_data(action="complete", **overrides):
    data = {"action": action}
    data.update(bank_data(content.bank(loader.current(), BANK)))
    data.update(overrides)
    return data


def test_a_checklist_shows_each_question_with_the_frameworks_words(
    client, users, own_partnership, northampton
):
    client.force_login(users["officer"])
    response = client.get(checklist_url(own_partnership))
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    for question in content.bank(loader.current(), BANK).questions:
        assert question.text in page
        assert loader.current().cite_text(question.cite) in page
    assert "An empty comment is not an answer" in page


def test_a_checklist_with_an_empty_comment_cannot_be_marked_complete_and_nothing_is_saved(
    client, users, own_partnership, northampton
):
    client.force_login(users["officer"])
    data = checklist_data(**{f"{BANK}-comment_accountable_officer": ""})
    response = client.post(checklist_url(own_partnership), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a comment on question 2 to show how it has been considered" in page
    assert f'href="#id_{BANK}-comment_accountable_officer"' in page
    assert "[&#39;" not in page, "the error summary shows messages, not lists of them"
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


def test_a_checklist_with_an_unanswered_question_lists_one_error_each(
    client, users, own_partnership, northampton
):
    client.force_login(users["officer"])
    questions = len(content.bank(loader.current(), BANK).questions)
    response = client.post(checklist_url(own_partnership), {"action": "complete"})
    page = response.content.decode()
    assert page.count("Select an answer to question") == 2 * questions  # the summary and the field
    assert page.count("Enter a comment on question") == 2 * questions
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


def test_a_draft_checklist_keeps_its_answers(client, users, own_partnership, northampton):
    client.force_login(users["officer"])
    data = {
        "action": "draft",
        f"{BANK}-answer_clear_purpose_and_outcomes": "yes",
        f"{BANK}-comment_clear_purpose_and_outcomes": "Checked each partner's annual governance statement.",
    }
    assert client.post(checklist_url(own_partnership), data).status_code == 302
    record = ArtefactRecord.objects.get(partnership=own_partnership, slot=CHECKLIST)
    assert record.complete is False
    assert record.kind == "checklist"
    assert record.answers["banks"][BANK]["clear_purpose_and_outcomes"]["answer"] == "yes"
    page = client.get(checklist_url(own_partnership)).content.decode()
    assert "Checked each partner's annual governance statement." in html.unescape(page)

    assert client.post(checklist_url(own_partnership), checklist_data()).status_code == 302
    record.refresh_from_db()
    assert record.complete is True
    assert record.revision == 2


def test_a_checklist_must_be_one_of_the_artefacts_banks(client, users, own_partnership, northampton):
    client.force_login(users["officer"])
    assert client.get(checklist_url(own_partnership, CHECKLIST, "setting_up")).status_code == 404
    assert client.get(checklist_url(own_partnership, "no_such_artefact", BANK)).status_code == 404


def test_redditchs_setting_up_checklist_is_app_4a_under_its_headings_in_its_words(
    client, users, own_partnership, redditch
):
    """Redditch 7: App 4a "is the partnership review template that needs to be followed when developing
    working arrangements for a new partnership"; its areas are grouped under its two headings and
    assessed on its own scale."""
    client.force_login(users["officer"])
    framework = loader.current()
    [artefact] = [a for a in framework.artefacts if a.id == "working_arrangements_checklist"]
    assert artefact.banks == ["annual_review"]
    url = checklist_url(own_partnership, artefact.id, "annual_review")
    page = html.unescape(client.get(url).content.decode())
    governance = page.index('<h2 class="govuk-fieldset__heading">Governance and finance</h2>')
    performance = page.index('<h2 class="govuk-fieldset__heading">Performance and Delivery</h2>')
    assert governance < page.index("Formal status") < page.index("Communication:") < performance
    assert performance < page.index("Accountability: 1.")
    for label in (
        "1 – NO – action required",
        "2 – YES – but could be improved",
        "3 – YES- working effectively",
    ):
        assert label in page
    assert "operational_checklist" not in page
    cycle = client.get(reverse("cycle", args=[own_partnership.pk])).content.decode()
    assert f'href="{url}"' in cycle
    data = {"action": "complete", **bank_data(content.bank(framework, "annual_review"))}
    assert client.post(url, data).status_code == 302
    record = ArtefactRecord.objects.get(partnership=own_partnership, slot="working_arrangements_checklist")
    assert record.complete and record.answers["banks"]["annual_review"]["staffing"]["answer"] == "2"
    page = html.unescape(client.get(url).content.decode())
    assert 'value="2" checked' in page
    client.force_login(users["auditor"])  # reads it, under App 4a's headings and in its words
    page = html.unescape(client.get(url).content.decode())
    assert '<h2 class="govuk-heading-m">Performance and Delivery</h2>' in page
    assert "2 – YES – but could be improved; Considered at the board on 3 March." in page


def test_a_checklist_of_several_goes_on_to_the_next_incomplete_one(client, users, settings):
    settings.ACCORD_FRAMEWORK = "bury"
    partnership = f.PartnershipFactory(status="business_case")
    client.force_login(users["administrator"])
    framework = loader.current()
    artefact = next(a for a in framework.artefacts if a.id == "needs_checklists")
    first, second = artefact.banks[0], artefact.banks[1]
    page = client.get(checklist_url(partnership, artefact.id, first)).content.decode()
    assert f"checklist 1 of {len(artefact.banks)}" in page
    assert reverse("checklist", args=[partnership.pk, artefact.id, second]) in page
    data = {"action": "complete", **bank_data(content.bank(framework, first))}
    response = client.post(checklist_url(partnership, artefact.id, first), data)
    assert response["Location"] == checklist_url(partnership, artefact.id, second)
    record = ArtefactRecord.objects.get(partnership=partnership, slot="needs_checklists")
    assert record.complete is False
    for bank_id in artefact.banks[1:]:
        data = {"action": "complete", **bank_data(content.bank(framework, bank_id))}
        response = client.post(checklist_url(partnership, artefact.id, bank_id), data)
    assert response["Location"] == reverse("cycle", args=[partnership.pk])
    record.refresh_from_db()
    assert record.complete is True
    assert set(record.answers["banks"]) == set(artefact.banks)


# Who may write ------------------------------------------------------------------------------


@pytest.fixture
def write_requests(redditch):
    def requests(partnership):
        return [
            (reverse("business-case-part", args=[partnership.pk, "nature"]), part_data("nature")),
            (
                checklist_url(partnership, "working_arrangements_checklist", "annual_review"),
                {"action": "complete", **bank_data(content.bank(loader.current(), "annual_review"))},
            ),
            (
                reverse("artefact-record", args=[partnership.pk, "business_continuity_plan"]),
                {
                    "produced_on-day": "1",
                    "produced_on-month": "4",
                    "produced_on-year": "2025",
                    "summary": "Kept",
                },
            ),
        ]

    return requests


@pytest.mark.parametrize("role", ["member", "approver", "auditor", "partner"])
def test_roles_that_cannot_change_the_partnership_cannot_post(
    client, users, own_partnership, role, write_requests
):
    client.force_login(users[role])
    for url, data in write_requests(own_partnership):
        assert client.post(url, data).status_code in (403, 404), url
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


def test_an_officer_cannot_write_to_a_partnership_they_are_not_linked_to(
    client, users, other_partnership, write_requests
):
    client.force_login(users["officer"])
    for url, data in write_requests(other_partnership):
        assert client.post(url, data).status_code in (403, 404), url
    assert not ArtefactRecord.objects.filter(partnership=other_partnership).exists()


def test_a_finished_partnership_is_read_only(client, users, own_partnership, write_requests):
    Partnership.objects.filter(pk=own_partnership.pk).update(status="closed")
    client.force_login(users["administrator"])
    for url, data in write_requests(own_partnership):
        page = client.get(url)  # the business case's parts are refused; checklists and records are read
        assert page.status_code == 403 or not _fields_offered(page, data), url
        assert client.post(url, data).status_code == 403, url
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()
    page = client.get(reverse("business-case", args=[own_partnership.pk])).content.decode()
    assert "Change" not in page and "Start" not in page


# Artefacts recorded generically ----------------------------------------------------------------


def test_recording_an_artefact_counts_as_evidence_for_the_gate(client, users, officer_person):
    partnership = f.PartnershipFactory(status="agreement", is_key_partnership=True)
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    missing = {
        m.artefact_id for m in services.check(partnership, "active", framework=loader.current()).missing
    }
    assert "data_quality_charter" in missing

    client.force_login(users["officer"])
    url = reverse("artefact-record", args=[partnership.pk, "data_quality_charter"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "produced_on-day": "14",
            "produced_on-month": "3",
            "produced_on-year": "2025",
            "summary": "Signed by the partner; kept on the partnership's SharePoint site.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cycle", args=[partnership.pk])
    record = ArtefactRecord.objects.get(partnership=partnership, slot="data_quality_charter")
    assert record.complete is True
    assert record.produced_on.isoformat() == "2025-03-14"
    assert record.kind == "other"
    missing = {
        m.artefact_id for m in services.check(partnership, "active", framework=loader.current()).missing
    }
    assert "data_quality_charter" not in missing


def test_an_artefact_record_needs_a_date_and_a_summary(client, users, own_partnership):
    client.force_login(users["officer"])
    url = reverse("artefact-record", args=[own_partnership.pk, "data_quality_charter"])
    response = client.post(url, {"summary": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the date it was produced" in page
    assert "Enter a summary of what it says or where it is kept" in page
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


def test_an_artefact_record_can_carry_its_file(client, users, own_partnership):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(users["officer"])
    url = reverse("artefact-record", args=[own_partnership.pk, "data_quality_charter"])
    upload = SimpleUploadedFile("charter.pdf", b"%PDF-1.7 signed charter", content_type="application/pdf")
    data = {"produced_on-day": "2", "produced_on-month": "5", "produced_on-year": "2025", "summary": "Signed"}
    assert client.post(url, {**data, "file": upload}).status_code == 302
    assert own_partnership.files.get(slot="data_quality_charter").name == "charter.pdf"
    page = client.get(url).content.decode()
    assert "charter.pdf" in page


@pytest.mark.parametrize(
    "artefact_id",
    [
        "no_such_thing",
        "executive_cabinet_report",
        "executive_cabinet_approval",
        # Met in their natural place or done elsewhere, never by a record of their own (ADR 0024):
        "joint_risk_register",  # the Risks tab
        "exit_strategy",  # the register's field or the exit plan
        "governance_check",  # a review, on the Reviews pages
        "performance_report",  # a report on the monitoring pages
        "memorandum_of_understanding",  # the agreement page
    ],
)
def test_only_artefacts_recorded_generically_have_a_record_page(client, users, own_partnership, artefact_id):
    client.force_login(users["officer"])
    assert client.get(reverse("artefact-record", args=[own_partnership.pk, artefact_id])).status_code == 404


def test_a_report_recorded_in_the_cycle_needs_a_real_period(client, users, settings, officer_person):
    """Central Bedfordshire's contract monitoring report (3.2.7) is recorded on the cycle page: it
    states the period it covers, and a period ending the day it starts is refused (ADR 0024)."""
    from datetime import date

    from accord.frameworks import apply

    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    partnership = f.PartnershipFactory(partnership_type=f.PartnershipTypeFactory(name="Private sector"))
    f.RoleFactory(partnership=partnership, person=officer_person, role="lead_officer")
    client.force_login(users["officer"])
    url = reverse("artefact-record", args=[partnership.pk, "contract_monitoring_report"])
    day = {"-day": "6", "-month": "12", "-year": "2026"}
    data = {
        f"{name}{part}": value
        for name in ("period_start", "period_end", "produced_on")
        for part, value in day.items()
    }
    data["summary"] = "Contract monitoring report to the Council Authorised Officer"
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200 and "The end of the period must be after its start" in page
    assert not ArtefactRecord.objects.filter(partnership=partnership).exists()

    data.update({"period_start-day": "1", "period_start-month": "9"})
    assert client.post(url, data).status_code == 302
    record = ArtefactRecord.objects.get(partnership=partnership, slot="contract_monitoring_report")
    assert record.answers["period"] == {"start": "2026-09-01", "end": "2026-12-06"}
    facts = apply.facts_for(loader.current(), [partnership])[partnership.pk]
    assert facts.evidence["contract_monitoring_report"] == (date(2026, 12, 6),)


def test_the_recording_service_refuses_a_zero_length_period(users, own_partnership):
    from accord.domain.lifecycle.recording import RecordRefused, save_record

    with pytest.raises(RecordRefused, match="must be after its start"):
        save_record(
            users["officer"],
            own_partnership,
            "performance_report",
            kind="performance_report",
            title="Performance report",
            complete=True,
            answers={"period": {"start": "2026-12-06", "end": "2026-12-06"}},
        )
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


def _fields_offered(page, data) -> list[str]:
    return [key for key in data if f'name="{key}"' in page.content.decode()]


@pytest.mark.parametrize("role", ["member", "approver", "auditor"])
def test_roles_that_cannot_change_the_partnership_read_a_checklist_without_answering_it(
    client, users, own_partnership, role, northampton
):
    client.force_login(users[role])
    page = client.get(checklist_url(own_partnership))
    assert page.status_code == 200
    assert not _fields_offered(page, checklist_data())
    assert (
        "Only the partnership's officers and administrators can answer this checklist"
        in page.content.decode()
    )


def test_a_partner_cannot_open_a_checklist(client, users, own_partnership, northampton):
    client.force_login(users["partner"])
    assert client.get(checklist_url(own_partnership)).status_code in (403, 404)
