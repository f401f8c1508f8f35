"""The committee reports a framework declares (ADR 0032) are checked when the file is loaded: a block
Accord does not build, a duplicate id, an unknown placeholder or condition, a section Accord writes
itself, a citation of an undeclared document are each refused with a message naming the place."""

from pathlib import Path

import yaml

from accord.frameworks import loader
from accord.frameworks.schema import REPORT_BLOCKS

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def chorley() -> dict:
    return yaml.safe_load((loader.FILES_DIR / "chorley.yaml").read_text(encoding="utf-8"))


def problems(tmp_path: Path, data: dict) -> list[str]:
    path = tmp_path / "council.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return loader.load_path(path, SEEDS if SEEDS.is_dir() else None).problems


def test_the_bundled_reports_pass(tmp_path):
    data = chorley()
    assert [r["id"] for r in data["reports"]] == ["key-partnerships"]
    assert problems(tmp_path, data) == []


def test_a_block_accord_does_not_build_is_refused_naming_the_known_ones(tmp_path):
    data = chorley()
    data["reports"][0]["sections"][0]["blocks"][0]["block"] = "league_table"
    found = problems(tmp_path, data)
    assert len(found) == 1
    assert found[0].startswith(
        "council.yaml: reports.0.sections.0.blocks.0.block: unknown block 'league_table' (known: "
    )
    assert all(block in found[0] for block in REPORT_BLOCKS)


def test_duplicate_report_section_and_table_ids_are_refused(tmp_path):
    data = chorley()
    report = data["reports"][0]
    data["reports"].append(dict(report))
    report["sections"][1]["id"] = report["sections"][0]["id"]
    report["sections"][1]["blocks"].append({"block": "indicators"})  # also in section 0
    found = problems(tmp_path, data)
    assert "council.yaml: reports: duplicate id 'key-partnerships'" in found
    assert "council.yaml: reports.0.sections: duplicate section id 'performance'" in found
    assert (
        "council.yaml: reports.0.sections: table 'indicators' appears twice: give one block its own table id"
        in found
    )


def test_an_unknown_placeholder_is_refused(tmp_path):
    data = chorley()
    data["reports"][0]["summary"][0] = "The {budget} of {count} partnerships."
    found = problems(tmp_path, data)
    assert any(
        p.startswith("council.yaml: reports.0.summary.0: Value error, unknown placeholder '{budget}'")
        for p in found
    ), found


def test_an_unknown_condition_a_reserved_section_and_accords_own_report_id_are_refused(tmp_path):
    data = chorley()
    report = data["reports"][0]
    report["suggested"][1]["when"] = "overbudget"
    report["sections"][0]["id"] = "recommendations"
    found = problems(tmp_path, data)
    assert any(
        p.startswith("council.yaml: reports.0.suggested.1.when: unknown count 'overbudget'") for p in found
    )
    assert (
        "council.yaml: reports.0.sections.0.id: 'recommendations' is written by Accord: choose another id"
        in found
    )
    data = chorley()
    data["reports"][0]["id"] = "annual"
    assert (
        "council.yaml: reports.0.id: 'annual' is one of Accord's own reports: choose another id"
        in problems(tmp_path, data)
    )


def test_a_report_citing_an_undeclared_document_is_refused(tmp_path):
    data = chorley()
    data["reports"][0]["cite"] = "000_b25245c80d994d06.txt 2.11.2"
    found = problems(tmp_path, data)
    assert any(
        p.startswith("council.yaml: reports.0.cite: cites 000_b25245c80d994d06.txt, which is not declared")
        for p in found
    )


def test_covering_the_key_tier_needs_one(tmp_path):
    data = chorley()
    data["reports"][0]["covers"] = "key_or_key_tier"
    assert problems(tmp_path, data) == []
    data["significance"]["tiers"][0]["id"] = "important"
    found = problems(tmp_path, data)
    assert "council.yaml: reports.0.covers: key_or_key_tier needs a significance tier with id 'key'" in found
