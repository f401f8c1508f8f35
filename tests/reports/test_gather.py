"""How the reports read the record: a fixed number of queries whatever the number of partnerships,
and the same obligations whether worked out on the spot or read from the kept statuses."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accord.frameworks import loader, store
from accord.outputs.reports import gather
from accord.outputs.reports.builders import PACK, build, kinds_for
from accord.register.access import visible_partnerships
from tests import factories as f

from . import factories as r
from .conftest import YEAR


def queries_for(kind, context) -> int:
    with CaptureQueriesContext(connection) as captured:
        build(kind, context())
    return len(captured)


def add_partnerships(n: int) -> None:
    for i in range(n):
        p = f.PartnershipFactory(name=f"Extra partnership {i}", start_date=date(2020, 1, 1))
        r.moved(p, "active", date(2020, 1, 1))
        r.rated(p, "limited", date(2025, 6, 1))
        r.risk(p, "R-01", "A high risk", "high", 12)
        f.ContributionFactory(partnership=p, year=2025)
        r.value(
            r.indicator(p, "Visits", "10"), date(2025, 4, 1), date(2025, 6, 30), "5", "off_target", "More"
        )
        r.budget(p, 2025, "100", "120")


def test_each_council_report_makes_the_same_number_of_queries_for_more_partnerships(context, known, settings):
    for framework_id in ("chorley", "central_bedfordshire"):  # Accord's own and every declared report
        settings.ACCORD_FRAMEWORK = framework_id
        check_queries(kinds_for(framework_id).values(), context)


def check_queries(kinds, context) -> None:
    for kind in kinds:
        before = queries_for(kind, context)
        add_partnerships(4)
        after = queries_for(kind, context)
        assert after == before, f"{kind.id}: {before} queries for the known register, {after} with 4 more"


def test_the_pack_makes_the_same_number_of_queries_however_much_it_holds(context, known):
    safety = known["safety"]
    with CaptureQueriesContext(connection) as small:
        build(PACK, context(YEAR), safety)
    for n in range(5):
        r.risk(safety, f"R-1{n}", "Another risk", "medium", 6)
        r.value(
            r.indicator(safety, f"Indicator {n}", "10"),
            date(2025, 4, 1),
            date(2025, 6, 30),
            "5",
            "off_target",
        )
    with CaptureQueriesContext(connection) as large:
        build(PACK, context(YEAR), safety)
    assert len(large) == len(small)


def test_kept_statuses_and_statuses_worked_out_on_the_spot_agree(known, users):
    framework = loader.current()
    today = timezone.localdate()
    visible = visible_partnerships(users["administrator"])
    ids = list(visible.values_list("pk", flat=True))
    store.refresh_all(today, framework=loader.current())
    live = gather._live(framework, visible, ids, today)
    kept = gather._kept(framework, ids)
    assert set(kept) == set(live)
    for pk in live:
        assert kept[pk].tier_name == live[pk].tier_name
        assert sorted(kept[pk].obligations) == sorted(live[pk].obligations)
