"""The demo council's published register: how its published partnerships are governed and how to
complain, and a published progress report. Called from accord.site.demo after the monitoring demo."""

from django.contrib.auth import get_user_model

from accord.domain.monitoring.models import ProgressReport, ReportStatus
from accord.domain.monitoring.publishing import set_report_published
from accord.register import services
from accord.register.models import Partnership

from .queries import published_partnerships

COUNCIL_COMPLAINTS = "https://www.chorley.gov.uk/complaints"
GOVERNED = (
    "{name} is run by a board of senior representatives of its partner organisations, which meets "
    "quarterly in public and takes decisions by consensus. {lead} provides the secretariat. Its "
    "minutes and annual report are published, and the council's Overview and Scrutiny Committee "
    "reviews its work."
)
COMPLAINTS = (
    "Complaints about the partnership's work are handled under the joint complaints procedure agreed by "
    "the partners: contact the partnership's secretariat at {lead} and your complaint will be passed to "
    "the partner responsible, which will reply within 20 working days. Complaints about the council's "
    "part in the partnership go through the council's own complaints procedure."
)


def load(username: str = "officer") -> int:
    """Fill the public fields on the published demo partnerships: every one says how it is governed;
    all but every fourth has a joint complaints procedure (the rest show the council's, the fallback);
    the first published partnership with a submitted progress report has it published."""
    user = get_user_model().objects.filter(username=username).first()
    filled = 0
    for index, partnership in enumerate(
        Partnership.objects.filter(is_published=True)
        .select_related("lead_organisation")
        .order_by("reference")
    ):
        if partnership.is_finished or partnership.governance_summary:
            continue
        lead = partnership.lead_organisation.name
        values = {"governance_summary": GOVERNED.format(name=partnership.name, lead=lead)}
        if index % 4 != 3:
            values["complaints_procedure"] = COMPLAINTS.format(lead=lead)
            values["complaints_url"] = COUNCIL_COMPLAINTS
        services.update(
            user, Partnership, partnership.pk, values, partnership.version, "Demo: published register"
        )
        filled += 1
    report = (
        ProgressReport.objects.filter(
            partnership__in=published_partnerships(), status=ReportStatus.SUBMITTED, is_published=False
        )
        .select_related("partnership")
        .order_by("partnership__reference")
        .first()
    )
    if report is not None and not report.partnership.is_finished:
        set_report_published(user, report, True)
    return filled
