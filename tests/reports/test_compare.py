"""Snapshot and compare: an issued report is frozen, and a later report says what changed since,
row by row (added, no longer listed, changed cells). The comparison itself is a pure function,
checked with properties."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.frameworks import loader
from accord.outputs.reports import compare, services
from accord.outputs.reports.builders import KINDS, build
from accord.outputs.reports.structure import Report, Section, Table, from_json, to_json
from tests import factories as f

from . import factories as r

ANNUAL = KINDS["annual"]


def issue(context, users, text="That the report be noted."):
    report = build(ANNUAL, context())
    return services.issue(users["administrator"], report, ANNUAL, loader.current(), text)


def changes_of(report) -> dict[str, list[list]]:
    section = report.section(compare.CHANGES)
    assert section is not None, "the report has no 'what changed since' section"
    return {t.id: t.rows for t in section.tables}


def test_a_rating_down_a_partnership_added_and_one_removed_are_what_changed(context, users, known):
    snapshot = issue(context, users)
    # Since the report was issued: Lancashire Waste's rating goes down, a new partnership starts
    # and Active Nation Leisure closes (all within the same year, so the report is re-run for it).
    r.rated(known["waste"], "limited", date(2026, 3, 20), ["Two answers scored 1"])
    newcomer = f.PartnershipFactory(name="Chorley Youth Zone", reference="ZONE-01")
    r.moved(newcomer, "active", date(2026, 2, 1))
    r.moved(known["leisure"], "closed", date(2026, 3, 1), from_status="leaving")

    later = services.with_changes_since(build(ANNUAL, context()), snapshot)
    changed = changes_of(later)
    register = {(row[0], row[1]): row[2] for row in changed["changes-register"]}
    assert register[("ZONE-01", "Added")].startswith("Partnership: Chorley Youth Zone; Type: ")
    assert register[("LEIS-01", "No longer listed")].startswith("Partnership: Active Nation Leisure")
    assert register[("WASTE-01", "Changed")] == "Assurance rating: Reasonable → Limited"
    assert [row[:2] for row in changed["changes-limited_weak"]] == [["WASTE-01", "Added"]]
    section = later.section(compare.CHANGES)
    assert section.heading.startswith("What changed since ")
    assert later.sections[1] is section  # read straight after the summary


def test_the_live_report_page_says_what_changed_since_the_last_issue(client, context, users, known):
    issue(context, users)
    r.rated(known["waste"], "weak", date(2026, 3, 20))
    client.force_login(users["member"])
    page = client.get(reverse("report", args=["annual"]), {"period": "2025-26"}).content.decode()
    assert "What changed since" in page
    assert "Assurance rating: Reasonable → Weak" in page


def test_a_later_issue_shows_what_changed_since_the_issue_before_it(client, context, users, known):
    first = issue(context, users)
    r.rated(known["safety"], "weak", date(2026, 3, 1))
    second = issue(context, users)
    client.force_login(users["auditor"])
    page = client.get(reverse("report-snapshot", args=[second.pk])).content.decode()
    assert "Assurance rating: Limited → Weak" in page
    first_page = client.get(reverse("report-snapshot", args=[first.pk])).content.decode()
    assert "What changed since" not in first_page  # nothing was issued before the first


def test_nothing_changed_says_so(context, users, known):
    snapshot = issue(context, users)
    later = services.with_changes_since(build(ANNUAL, context()), snapshot)
    assert (
        "Nothing in the report's tables has changed since then." in later.section(compare.CHANGES).paragraphs
    )


def test_snapshots_cannot_be_changed_or_deleted(context, users, known):
    import pytest

    from accord.kernel.audit.models import ImmutableError

    snapshot = issue(context, users)
    snapshot.title = "Rewritten"
    with pytest.raises(ImmutableError):
        snapshot.save()
    with pytest.raises(ImmutableError):
        snapshot.delete()


# --------------------------------------------------------------------------------------------
# The pure comparison
# --------------------------------------------------------------------------------------------

cells = st.one_of(
    st.none(),
    st.integers(-1000, 1000),
    st.text(max_size=8),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
)
keys = st.text(alphabet="ABCDEF", min_size=1, max_size=3)


@st.composite
def tables(draw) -> Table:
    chosen = draw(st.lists(keys, unique=True, max_size=6))
    rows = [[key, draw(cells), draw(cells)] for key in chosen]
    return Table("t", "A table", ["Key", "One", "Two"], rows)


def report_with(table: Table) -> Report:
    return Report(
        "annual",
        "Report",
        "Chorley Council",
        "Audit Committee",
        date(2025, 4, 1),
        date(2026, 3, 31),
        datetime(2026, 5, 1, tzinfo=UTC),
        sections=[Section("s", "Section", [], [table])],
    )


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # slow draws on a busy CI machine
@given(tables())
def test_a_report_compared_with_itself_has_no_changes(table):
    assert not compare.compare(report_with(table), report_with(table)).any


@given(tables(), tables())
def test_what_was_added_one_way_was_removed_the_other(a, b):
    forwards = compare.compare(report_with(a), report_with(b)).tables[0]
    backwards = compare.compare(report_with(b), report_with(a)).tables[0]
    assert {label for label, _ in forwards.added} == {label for label, _ in backwards.removed}
    assert {label for label, _ in forwards.removed} == {label for label, _ in backwards.added}
    assert {c.label for c in forwards.changed} == {c.label for c in backwards.changed}


@given(tables(), tables())
def test_every_row_of_both_is_accounted_for(a, b):
    result = compare.compare(report_with(a), report_with(b)).tables[0]
    kept = {row[0] for row in a.rows} & {row[0] for row in b.rows}
    assert len(result.added) == len(b.rows) - len(kept)
    assert len(result.removed) == len(a.rows) - len(kept)
    assert len(result.changed) <= len(kept)


@given(tables())
def test_a_report_survives_being_frozen_and_read_back(table):
    report = report_with(table)
    assert from_json(to_json(report)) == report


def test_tables_without_a_key_are_not_compared():
    a = Table("t", "Log", ["When"], [["x"]], key=None)
    b = Table("t", "Log", ["When"], [["y"]], key=None)
    assert compare.compare(report_with(a), report_with(b)).tables == []


def test_changed_money_reads_as_pounds():
    a = Table("t", "Money", ["Key", "Amount (£)"], [["CSP-01", Decimal("1000")]], money=(1,))
    b = Table("t", "Money", ["Key", "Amount (£)"], [["CSP-01", Decimal("1500.50")]], money=(1,))
    section = compare.changes_section(compare.compare(report_with(a), report_with(b)))
    assert section.tables[0].rows == [["CSP-01", "Changed", "Amount (£): £1,000 → £1,500.50"]]
