"""Joint risk registers in a real browser: a risk from Bury's library is scored, given controls and
an action, shows on the heat map and is escalated; a partner updates an action on their own
partnership and is refused on another. axe-core runs on every page visited."""

from datetime import date

import pytest
from playwright.sync_api import expect

from accord.domain.risks import services
from accord.domain.risks.models import Risk, RiskAction
from accord.frameworks import loader

from .conftest import sign_in, submit, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def bury(settings):
    settings.ACCORD_FRAMEWORK = "bury"


def score(page, likelihood: str, impact: str):
    page.get_by_role("group", name="Likelihood").get_by_label(likelihood, exact=True).check()
    page.get_by_role("group", name="Impact").get_by_label(impact, exact=True).check()
    submit(page, "Save score")


def test_a_library_risk_is_scored_controlled_mapped_and_escalated(bury, page, users, own_partnership):
    sign_in(page, "officer")
    pk = own_partnership.pk
    visit(page, f"/partnerships/{pk}/risks/")
    page.get_by_role("button", name="Add from the risk library").click()
    page.get_by_role("link", name="Use this risk Poorly defined shared vision and objectives").click()
    expect(page.get_by_label("Title")).to_have_value("Poorly defined shared vision and objectives")
    page.get_by_label("Risk owner").fill("Olive Officer")
    identified = page.get_by_role("group", name="Date identified")
    identified.get_by_label("Day").fill("2")
    identified.get_by_label("Month").fill("11")
    identified.get_by_label("Year").fill("2026")
    submit(page, "Save risk")
    risk = Risk.objects.get(partnership=own_partnership)
    assert risk.library_id == "strategic_01"
    assert risk.controls.exists()  # the library's suggested controls arrive as planned controls

    for stage, (likelihood, impact) in {
        "inherent": ("4 – Almost Certain", "4 – High"),
        "current": ("3 – Probable", "4 – High"),
        "target": ("2 – Possible", "2 – Medium"),
    }.items():
        visit(page, f"/partnerships/{pk}/risks/{risk.pk}/score/{stage}/")
        score(page, likelihood, impact)
    risk.refresh_from_db()
    assert (risk.inherent_score, risk.current_score, risk.target_score) == (16, 12, 4)
    assert risk.current_band == "high"

    visit(page, f"/partnerships/{pk}/risks/{risk.pk}/control/add/")
    page.get_by_label("Control").fill("Partners sign a shared vision statement")
    page.get_by_role("group", name="Is the control in place or planned?").get_by_label("In place").check()
    submit(page, "Save control")
    visit(page, f"/partnerships/{pk}/risks/{risk.pk}/action/add/")
    page.get_by_label("Action").fill("Hold a visioning workshop")
    page.get_by_label("Owner").fill("Olive Officer")
    due = page.get_by_role("group", name="Due date")
    due.get_by_label("Day").fill("15")
    due.get_by_label("Month").fill("1")
    due.get_by_label("Year").fill("2027")
    page.get_by_role("group", name="Status").get_by_label("Not started").check()
    submit(page, "Save action")
    expect(page.locator("main")).to_contain_text("Hold a visioning workshop")
    # A high risk not yet escalated is flagged, with the clause.
    expect(page.locator("main")).to_contain_text("App 10")

    visit(page, f"/partnerships/{pk}/risks/heat-map/?stage=current")
    cell = page.locator("svg a").filter(has_text="1").first
    expect(cell).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("1")

    visit(page, f"/partnerships/{pk}/risks/{risk.pk}/escalate/")
    page.get_by_label("Where it was escalated to").fill(
        "Partnership Board, 4 December 2026; Communities register"
    )
    escalated = page.get_by_role("group", name="Date escalated")
    escalated.get_by_label("Day").fill("4")
    escalated.get_by_label("Month").fill("11")
    escalated.get_by_label("Year").fill("2026")
    submit(page, "Record escalation")
    risk.refresh_from_db()
    assert risk.escalated_on == date(2026, 11, 4)
    visit(page, "/risks/?escalated=yes")
    expect(page.get_by_role("table")).to_contain_text(risk.title)
    for path in ("/risks/heat-map/?stage=inherent", "/risks/", f"/partnerships/{pk}/risks/{risk.pk}/change/"):
        visit(page, path)
    visit(page, f"/partnerships/{pk}/risks/{risk.pk}/review/")
    submit(page, "Save review")  # nothing entered: refused with a GOV.UK message, nothing changes
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    visit(page, f"/partnerships/{pk}/risks/{risk.pk}/close/")
    page.get_by_label("Reason for closing the risk").fill("Partners signed the shared vision")
    submit(page, "Close risk")
    risk.refresh_from_db()
    assert risk.status == "closed"


def test_a_partner_updates_an_action_on_their_partnership_only(
    page, users, own_partnership, other_partnership
):
    mine, theirs = [
        services.create_risk(
            users["administrator"],
            p,
            {"title": f"Risk on {p.name}", "identified_on": date(2026, 10, 1), "owner": "Olive Officer"},
        )
        for p in (own_partnership, other_partnership)
    ]
    action = services.save_child(
        users["administrator"],
        mine,
        "action",
        {"description": "Share the data set", "owner": "Police analyst", "due_on": date(2026, 12, 1)},
    )
    other_action = services.save_child(
        users["administrator"],
        theirs,
        "action",
        {"description": "Not theirs", "owner": "Someone", "due_on": date(2026, 12, 1)},
    )
    sign_in(page, "partner")
    visit(page, f"/partnerships/{own_partnership.pk}/risks/{mine.pk}/action/{action.pk}/change/")
    page.get_by_role("group", name="Status").get_by_label("Done").check()
    submit(page, "Save action")
    action.refresh_from_db()
    assert action.status == "done"
    response = page.goto(
        f"/partnerships/{other_partnership.pk}/risks/{theirs.pk}/action/{other_action.pk}/change/"
    )
    assert response.status in (403, 404)
    response = page.goto(f"/partnerships/{own_partnership.pk}/cycle/")
    assert response.status in (403, 404)  # partners take part in the risks, and nothing else
    assert RiskAction.objects.get(pk=other_action.pk).status == "not_started"


def test_a_table_too_wide_for_a_narrow_window_can_be_scrolled_from_the_keyboard(
    new_page, users, own_partnership
):
    """axe found the risk's assessment history (nine columns) scrolling sideways in a region no
    keyboard could reach once its dates were long enough ("2 November 2026 at 12:00pm")."""
    risk = services.create_risk(
        users["officer"],
        own_partnership,
        {"title": "Funding ends", "identified_on": date(2026, 10, 1), "owner": "Olive Officer"},
    )
    services.assess(
        users["officer"],
        risk,
        "current",
        2,
        3,
        note="Reviewed with the finance team",
        framework=loader.current(),
    )
    page = new_page()
    page.set_viewport_size({"width": 480, "height": 900})
    sign_in(page, "officer")
    visit(page, f"/partnerships/{own_partnership.pk}/risks/{risk.pk}/")  # axe: scrollable-region-focusable
    caption = f"Every assessment of {risk.reference}, newest first"
    history = page.locator(".accord-table-wrap", has=page.get_by_text(caption))
    expect(history).to_have_attribute("tabindex", "0")
    expect(history).to_have_attribute("role", "region")
    expect(history).to_have_attribute("aria-label", caption)
    page.set_viewport_size({"width": 1280, "height": 900})  # wide enough: no needless tab stop
    expect(history).not_to_have_attribute("tabindex", "0")
