"""A council folder holding version 2.0 of Chorley's framework, its three-yearly review shortened to
every year, and key partnerships last reviewed 18 months ago (the tests of ADR 0035 share them)."""

from datetime import date
from pathlib import Path

import pytest

from accord.frameworks import loader
from accord.frameworks.models import PriorCompletion
from tests import factories as f

TODAY = date(2027, 1, 15)
LAST_REVIEWED = date(2025, 7, 15)  # 18 months before TODAY
GO_LIVE = date(2026, 6, 1)
TAKES_EFFECT = date(2027, 2, 1)
REVIEW = "three_yearly_review"


def version_two(folder: Path, repeat: str = "P1Y", version: str = "2.0", name: str = "chorley-2027.yaml"):
    """Chorley's bundled file with a new version number and the review's repeat changed."""
    text = (loader.FILES_DIR / "chorley.yaml").read_text(encoding="utf-8")
    assert 'version: "1.0"' in text
    text = text.replace('version: "1.0"', f'version: "{version}"', 1)
    head, found, tail = text.partition(f"  - id: {REVIEW}\n")
    assert found and "    repeat: P3Y\n" in tail
    path = folder / name
    tail = tail.replace("    repeat: P3Y\n", f"    repeat: {repeat}\n", 1)
    path.write_text(head + found + tail, encoding="utf-8")
    return path


@pytest.fixture
def council_folder(tmp_path, settings):
    settings.ACCORD_FRAMEWORK = "chorley"
    settings.ACCORD_FRAMEWORKS_DIR = str(tmp_path)
    version_two(tmp_path)
    return tmp_path


def key_partnership(name: str):
    partnership = f.PartnershipFactory(name=name, is_key_partnership=True, start_date=date(2012, 4, 1))
    PriorCompletion.objects.create(
        partnership=partnership,
        obligation_id=REVIEW,
        done_on=LAST_REVIEWED,
        framework_id="chorley",
        framework_version="1.0",
        recorded_by_name="Test",
    )
    return partnership


@pytest.fixture
def reviewed(db, council_folder):
    """Two key partnerships last reviewed 18 months ago, and one that is not key."""
    f.track_from(GO_LIVE)
    return {
        "a": key_partnership("Chorley Community Safety Partnership"),
        "b": key_partnership("Chorley Health and Wellbeing Partnership"),
        "other": f.PartnershipFactory(name="Chorley Allotments Forum", start_date=date(2012, 4, 1)),
    }
