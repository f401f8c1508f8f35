"""Framework files are validated: every bundled file passes; broken copies fail with precise messages."""

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from accord.frameworks import loader

from .sample import sample_framework

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def write(tmp_path: Path, data: dict, name: str = "sample.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def sample_data() -> dict:
    return sample_framework().model_dump(mode="json", exclude_none=True)


def problems(tmp_path, data) -> list[str]:
    return loader.load_path(write(tmp_path, data), SEEDS if SEEDS.is_dir() else None).problems


def test_the_sample_is_valid(tmp_path):
    assert problems(tmp_path, sample_data()) == []


def test_overlapping_bands_are_rejected_naming_the_score(tmp_path):
    data = sample_data()
    data["risk_model"]["bands"][0]["max"] = 4  # Bury's printed table: Low 1-4 and Medium 4-6
    assert "sample.yaml: risk_model.bands: bands 'low' and 'medium' overlap at 4" in problems(tmp_path, data)


def test_a_gap_in_the_bands_is_rejected(tmp_path):
    data = sample_data()
    data["risk_model"]["bands"][1]["max"] = 5
    data["risk_model"]["bands"][2]["min"] = 9
    found = problems(tmp_path, data)
    assert "sample.yaml: risk_model.bands: no band covers score 6, 8" in found


def test_a_grid_that_does_not_match_the_scales_is_rejected(tmp_path):
    data = sample_data()
    data["risk_model"]["grid"] = [[1, 2, 3], [2, 4, 6]]
    assert any("risk_model.grid: grid must have 4 rows" in p for p in problems(tmp_path, data))


def test_unknown_references_are_rejected(tmp_path):
    data = sample_data()
    data["obligations"][0]["tiers"] = ["strategic"]
    data["obligations"][0]["artefact"] = "annual_report"
    found = problems(tmp_path, data)
    assert any(p.startswith("sample.yaml: obligations.0.tiers.0: unknown tier 'strategic'") for p in found)
    assert any(
        p.startswith("sample.yaml: obligations.0.artefact: unknown artefact 'annual_report'") for p in found
    )


def test_a_cadence_that_does_not_parse_is_rejected(tmp_path):
    data = sample_data()
    data["obligations"][0]["repeat"] = "yearly"
    assert "sample.yaml: obligations.0.repeat: 'yearly' is not a duration like P6M, P1Y or P10D" in problems(
        tmp_path, data
    )


def test_duplicate_ids_are_rejected(tmp_path):
    data = sample_data()
    data["obligations"].append(copy.deepcopy(data["obligations"][0]))
    assert "sample.yaml: obligations: duplicate id 'progress'" in problems(tmp_path, data)


def test_a_citation_must_name_a_document_and_section(tmp_path):
    data = sample_data()
    data["definition"]["cite"] = "the Redditch toolkit"
    assert any(
        p.startswith("sample.yaml: definition.cite: Value error, cite must be a document's file name")
        for p in problems(tmp_path, data)
    )


def test_a_cited_document_must_be_declared_with_its_title(tmp_path):
    data = sample_data()
    data["definition"]["cite"] = "001_c825c913872835d1.txt 3.4"
    data["risk_model"]["escalate_cite"] = "002_6044d9ccbdf05958.txt Risk Management"
    found = problems(tmp_path, data)
    assert (
        "sample.yaml: definition.cite: cites 001_c825c913872835d1.txt, which is not declared in "
        "source_documents (add it with the title users know it by)"
    ) in found
    assert any(
        p.startswith("sample.yaml: risk_model.escalate_cite: cites 002_6044d9ccbdf05958.txt") for p in found
    )


def test_source_documents_are_required_and_declared_once(tmp_path):
    data = sample_data()
    data["source_documents"] = data["source_documents"] * 2
    assert "sample.yaml: source_documents: declares 004_0d99c29b5f1d20f0.txt more than once" in problems(
        tmp_path, data
    )
    del data["source_documents"]
    assert "sample.yaml: source_documents: Field required" in problems(tmp_path, data)


def test_a_citation_reads_as_the_document_title_and_section():
    framework = sample_framework()
    assert framework.cite_text("004_0d99c29b5f1d20f0.txt 3") == "Sample Framework, 3"
    assert framework.cite_text("004_0d99c29b5f1d20f0.txt App 4a; 004_0d99c29b5f1d20f0.txt 6") == (
        "Sample Framework, App 4a; Sample Framework, 6"
    )
    assert framework.cite_text("") == ""
    # an undeclared file is never shown, nor its section: it is another document's clause (ADR 0027)
    assert framework.cite_text("001_c825c913872835d1.txt 3.4") == ""
    assert (
        framework.cite_text("001_c825c913872835d1.txt 3.4; 004_0d99c29b5f1d20f0.txt 6")
        == "Sample Framework, 6"
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside this checkout")
def test_a_citation_to_a_section_the_seed_does_not_have_is_rejected(tmp_path):
    data = sample_data()
    data["definition"]["cite"] = "004_0d99c29b5f1d20f0.txt 97.3"
    assert (
        "sample.yaml: definition.cite: cites section '97.3', which 004_0d99c29b5f1d20f0.txt does not have"
        in (problems(tmp_path, data))
    )


def test_the_cli_exits_non_zero_listing_every_problem(tmp_path):
    data = sample_data()
    data["obligations"][0]["repeat"] = "yearly"
    data["risk_model"]["bands"][0]["max"] = 4
    path = write(tmp_path, data)
    result = subprocess.run(
        [sys.executable, "-m", "django", "framework", "validate", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "accord.settings_test"},
    )
    assert result.returncode == 1
    assert "obligations.0.repeat" in result.stderr and "overlap at 4" in result.stderr
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "framework",
            "validate",
            str(write(tmp_path, sample_data(), "ok.yaml")),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "accord.settings_test"},
    )
    assert ok.returncode == 0, ok.stderr
    assert "ok.yaml: valid" in ok.stdout
