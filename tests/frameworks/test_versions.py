"""A new version of a framework takes effect when an administrator adopts it, from a chosen day, after
a preview of what it changes; results computed before keep their version (ADR 0035)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.frameworks import adoption, apply, engine, impact, loader, store, versions
from accord.frameworks.checks_startup import adopted_files_unchanged
from accord.frameworks.models import ComplianceSnapshot, FrameworkAdoption
from accord.kernel.audit.append_only import ImmutableError
from accord.kernel.audit.models import AuditEvent
from tests.clock import on_day
from tests.frameworks import versions_setup
from tests.frameworks.versions_setup import REVIEW, TAKES_EFFECT, TODAY, key_partnership, version_two

council_folder = versions_setup.council_folder
reviewed = versions_setup.reviewed


def review(partnership) -> engine.ObligationResult:
    results = apply.obligations_for(partnership, framework=loader.current())
    return next(r for r in results if r.obligation_id == REVIEW)


@pytest.mark.django_db
def test_adopting_a_shortened_cadence_previews_who_becomes_due_and_takes_effect_on_its_date(reviewed, users):
    admin = users["administrator"]
    with on_day(TODAY):
        assert loader.current().version == "1.0"  # version 2.0 is in the folder, but not adopted
        before = review(reviewed["a"])
        assert (before.status, before.due) == (engine.MET, date(2028, 7, 15))
        assessed_before = apply.record_assessment(reviewed["a"], admin, {}, framework=loader.current())
        store.refresh_all(framework=loader.current())

        found = adoption.preview("chorley", "2.0", TAKES_EFFECT)
        assert (found.version_before, found.version_after) == ("1.0", "2.0")
        assert (
            "Duty 'Review of the key partnership for continuing relevance to the Council's priorities': "
            "repeats every year (was every 3 years)."
        ) in found.summary
        becoming = found.by_kind()[impact.BECOMES_DUE]
        assert {pk for pk, _ in becoming} == {reviewed["a"].pk, reviewed["b"].pk}
        assert all(change.after == "Overdue, due 15 July 2026" for _, change in becoming)
        moved = {pk: (c.before, c.after) for pk, c in found.by_kind()[impact.DUE_DATE]}
        assert moved[reviewed["a"].pk] == ("15 July 2028", "15 July 2026")
        assert reviewed["other"].pk not in found.changes

        adoption.adopt(admin, "chorley", "2.0", TAKES_EFFECT, "Approved by Executive Cabinet")
        assert loader.current().version == "1.0"  # not before its date
        assert review(reviewed["a"]).status == engine.MET

    with on_day(TAKES_EFFECT):
        assert loader.current().version == "2.0"
        after = review(reviewed["a"])
        assert (after.status, after.due) == (engine.OVERDUE, date(2026, 7, 15))
        assessed_before.refresh_from_db()
        assert assessed_before.framework_version == "1.0"  # results computed before keep their version
        assessed_after = apply.record_assessment(reviewed["a"], admin, {}, framework=loader.current())
        assert assessed_after.framework_version == "2.0"
        assert store.snapshot(loader.current()) is None  # the kept statuses under 1.0 are stale
        store.refresh_changed([reviewed["a"].pk], framework=loader.current())
        kept = ComplianceSnapshot.objects.get()
        assert (kept.framework_version, kept.refreshed_on) == ("2.0", TAKES_EFFECT)


@pytest.mark.django_db
def test_an_adoption_is_recorded_in_the_history_and_cannot_be_changed(reviewed, users):
    with on_day(TODAY):
        row = adoption.adopt(users["administrator"], "chorley", "2.0", TAKES_EFFECT, "Cabinet 12/1")
    assert row.sha256 == versions.sha256_of(loader.council_dir() / "chorley-2027.yaml")
    assert (row.file_name, row.adopted_by) == ("chorley-2027.yaml", users["administrator"].display_name)
    event = AuditEvent.objects.get(object_type="framework adoption")
    assert event.reason == "Cabinet 12/1"
    assert {c["new"] for c in event.changes} >= {"2.0", "1 February 2027"}
    with pytest.raises(ImmutableError):
        FrameworkAdoption.objects.filter(pk=row.pk).update(version="3.0")


@pytest.mark.django_db
def test_adoption_refuses_a_past_date_no_reason_an_unknown_version_and_changing_nothing(reviewed, users):
    admin = users["administrator"]
    with on_day(TODAY):
        with pytest.raises(adoption.AdoptionError, match="today or in the future"):
            adoption.adopt(admin, "chorley", "2.0", date(2027, 1, 14), "x")
        with pytest.raises(adoption.AdoptionError, match="Enter why"):
            adoption.adopt(admin, "chorley", "2.0", TAKES_EFFECT, "  ")
        with pytest.raises(KeyError):
            adoption.adopt(admin, "chorley", "9.9", TAKES_EFFECT, "x")
        with pytest.raises(adoption.AdoptionError, match="already in force"):
            adoption.adopt(admin, "chorley", "1.0", TAKES_EFFECT, "x")
        adoption.adopt(admin, "chorley", "2.0", TAKES_EFFECT, "x")
        with pytest.raises(adoption.AdoptionError, match="already adopted from 1 February 2027"):
            adoption.adopt(admin, "chorley", "2.0", TAKES_EFFECT, "again")
    assert FrameworkAdoption.objects.count() == 1


@pytest.mark.django_db
def test_adopting_the_version_in_force_from_today_withdraws_a_pending_adoption(reviewed, users):
    admin = users["administrator"]
    with on_day(TODAY):
        adoption.adopt(admin, "chorley", "2.0", TAKES_EFFECT, "Cabinet")
        assert "replaces the adoption of version 2.0" in adoption.situation("chorley", "1.0", TODAY)
        adoption.adopt(admin, "chorley", "1.0", TODAY, "Cabinet asked for more time")
    with on_day(TAKES_EFFECT):
        assert loader.current().version == "1.0"
        assert [r.pending for r in versions.rows("chorley")] == [None, None]


@pytest.mark.django_db
def test_a_later_adoption_of_another_version_leaves_an_earlier_pending_one_standing(reviewed, users):
    admin = users["administrator"]
    with on_day(TODAY):
        adoption.adopt(admin, "chorley", "2.0", TAKES_EFFECT, "Cabinet")
        meaning = adoption.situation("chorley", "1.0", date(2027, 3, 1))
        assert "Version 2.0 still takes effect on 1 February 2027." in meaning
        adoption.adopt(admin, "chorley", "1.0", date(2027, 3, 1), "Only for February")
    with on_day(TAKES_EFFECT):
        assert loader.current().version == "2.0"
    with on_day(date(2027, 3, 1)):
        assert loader.current().version == "1.0"


@pytest.mark.django_db
def test_an_older_version_adopted_again_is_back_in_force_from_its_date(reviewed, users):
    admin = users["administrator"]
    with on_day(TODAY):
        adoption.adopt(admin, "chorley", "2.0", TODAY, "Cabinet")
        assert loader.current().version == "2.0"
        assert "older than the version in force (2.0)" in adoption.situation("chorley", "1.0", TAKES_EFFECT)
        adoption.adopt(admin, "chorley", "1.0", TAKES_EFFECT, "Back to the old review cycle")
    with on_day(TAKES_EFFECT):
        assert loader.current().version == "1.0"


@pytest.mark.django_db
def test_a_file_changed_after_its_adoption_is_warned_about_and_still_used(reviewed, users, council_folder):
    with on_day(TODAY):
        adoption.adopt(users["administrator"], "chorley", "2.0", TODAY, "Cabinet")
        assert adopted_files_unchanged(None) == []
        version_two(council_folder, repeat="P2Y")
        assert loader.current().version == "2.0"
        assert next(o for o in loader.current().obligations if o.id == REVIEW).repeat == "P2Y"
        warnings = adopted_files_unchanged(None)
        assert [w.id for w in warnings] == ["accord.W010"]
        assert "chorley-2027.yaml (version 2.0) has changed since it was adopted" in warnings[0].msg


@pytest.mark.django_db
def test_two_files_giving_one_version_are_refused_by_name(council_folder):
    version_two(council_folder, name="chorley-copy.yaml")
    with pytest.raises(ValueError, match="Two files define version 2.0"):
        loader.current()


@pytest.mark.django_db
def test_with_several_files_and_no_adoption_the_lowest_version_is_in_force(council_folder):
    version_two(council_folder, version="1.10", name="chorley-1-10.yaml")
    assert loader.current().version == "1.0"
    assert [r.version for r in versions.rows("chorley")] == ["2.0", "1.10", "1.0"]


def test_one_file_is_in_force_without_any_query(settings, django_assert_num_queries, db):
    settings.ACCORD_FRAMEWORK = "redditch"
    with django_assert_num_queries(0):
        assert loader.current().id == "redditch"
        assert loader.get("chorley").version == "1.0"


def adopted(version, takes_effect_on, adopted_on, order):
    return versions.Adopted(version, takes_effect_on, adopted_on, order)


def test_the_latest_adoption_taking_effect_on_or_before_the_day_is_in_force():
    jan, feb, mar = date(2027, 1, 10), date(2027, 2, 1), date(2027, 3, 1)
    two_from_feb = adopted("2.0", feb, jan, 1)
    assert versions.version_in_force(["1.0", "2.0"], [], mar) == "1.0"
    assert versions.version_in_force(["1.0", "2.0"], [two_from_feb], jan) == "1.0"
    assert versions.version_in_force(["1.0", "2.0"], [two_from_feb], feb) == "2.0"
    moved = [two_from_feb, adopted("2.0", mar, jan, 2)]  # the same version, a new date
    assert versions.version_in_force(["1.0", "2.0"], moved, feb) == "1.0"
    assert versions.version_in_force(["1.0", "2.0"], moved, mar) == "2.0"
    in_turn = [two_from_feb, adopted("3.0", mar, jan, 2)]  # a later version after it: both stand
    assert [versions.version_in_force(["1.0", "2.0", "3.0"], in_turn, d) for d in (jan, feb, mar)] == [
        "1.0",
        "2.0",
        "3.0",
    ]
    gone = [adopted("9.0", jan, jan, 1)]  # a version whose file is no longer there
    assert versions.version_in_force(["1.0", "2.0"], gone, mar) == "1.0"


def test_versions_are_ordered_as_numbers():
    assert sorted(["1.10", "1.9", "2.0", "1.0"], key=versions.version_key) == ["1.0", "1.9", "1.10", "2.0"]


@pytest.mark.django_db
def test_the_preview_reads_the_register_in_bulk_whatever_its_size(reviewed):
    def queries() -> int:
        with on_day(TODAY), CaptureQueriesContext(connection) as captured:
            adoption.preview("chorley", "2.0", TAKES_EFFECT)
        return len(captured)

    few = queries()
    for n in range(6):
        key_partnership(f"Key partnership {n}")
    assert queries() == few
    with on_day(TODAY):
        assert len(adoption.preview("chorley", "2.0", TAKES_EFFECT).changes) == 8
