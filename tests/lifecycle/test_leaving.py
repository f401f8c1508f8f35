"""Leaving a partnership: the decision to leave with its exit plan, and the leaving form due within
three months of the decision (Redditch App 5)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accord.domain.lifecycle import leaving
from accord.domain.lifecycle.models import ArtefactRecord, Transition
from accord.frameworks import apply, loader
from accord.frameworks.durations import parse
from accord.register.models import Partnership
from tests.lifecycle.test_agreement import assert_refused, dated


@pytest.fixture
def redditch(settings):
    """Redditch's framework, whose leaving form (App 5) is due within three months (11)."""
    settings.ACCORD_FRAMEWORK = "redditch"


@pytest.fixture
def officer_client(client, users):
    client.force_login(users["officer"])
    return client


def decision_data(decided_on=None, **extra) -> dict[str, str]:
    data = {
        **dated("decided_on", decided_on or timezone.localdate() - timedelta(days=7)),
        "decided_by": "Executive",
        "reference": "Executive minute 45/2025",
        "reason": "funding_ceased",  # Redditch 11 lists reasons to choose from
        "reason_detail": "External funding ceased.",  # the others ask for the reason in words
        "planned": "planned",
        "continues": "yes",
        "plan_notice": "Six months' notice given on 1 April.",  # Central Bedfordshire 2.9.1.12
        "plan_notice_periods": "Six months' notice given on 1 April.",  # Chorley
        "plan_how_to_leave": "Six months' notice under the Memorandum of Understanding.",  # Redditch 11
        "plan_final_reporting": "A final report to the Executive.",  # Bury App 4 G
    }
    data.update(extra)
    return data


def decide_to_leave(client, partnership, decided_on=None):
    response = client.post(reverse("leaving", args=[partnership.pk]), decision_data(decided_on))
    assert response.status_code == 302
    return ArtefactRecord.objects.get(partnership=partnership, slot="exit_decision")


def form_data(action="submit", **overrides) -> dict[str, str]:
    data = {
        "name": "Chorley Community Safety Partnership",
        **dated("decision_date", date(2025, 1, 31)),
        **dated("end_date", date(2025, 3, 31)),
        "why_ended": "External funding ceased.",
        "system_failures": "no_failure",
        "system_failures_detail": "",
        "continue_without_council": "yes",
        "successor_arrangements": "no",
        "successor_arrangements_detail": "",
        "achievements_1": "Reduced reoffending by a fifth",
        "achievements_2": "",
        "achievements_3": "",
        "best_practice_1": "Shared data across partners",
        "best_practice_2": "",
        "best_practice_3": "",
        "could_do_better_1": "Plan for the end of funding earlier",
        "could_do_better_2": "",
        "could_do_better_3": "",
        "completed_by": "Olive Officer, Policy Officer, 01257 000000",
        "action": action,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_the_decision_to_leave_needs_its_authority(officer_client, own_partnership):
    response = officer_client.post(reverse("leaving", args=[own_partnership.pk]), decision_data(reference=""))
    assert_refused(response, "Enter the authority or decision reference, for example a minute number")
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_an_other_reason_needs_its_detail(officer_client, own_partnership, redditch):
    url = reverse("leaving", args=[own_partnership.pk])
    response = officer_client.post(url, decision_data(reason="other", reason_detail=""))
    assert_refused(response, "Enter the reason the council")
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()
    response = officer_client.post(url, decision_data(reason="other", reason_detail="The council merged"))
    assert response.status_code == 302
    record = ArtefactRecord.objects.get(partnership=own_partnership, slot="exit_decision")
    assert record.answers["reason_detail"] == "The council merged"


@pytest.mark.django_db
def test_the_reasons_are_redditch_11s_list_in_its_words_and_other(officer_client, own_partnership, redditch):
    framework = loader.current()
    html = officer_client.get(reverse("leaving", args=[own_partnership.pk])).content.decode()
    assert framework.leaving is not None and len(framework.leaving.reasons) == 7
    for reason in framework.leaving.reasons:
        assert reason.text in html
    assert "External funding sources/resources cease" in html
    assert "Partnership Governance Framework and Toolkit, 11" in html
    assert "How the Council leaves the partnership" in html  # its one exit-plan heading (11)
    assert "Termination provisions" not in html  # Bury's App 4 G is not Redditch's


@pytest.mark.django_db
@pytest.mark.parametrize(
    "framework_id, own, others",
    [
        (
            "bury",
            ["Termination provisions", "Share knowledge learned from the Partnership"],
            ["Notice periods"],
        ),
        ("chorley", ["Notice periods and exceptions to notice periods"], ["Termination provisions"]),
        (
            "central_bedfordshire",
            ["How the Council resigns from the Partnership"],
            ["Termination provisions"],
        ),
        ("northampton", ["Exit/Succession Strategy", "Potential liabilities"], ["Termination provisions"]),
    ],
)
def test_each_council_without_reasons_asks_the_reason_in_words_and_its_own_exit_plan(
    officer_client, own_partnership, settings, framework_id, own, others
):
    settings.ACCORD_FRAMEWORK = framework_id
    html = officer_client.get(reverse("leaving", args=[own_partnership.pk])).content.decode()
    assert "External funding sources/resources cease" not in html  # Redditch 11's reasons are Redditch's
    assert 'name="reason"' not in html and 'name="reason_detail"' in html
    for heading in own:
        assert heading in html
    for heading in others:
        assert heading not in html
    record = decide_to_leave(officer_client, own_partnership)
    assert leaving.reason_text(record.answers) == "External funding ceased."
    assert [key for key, _ in leaving.plan_headings(record.answers)] == [
        h.id for h in leaving.exit_plan(loader.current())
    ]


def test_a_council_that_adopts_the_models_leaving_gets_its_reasons_cited_as_the_models():
    council = loader.get("chorley").model_copy(update={"leaving": None, "adopt_from_model": ["leaving"]})
    choices = dict(leaving.reason_choices(council))
    assert choices["funding_ceased"] == "External funding sources or resources ceased"
    assert choices["other"] == "Other"
    headings = leaving.exit_plan(council)
    assert [h.id for h in headings][:2] == ["termination", "notice"]
    assert {h.cite for h in headings} == {loader.get("model").name}
    without = council.model_copy(update={"adopt_from_model": []})
    assert leaving.reason_choices(without) == ()
    assert [h.label for h in leaving.exit_plan(without)] == [leaving.PLAN_LABEL]


@pytest.mark.django_db
def test_a_decision_recorded_under_the_old_ids_still_reads(officer_client, own_partnership, users, settings):
    """Decisions recorded before the reasons and headings were the framework's were keyed by
    Accord's own ids; they still show their reason and plan."""
    settings.ACCORD_FRAMEWORK = "bury"
    ArtefactRecord.objects.create(
        partnership=own_partnership,
        slot="exit_decision",
        kind="exit_decision",
        title="Decision to leave",
        complete=True,
        produced_on=timezone.localdate() - timedelta(days=3),
        answers={
            "decided_on": (timezone.localdate() - timedelta(days=3)).isoformat(),
            "decided_by": "Executive",
            "reference": "E/1",
            "reason": "adverse_risk",
            "reason_detail": "",
            "planned": "planned",
            "continues": "no",
            "plan": {"assets": "The van returns to the council.", "termination": "Clause 9"},
        },
    )
    html = officer_client.get(reverse("leaving", args=[own_partnership.pk])).content.decode()
    assert "On review, an adverse level of risk of continuing the partnership was identified" in html
    assert "Assets: The van returns to the council." in html  # not a heading of Bury's App 4 G
    assert "Clause 9" in html  # Bury's own "Termination provisions" heading shows it in its box


@pytest.mark.django_db
def test_a_recorded_decision_is_complete_dated_and_points_to_the_cycle_page(officer_client, own_partnership):
    decided = timezone.localdate() - timedelta(days=7)
    record = decide_to_leave(officer_client, own_partnership, decided)
    assert record.complete and record.produced_on == decided and record.kind == "exit_decision"
    assert record.answers["reference"] == "Executive minute 45/2025"
    assert record.answers["plan"]["notice_periods"] == "Six months' notice given on 1 April."  # Chorley
    html = officer_client.get(reverse("leaving", args=[own_partnership.pk])).content.decode()
    assert "Next step" in html and reverse("cycle", args=[own_partnership.pk]) in html
    assert 'value="Executive minute 45/2025"' in html


@pytest.mark.django_db
def test_no_decision_to_leave_before_the_partnership_is_active(officer_client, own_partnership):
    Partnership.objects.filter(pk=own_partnership.pk).update(status="business_case")
    url = reverse("leaving", args=[own_partnership.pk])
    response = officer_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "no involvement to end" in html and '<form method="post" novalidate>' not in html
    assert officer_client.post(url, decision_data()).status_code == 409
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_the_leaving_form_waits_for_the_decision(officer_client, own_partnership, redditch):
    url = reverse("leaving-form", args=[own_partnership.pk])
    response = officer_client.get(url)
    assert response.status_code == 200
    assert "Record the decision to leave" in response.content.decode()
    assert officer_client.post(url, form_data()).status_code == 409
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_the_leaving_form_is_due_three_months_after_the_decision_and_warns_when_overdue(
    officer_client, own_partnership, redditch
):
    framework = loader.current()
    assert leaving.report_due(framework, date(2025, 1, 31)).on == date(2025, 4, 30)
    decided = timezone.localdate() - timedelta(days=120)
    decide_to_leave(officer_client, own_partnership, decided)
    due = leaving.report_due(framework, decided).on
    assert due == parse("P3M").after(decided) and due < timezone.localdate()
    html = officer_client.get(reverse("leaving-form", args=[own_partnership.pk])).content.decode()
    assert due.strftime("%-d %B %Y") in html
    assert "The leaving form is overdue" in html


@pytest.mark.django_db
def test_the_leaving_form_starts_from_the_decision(officer_client, own_partnership, redditch):
    decided = timezone.localdate() - timedelta(days=7)
    decide_to_leave(officer_client, own_partnership, decided)
    html = officer_client.get(reverse("leaving-form", args=[own_partnership.pk])).content.decode()
    assert 'value="Chorley Community Safety Partnership"' in html
    assert f'value="{decided.day}"' in html and f'value="{decided.year}"' in html
    assert "External funding sources/resources cease" in html  # the decision's reason, in Redditch's words
    for label in ("Achievement 1", "Achievement 3", "Example 2", "Thing 3"):
        assert label in html
    assert "overdue" not in html


@pytest.mark.django_db
def test_a_draft_is_kept_but_submitting_needs_every_question(officer_client, own_partnership, redditch):
    decide_to_leave(officer_client, own_partnership)
    url = reverse("leaving-form", args=[own_partnership.pk])
    partial = form_data(action="draft", achievements_1="", why_ended="")
    assert officer_client.post(url, partial).status_code == 302
    record = ArtefactRecord.objects.get(partnership=own_partnership, slot="exit_report")
    assert not record.complete and record.answers["achievements"] == []

    response = officer_client.post(url, form_data(action="submit", achievements_1=""))
    assert_refused(response, "Enter at least one thing the partnership achieved")
    record.refresh_from_db()
    assert not record.complete

    response = officer_client.post(url, form_data(system_failures="yes"))
    assert_refused(response, "Enter what the system failures were")

    response = officer_client.post(url, form_data(achievements_2="Opened a hub", achievements_1=""))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.complete and record.produced_on == timezone.localdate()
    assert record.answers["achievements"] == ["Opened a hub"]
    assert record.answers["decision_date"] == "2025-01-31"


@pytest.mark.django_db
def test_submitting_the_leaving_form_meets_its_obligation(officer_client, own_partnership, settings):
    settings.ACCORD_FRAMEWORK = "redditch"
    decided = timezone.localdate() - timedelta(days=10)
    decide_to_leave(officer_client, own_partnership, decided)
    result = next(
        r
        for r in apply.obligations_for(own_partnership, framework=loader.current())
        if r.obligation_id == "exit_report"
    )
    assert result.due == leaving.report_due(loader.get("redditch"), decided).on
    assert result.status != "met"
    officer_client.post(reverse("leaving-form", args=[own_partnership.pk]), form_data())
    result = next(
        r
        for r in apply.obligations_for(own_partnership, framework=loader.current())
        if r.obligation_id == "exit_report"
    )
    assert result.status == "met"


@pytest.mark.django_db
def test_a_closed_partnership_cannot_be_left_again(officer_client, own_partnership):
    Partnership.objects.filter(pk=own_partnership.pk).update(status="closed")
    for name in ("leaving", "leaving-form"):
        url = reverse(name, args=[own_partnership.pk])
        if name == "leaving-form":
            assert officer_client.get(url).status_code == 403
        else:  # the decision is read, not changed
            page = officer_client.get(url)
            assert page.status_code == 200 and "Save the decision" not in page.content.decode()
        assert officer_client.post(url, decision_data()).status_code == 403
    assert not ArtefactRecord.objects.filter(partnership=own_partnership).exists()


@pytest.mark.django_db
def test_a_closed_partnerships_record_says_nothing_is_due_since_it_ended(officer_client, own_partnership):
    """It said "Nothing is due under the council's framework for this partnership yet"."""
    Partnership.objects.filter(pk=own_partnership.pk).update(status="closed")
    Transition.objects.create(
        partnership=own_partnership,
        from_status="leaving",
        to_status="closed",
        decided_on=date(2026, 11, 30),
        recorded_by_name="Olive Officer",
        framework_id="chorley",
        framework_version="1",
    )
    page = officer_client.get(reverse("partnership", args=[own_partnership.pk])).content.decode()
    assert "Nothing is due: the partnership ended on 30 November 2026." in page
    assert "for this partnership yet" not in page


@pytest.mark.django_db
def test_a_member_cannot_record_a_decision_to_leave(client, users, own_partnership, redditch):
    client.force_login(users["member"])
    for name in ("leaving", "leaving-form"):
        response = client.post(reverse(name, args=[own_partnership.pk]), decision_data())
        assert response.status_code in (403, 404)
    assert not ArtefactRecord.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"), [("officer", 200), ("administrator", 200), ("member", 403), ("partner", 403)]
)
def test_who_may_open_the_leaving_form_under_redditch(client, users, own_partnership, redditch, role, status):
    """The access walk's framework (Chorley) has no leaving form, so it is walked here (ADR 0027)."""
    client.force_login(users[role])
    assert client.get(reverse("leaving-form", args=[own_partnership.pk])).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("framework", "key"), [("chorley", True), ("bury", False), ("redditch", False), ("northampton", False)]
)
def test_a_partnership_cannot_move_to_leaving_until_the_decision_to_leave_is_recorded(
    officer_client, own_partnership, settings, users, framework, key
):
    """Chorley: a partnership went active, then leaving, then closed with no decision to leave recorded."""
    from accord.domain.lifecycle import cycle, services

    settings.ACCORD_FRAMEWORK = framework
    Partnership.objects.filter(pk=own_partnership.pk).update(is_key_partnership=key)
    own_partnership.refresh_from_db()
    check = services.check(own_partnership, cycle.LEAVING, framework=loader.current())
    assert any(m.kind == "exit_decision" and not m.role_id for m in check.missing), [
        m.text for m in check.missing
    ]
    with pytest.raises(services.GateRefused):
        services.move(
            users["officer"],
            own_partnership,
            cycle.LEAVING,
            expected_status="active",
            reason="Funding ended",
            reference="Minute 1",
            framework=loader.current(),
        )
    decide_to_leave(officer_client, own_partnership)
    missing = services.check(own_partnership, cycle.LEAVING, framework=loader.current()).missing
    assert not any(m.kind == "exit_decision" and not m.role_id for m in missing)  # approvals may still be due


@pytest.mark.django_db
@pytest.mark.parametrize("type_name", ["Public sector strategic", "Private sector"])
def test_central_bedfordshire_needs_the_decision_to_leave_for_every_type_of_partnership(
    officer_client, own_partnership, settings, users, type_name
):
    """Only the public types' notice under the terms of reference (2.9.1.12) was required, so a private
    sector partnership moved to leaving, then closed, with no decision to leave recorded (1.7.3)."""
    from accord.domain.lifecycle import cycle, services
    from tests import factories as f

    settings.ACCORD_FRAMEWORK = "central_bedfordshire"
    kind = f.PartnershipTypeFactory(name=type_name)
    Partnership.objects.filter(pk=own_partnership.pk).update(partnership_type=kind)
    own_partnership.refresh_from_db()
    with pytest.raises(services.GateRefused):
        services.move(
            users["officer"],
            own_partnership,
            cycle.LEAVING,
            expected_status="active",
            reason="x",
            reference="1",
            framework=loader.current(),
        )
    decide_to_leave(officer_client, own_partnership)
    assert services.check(own_partnership, cycle.LEAVING, framework=loader.current()).ok


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", ["bury", "central_bedfordshire", "chorley", "northampton"])
def test_a_council_without_a_leaving_form_records_the_decision_but_is_shown_no_form_and_no_due_date(
    officer_client, own_partnership, settings, framework_id
):
    """Only Redditch has a leaving form with a due date (App 5, 11); the others set no leaving duty
    of that kind, and none adopts the model framework's form (ADR 0027)."""
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    assert leaving.leaving_template(framework) is None
    assert leaving.report_due(framework, date(2025, 1, 31)) is None
    decide_to_leave(officer_client, own_partnership)
    html = officer_client.get(reverse("leaving", args=[own_partnership.pk])).content.decode()
    assert "Decision to leave" in html
    assert reverse("leaving-form", args=[own_partnership.pk]) not in html
    assert "Redditch" not in html and "Bury" not in html.replace(framework.council, "")
    assert officer_client.get(reverse("leaving-form", args=[own_partnership.pk])).status_code == 404
    assert (
        officer_client.post(reverse("leaving-form", args=[own_partnership.pk]), form_data()).status_code
        == 404
    )
