"""Parts of the partnership pack: the register entry, the risk register, the delivery plan's
milestones and the representatives' meetings."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from accord.domain.monitoring.models import Milestone
from accord.domain.representation.models import Meeting, ReportBack
from accord.domain.risks.models import RiskStatus
from accord.frameworks.schema import Framework
from accord.kernel.ui.formatting import money
from accord.register.models import Partnership

from ..periods import Period
from ..structure import Cell, Section, Table


def entry(p: Partnership, found, today: date) -> Section:
    lead = (
        p.roles.filter(role="lead_officer")
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("person")
        .first()
    )
    fields: list[list[Cell]] = [
        ["Reference", p.reference],
        ["Name", p.name],
        ["Description", p.description],
        ["Type", p.partnership_type.name],
        ["Status", p.get_status_display()],
        ["Tier", found.tier_name if found else ""],
        ["Listed as a key partnership", "Yes" if p.is_key_partnership else "No"],
        ["Lead organisation", p.lead_organisation.name],
        ["Accountable body", p.accountable_body.name if p.accountable_body_id else ""],
        ["The council's role", p.get_council_role_display()],
        ["Lead directorate or service", p.directorate.name],
        ["Lead officer", lead.person.name if lead else ""],
        ["Statutory status", p.get_statutory_status_display()],
        ["Started", p.start_date],
        ["Planned end", p.proposed_end_date],
        ["Accountable to", p.accountable_to],
        ["Monitoring arrangements", p.monitoring_arrangements],
        ["Council contribution in the latest year", money(p.latest_year_contribution)],
    ]
    members = [
        [m.organisation.name, m.get_role_display(), m.start_date, m.end_date]
        for m in p.memberships.select_related("organisation")
    ]
    people = [
        [r.person.name, r.get_role_display(), r.start_date, r.end_date]
        for r in p.roles.select_related("person").order_by("role", "person__name")
    ]
    contributions = [
        [c.financial_year, c.get_category_display(), c.amount, c.hours, c.description]
        for c in p.contributions.all()
    ]
    return Section(
        "entry",
        "Register entry",
        [],
        [
            Table("entry", "The partnership's record", ["Detail", "Value"], fields),
            Table(
                "members",
                "Member organisations",
                ["Organisation", "Role", "Joined", "Left"],
                members,
                empty="No member organisations recorded.",
            ),
            Table(
                "people",
                "People and their roles",
                ["Person", "Role", "From", "Until"],
                people,
                key=(0, 1),
                empty="No people recorded.",
            ),
            Table(
                "contributions",
                "The council's contributions",
                ["Financial year", "Kind", "Amount (£)", "Officer hours a year", "Description"],
                contributions,
                key=(0, 1, 4),
                numeric=(2, 3),
                money=(2,),
                totals=True,
                empty="No contributions recorded.",
            ),
        ],
    )


def risks(p: Partnership, framework: Framework) -> Section:
    bands = {b.id: b.name for b in framework.risk_model.bands}
    rows = [
        [
            r.reference,
            r.title + (" (opportunity)" if r.kind == "opportunity" else ""),
            r.inherent_score,
            r.current_score,
            r.target_score,
            bands.get(r.current_band, r.current_band or "Not scored"),
            r.owner,
            r.next_review_on,
            r.escalated_on,
        ]
        for r in p.risks.filter(status=RiskStatus.OPEN).order_by("reference")
    ]
    return Section(
        "risks",
        "Joint risk register",
        [f"Open risks and opportunities, scored on the {framework.name} matrix."],
        [
            Table(
                "risks",
                "Open risks",
                [
                    "Reference",
                    "Risk",
                    f"{framework.risk_model.scores.inherent} score",
                    f"{framework.risk_model.scores.current} score",
                    f"{framework.risk_model.scores.target} score",
                    "Band",
                    "Owner",
                    "Next review",
                    "Escalated on",
                ],
                rows,
                numeric=(2, 3, 4),
                empty="No open risks.",
            )
        ],
    )


def milestones(p: Partnership, period: Period) -> Table:
    rows = [
        [m.title, m.due_on, m.get_status_display(), m.completed_on, m.owner]
        for m in Milestone.objects.filter(partnership=p, due_on__gte=period.start, due_on__lte=period.end)
    ]
    return Table(
        "milestones",
        "Delivery plan milestones due in the period",
        ["Milestone", "Due", "Status", "Completed on", "Owner"],
        rows,
        key=(0, 1),
        empty="No milestones were due in the period.",
    )


def representation(p: Partnership, period: Period) -> Section:
    """The partnership's meetings in the period and who attended, and the representatives' reports
    back (accord.domain.representation)."""
    meetings = [
        [
            m.held_on,
            m.title,
            "; ".join(f"{a.person.name} ({a.get_status_display().lower()})" for a in m.attendance.all()),
        ]
        for m in Meeting.objects.filter(partnership=p, held_on__gte=period.start, held_on__lte=period.end)
        .prefetch_related("attendance__person")
        .order_by("held_on", "id")
    ]
    report_backs = [
        [r.reported_on, r.person.name, r.reported_to, r.summary]
        for r in ReportBack.objects.filter(
            partnership=p, reported_on__gte=period.start, reported_on__lte=period.end
        )
        .select_related("person")
        .order_by("reported_on", "id")
    ]
    return Section(
        "representation",
        "Representatives",
        [],
        [
            Table(
                "meetings",
                "Partnership meetings in the period",
                ["Held on", "Meeting", "Representatives"],
                meetings,
                key=None,
                empty="No meetings recorded in the period.",
            ),
            Table(
                "report_backs",
                "Reports back to the council",
                ["Reported on", "Representative", "Reported to", "Summary"],
                report_backs,
                key=None,
                empty="No reports back recorded in the period.",
            ),
        ],
    )
