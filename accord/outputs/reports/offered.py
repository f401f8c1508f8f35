"""The reports offered under a framework, as the Rulebook shows them (accord.frameworks.offered_reports):
each report Accord writes under it, with how often in words."""

from accord.frameworks.offered_reports import OfferedReport
from accord.frameworks.schema import Framework

from . import periods
from .builders import kinds_for

CADENCE_WORDS = {
    periods.YEAR: "Each financial year (1 April to 31 March)",
    periods.HALF_YEAR: "Each half of the financial year (April to September, October to March)",
    periods.TWELVE_MONTHS: "Over the last 12 months",
}


def reports_offered(framework: Framework) -> list[OfferedReport]:
    return [
        OfferedReport(
            id=kind.id,
            title=kind.title,
            audience=kind.audience,
            cadence=CADENCE_WORDS.get(kind.cadence, ""),
            description=kind.description,
            cite=kind.cite,
        )
        for kind in kinds_for(framework, council_wide=False).values()
    ]
