"""Three councils' own registers (tests/transfer/council_registers.py) come in as they are: the command
matches their headings, applies the council's defaults, infers each status from its dates, splits the
partners, takes org-ids out of brackets and records when each was last reviewed."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accord.frameworks import loader, services, tracking
from accord.frameworks.apply import obligations_for
from accord.register.models import Contribution, Directorate, Membership, Partnership, PartnershipRole
from tests import factories as f
from tests.clock import on_day

from .council_registers import EXPECTED, FILES, MULTI, OPTIONS, TODAY

DIRECTORATES = [
    "Communities",
    "Leisure",
    "Economic Development",
    "Finance",
    "Adult Social Care",
    "Environment",
    "Children's Services",
    "Highways",
]
GO_LIVE = date(2026, 11, 1)


@pytest.fixture
def register(db, tmp_path):
    f.council()
    for index, name in enumerate(DIRECTORATES):
        Directorate.objects.create(name=name, code=f"D{index}")
    administrator = f.make_user("administrator")
    with on_day(GO_LIVE):
        services.set_tracking_from(
            administrator, GO_LIVE, "Accord went live", framework=loader.get("chorley")
        )
    return tmp_path


def run(path, *options) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_register", str(path), *options, stdout=out, stderr=err)
    except CommandError as refused:
        return refused.returncode, out.getvalue() + err.getvalue() + str(refused)
    return 0, out.getvalue() + err.getvalue()


def write(folder, file_name: str):
    path = folder / file_name
    path.write_bytes(FILES[file_name]())
    return path


@pytest.mark.parametrize("file_name", sorted(FILES))
def test_a_councils_own_register_imports_with_automatic_matching(register, file_name):
    path = write(register, file_name)
    with on_day(TODAY):
        code, said = run(path, *OPTIONS.get(file_name, []))
    assert code == 0, said
    for expected in EXPECTED[file_name]:
        partnership = Partnership.objects.get(name=expected.name)
        assert partnership.status == expected.status, (expected.name, said)
        assert partnership.reference, expected.name
        if expected.statutory is not None:
            assert (partnership.statutory_status == "statutory") is expected.statutory
        members = {
            m.organisation.name: m.organisation.org_id
            for m in Membership.objects.filter(partnership=partnership).select_related("organisation")
            if not m.organisation.is_council
        }
        assert members == expected.partners, expected.name
        leads = PartnershipRole.objects.filter(partnership=partnership, role="lead_officer")
        assert [r.person.name for r in leads] == ([expected.lead_officer] if expected.lead_officer else [])
        cash = Contribution.objects.filter(partnership=partnership, category="finance")
        if expected.contribution:
            assert [c.amount for c in cash] == [Decimal(expected.contribution)], expected.name
        else:
            assert not cash.exists(), expected.name
        done = tracking.last_done_for([partnership.pk]).get(partnership.pk, {})
        if expected.last_reviewed:
            assert expected.last_reviewed in done.values(), (expected.name, done)
        else:
            assert not done, expected.name
    # The command says what it assumed.
    assert "active" in said.lower()


def test_the_last_review_drives_when_the_next_is_due(register):
    path = write(register, "borsetshire.xlsx")
    with on_day(TODAY):
        code, said = run(path)
        assert code == 0, said
        partnership = Partnership.objects.get(name="Borsetshire Community Safety Partnership")
        partnership.is_key_partnership = True
        partnership.save()
        found = obligations_for(partnership, framework=loader.get("chorley"))
        review = next((o for o in found if o.obligation_id == "three_yearly_review"), None)
    assert review is not None, [o.obligation_id for o in found]
    assert review.due == date(2028, 3, 15)  # three years after the last review (Chorley's rule)


@pytest.mark.parametrize("file_name", sorted(FILES))
def test_importing_the_same_file_again_changes_nothing(register, file_name):
    path = write(register, file_name)
    with on_day(TODAY):
        assert run(path, *OPTIONS.get(file_name, []))[0] == 0
        before = {p.name: (p.reference, p.status, p.version) for p in Partnership.objects.all()}
        memberships = Membership.objects.count()
        contributions = Contribution.objects.count()
        code, said = run(path, *OPTIONS.get(file_name, []))
    assert code == 0, said
    assert {p.name: (p.reference, p.status, p.version) for p in Partnership.objects.all()} == before
    assert Membership.objects.count() == memberships
    assert Contribution.objects.count() == contributions


BAD_LINES = [
    "Partnership Name,Service Area,Statutory (Y/N),Start Date,End Date,Council Contribution (£),Partners",
    "Good Partnership,Communities,Y,01/04/2020,,100,Borsetshire Police",
    "Bad Date Partnership,Communities,N,31/02/2024,,100,",
    "Negative Partnership,Communities,N,01/04/2020,,-500,",
    "Bad Org-id Partnership,Communities,N,01/04/2020,,,Someone Ltd (GB-COH-XYZ)",
    "Unknown Yes Partnership,Communities,Perhaps,01/04/2020,,,",
]


def test_every_bad_row_is_reported_with_its_row_number_and_nothing_is_written(register):
    path = register / "bad.csv"
    path.write_bytes(("\r\n".join(BAD_LINES) + "\r\n").encode("utf-8"))
    with on_day(TODAY):
        code, said = run(path, "--default", f"partnership_type={MULTI}")
    assert code != 0
    for row in (3, 4, 5, 6):
        assert f"row {row}:" in said, said
    assert "Traceback" not in said
    assert not Partnership.objects.exists()
