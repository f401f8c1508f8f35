"""How risks read on screen: band tags coloured by how bad the band is, scores, names of the
framework's categories and strategies, and the warnings the framework's rules raise."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from markupsafe import Markup

from accord.frameworks import citations, risk_rules
from accord.frameworks.durations import parse
from accord.frameworks.facts import RiskFact
from accord.frameworks.risk_bands import band_colour
from accord.frameworks.schema import Framework, RiskModel
from accord.register.models import Partnership

from ..models import Risk, RiskStatus


def band_name(model: RiskModel, band_id: str) -> str:
    return next((b.name for b in model.bands if b.id == band_id), band_id.replace("_", " ").capitalize())


def band_tag(model: RiskModel, band_id: str, name: str | None = None) -> Markup:
    if not band_id:
        return Markup("")
    return Markup('<strong class="govuk-tag govuk-tag--{}">{}</strong>').format(
        band_colour(model, band_id), name or band_name(model, band_id)
    )


def score_html(model: RiskModel, score: int | None, band_id: str, name: str | None = None) -> Markup:
    if score is None:
        return Markup("Not scored")
    return Markup("{} {}").format(score, band_tag(model, band_id, name))


def overdue_tag(text: str = "Overdue") -> Markup:
    return Markup('<strong class="govuk-tag govuk-tag--red">{}</strong>').format(text)


def names(items) -> dict[str, str]:
    return {item.id: item.name for item in items}


def every(duration: str | None) -> str:
    """P1M → 'every month', P3M → 'every 3 months', P1Y → 'every year'."""
    if not duration:
        return "not set"
    d = parse(duration)
    for count, unit in ((d.years, "year"), (d.months, "month"), (d.days, "day")):
        if count:
            return f"every {unit}" if count == 1 else f"every {count} {unit}s"
    return "not set"


@dataclass(frozen=True)
class RiskWarning:
    text: str
    fix: str  # what the change link does, e.g. "Add a contingency plan"
    url_name: str  # "risk-edit" or "risk-escalate"


def risk_fact(risk: Risk) -> RiskFact:
    return RiskFact(
        reference=risk.reference,
        current_band=risk.current_band,
        current_impact=risk.current_impact,
        inherent_impact=risk.inherent_impact,
        has_contingency_plan=bool(risk.contingency_plan.strip()),
        escalated=risk.escalated_on is not None,
        next_review_on=risk.next_review_on,
        identified_on=risk.identified_on,
        opportunity=risk.kind == "opportunity",
    )


def warnings(framework: Framework, risk: Risk, today: date) -> list[RiskWarning]:
    """What the framework's rules say is missing from an open risk."""
    model = framework.risk_model
    if risk.status != RiskStatus.OPEN:
        return []
    found = []
    fact = risk_fact(risk)
    if risk_rules.contingency_missing(model, fact):
        clause = citations.display(risk_rules.CONTINGENCY_CITE, framework)
        found.append(
            RiskWarning(
                "A contingency plan is needed: high impact" + (f" ({clause})" if clause else ""),
                "Add a contingency plan",
                "risk-edit",
            )
        )
    if risk_rules.escalation_missing(model, fact):
        cite = citations.display(model.escalate_cite or model.cite, framework)
        found.append(
            RiskWarning(
                f"Escalate to the Partnership Board and departmental risk register ({cite})",
                "Record the escalation",
                "risk-escalate",
            )
        )
    if risk.next_review_on and risk.next_review_on < today:
        found.append(
            RiskWarning(
                f"The review was due on {risk.next_review_on:%-d %B %Y}", "Record a review", "risk-review"
            )
        )
    return found


def crumbs(partnership: Partnership, risk: Risk | None = None) -> list[dict[str, str]]:
    """Breadcrumbs of a risk page: register, partnership, its risks, and the risk when there is one."""
    items = [
        {"text": "Register", "href": reverse("register")},
        {"text": partnership.name, "href": reverse("partnership", args=[partnership.pk])},
        {"text": "Risks", "href": reverse("risks", args=[partnership.pk])},
    ]
    if risk is not None:
        items.append({"text": risk.reference, "href": reverse("risk", args=[partnership.pk, risk.pk])})
    return items
