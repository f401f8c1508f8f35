"""Checks a framework beyond its shape: references resolve, ids are unique, durations parse,
the risk matrix is consistent and its bands cover every score exactly once, citations point at
real, non-empty seed sections. Each problem is reported as (path, message)."""

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .checks_adoption import check_adoption
from .checks_parts import check_parts
from .checks_reports import check_reports
from .checks_schema_v2 import check_business_case, check_council_obligations
from .durations import parse
from .evidence_rules import check_evidence_rules
from .schema import (
    ANCHORS,
    ASSURANCE_LEVELS,
    ASSURANCE_MEASURES,
    CITE,
    DOCUMENT_NAME,
    DOCUMENTS,
    FACTS,
    UNCERTAIN_ANCHORS,
    Framework,
    Obligation,
)
from .sources import council_sources
from .wording import check_wording

Problem = tuple[str, str]
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")  # the seed documents' names


def _duplicates(path: str, ids: Iterable[str]) -> Iterator[Problem]:
    for ident, count in Counter(ids).items():
        if count > 1:
            yield path, f"duplicate id '{ident}'"


def _unknown(path: str, value: str, known: set[str], what: str) -> Iterator[Problem]:
    if value not in known:
        yield path, f"unknown {what} '{value}'" + (f" (known: {', '.join(sorted(known))})" if known else "")


def check_ids(fw: Framework) -> Iterator[Problem]:
    collections = {
        "roles": fw.roles,
        "types": fw.types,
        "artefacts": fw.artefacts,
        "stages": fw.stages,
        "requirements": fw.requirements,
        "obligations": fw.obligations,
        "question_banks": fw.question_banks,
        "templates": fw.templates,
        "significance.tiers": fw.significance.tiers,
        "significance.parameters": fw.significance.parameters,
        "definition.criteria": fw.definition.criteria,
        "definition.exclusions": fw.definition.exclusions,
        "risk_model.library": fw.risk_model.library,
        "risk_model.bands": fw.risk_model.bands,
        "risk_model.categories": fw.risk_model.categories,
        "risk_model.strategies": fw.risk_model.strategies,
    }
    for path, items in collections.items():
        yield from _duplicates(path, (item.id for item in items))
    for i, bank in enumerate(fw.question_banks):
        yield from _duplicates(f"question_banks.{i}.questions", (q.id for q in bank.questions))
    for i, template in enumerate(fw.templates):
        yield from _duplicates(f"templates.{i}.headings", (h.id for h in template.headings))


def check_references(fw: Framework) -> Iterator[Problem]:
    roles = {r.id for r in fw.roles}
    types = {t.id for t in fw.types}
    artefacts = {a.id for a in fw.artefacts}
    stages = {s.id for s in fw.stages}
    tiers = {t.id for t in fw.significance.tiers}
    parameters = {p.id: p for p in fw.significance.parameters}
    for i, req in enumerate(fw.requirements):
        base = f"requirements.{i}"
        yield from _unknown(f"{base}.artefact", req.artefact, artefacts, "artefact")
        yield from _unknown(f"{base}.gate", req.gate, stages, "stage")
        for j, tier in enumerate(req.tiers):
            yield from _unknown(f"{base}.tiers.{j}", tier, tiers, "tier")
        for j, type_id in enumerate(req.types):
            yield from _unknown(f"{base}.types.{j}", type_id, types, "type")
        if req.approve == "any" and len(req.approvers) < 2:
            yield f"{base}.approve", "'any' needs two or more approvers to choose from"
        for j, role in enumerate(req.approvers):
            yield from _unknown(f"{base}.approvers.{j}", role, roles, "role")
    banks = {b.id for b in fw.question_banks}
    templates = {t.id for t in fw.templates}
    for i, artefact in enumerate(fw.artefacts):
        for j, bank in enumerate(artefact.banks):
            yield from _unknown(f"artefacts.{i}.banks.{j}", bank, banks, "question bank")
        if artefact.template is not None:
            yield from _unknown(f"artefacts.{i}.template", artefact.template, templates, "template")
    for document, template in fw.documents.items():
        yield from _unknown(f"documents.{document}", document, set(DOCUMENTS), "document")
        yield from _unknown(f"documents.{document}", template, templates, "template")
    for i, ob in enumerate(fw.obligations):
        base = f"obligations.{i}"
        yield from _unknown(f"{base}.artefact", ob.artefact, artefacts, "artefact")
        yield from _unknown(f"{base}.anchor", ob.anchor, set(ANCHORS), "anchor")
        yield from _check_fallback(base, ob)
        for j, tier in enumerate(ob.tiers):
            yield from _unknown(f"{base}.tiers.{j}", tier, tiers, "tier")
        for j, type_id in enumerate(ob.types):
            yield from _unknown(f"{base}.types.{j}", type_id, types, "type")
        for name in ("first_due", "repeat", "due_soon"):
            value = getattr(ob, name)
            if value is not None:
                try:
                    parse(value)
                except ValueError as error:
                    yield f"{base}.{name}", str(error)
    defaults = [t for t in fw.significance.tiers if t.match == "default"]
    if len(defaults) != 1:
        yield "significance.tiers", "exactly one tier must have match: default (the tier for everything else)"
    elif fw.significance.tiers[-1].match != "default":
        yield "significance.tiers", "the default tier must come last"
    for i, tier in enumerate(fw.significance.tiers):
        if tier.match != "default" and not tier.tests:
            yield f"significance.tiers.{i}.tests", "a tier other than the default needs at least one test"
        for j, test in enumerate(tier.tests):
            yield from _check_test(f"significance.tiers.{i}.tests.{j}", test, parameters)
    band_ids = {b.id for b in fw.risk_model.bands}
    for i, band_id in enumerate(fw.risk_model.escalate_bands):
        yield from _unknown(f"risk_model.escalate_bands.{i}", band_id, band_ids, "band")
    for i, risk in enumerate(fw.risk_model.library):
        categories = {c.id for c in fw.risk_model.categories}
        yield from _unknown(f"risk_model.library.{i}.category", risk.category, categories, "risk category")


def _check_fallback(base: str, ob: Obligation) -> Iterator[Problem]:
    """An obligation counted from an event a partnership may never record names the event it counts
    from instead (ADR 0021), so it cannot silently never apply."""
    if ob.fallback_anchor is not None:
        yield from _unknown(f"{base}.fallback_anchor", ob.fallback_anchor, set(ANCHORS), "anchor")
        if ob.fallback_anchor == ob.anchor or ob.fallback_anchor in UNCERTAIN_ANCHORS:
            yield f"{base}.fallback_anchor", "the fallback must be an event every partnership records"
    elif ob.anchor in UNCERTAIN_ANCHORS:
        yield (
            f"{base}.fallback_anchor",
            f"a partnership may never record '{ob.anchor}' (for example one added to the register as already "
            "active): name the event to count from instead, such as activated",
        )
    if ob.cadence == "fixed" and ob.repeat is None:
        yield f"{base}.cadence", "a fixed cadence needs `repeat`"


def _check_test(path: str, test, parameters) -> Iterator[Problem]:
    if test.kind == "question":
        if not test.question:
            yield f"{path}.question", "a question test needs the question to ask"
        return
    if test.fact not in FACTS:
        yield f"{path}.fact", f"unknown fact '{test.fact}' (known: {', '.join(FACTS)})"
    if test.op is None:
        yield f"{path}.op", "a fact test needs an op (is_true, gte, gt, in)"
    if test.op in {"gte", "gt"}:
        if test.parameter not in parameters:
            yield f"{path}.parameter", f"unknown parameter '{test.parameter}'"
    if test.op == "in" and not test.values:
        yield f"{path}.values", "op 'in' needs values"


def check_risk_model(fw: Framework) -> Iterator[Problem]:
    model = fw.risk_model
    for name, scale in (("likelihood", model.likelihood), ("impact", model.impact)):
        values = [p.value for p in scale]
        if sorted(values) != list(range(1, len(values) + 1)):
            yield f"risk_model.{name}", f"values must run 1 to {len(values)} without gaps, found {values}"
    if model.grid is not None:
        if len(model.grid) != len(model.likelihood) or any(
            len(row) != len(model.impact) for row in model.grid
        ):
            yield (
                "risk_model.grid",
                (
                    f"grid must have {len(model.likelihood)} rows (likelihood) "
                    f"of {len(model.impact)} scores (impact)"
                ),
            )
            return
        scores = {score for row in model.grid for score in row}
    else:
        scores = {lk.value * im.value for lk in model.likelihood for im in model.impact}
    bands = sorted(model.bands, key=lambda b: b.min)
    for band in bands:
        if band.min > band.max:
            yield f"risk_model.bands.{band.id}", f"min {band.min} is above max {band.max}"
    for earlier, later in zip(bands, bands[1:], strict=False):
        if later.min <= earlier.max:
            overlap = ", ".join(str(s) for s in range(later.min, earlier.max + 1))
            yield "risk_model.bands", f"bands '{earlier.id}' and '{later.id}' overlap at {overlap}"
    covered = {s for band in bands for s in range(band.min, band.max + 1)}
    missing = sorted(scores - covered)
    if missing:
        yield "risk_model.bands", f"no band covers score {', '.join(map(str, missing))}"
    for band in model.bands:
        if band.review_every:
            try:
                parse(band.review_every)
            except ValueError as error:
                yield f"risk_model.bands.{band.id}.review_every", str(error)
    if model.high_impact_from is not None and model.high_impact_from not in {p.value for p in model.impact}:
        yield "risk_model.high_impact_from", "must be one of the impact values"


def _texts(folder: Path | None) -> dict[str, str]:
    if folder is None or not folder.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in folder.glob("*.txt")}


def check_citations(
    fw: Framework, seeds_dir: Path | None, documents_dir: Path | None = None
) -> Iterator[Problem]:
    """Every cited section is in its document, where Accord has the document's text: a seed document
    (in the seeds folder), or a council's own document kept as plain text (.txt) beside its framework
    file. A seed file name that is not in the seeds folder is reported; a council's own document
    without a text copy (a PDF, say) is taken as cited."""
    seeds = _texts(seeds_dir)
    texts = {**seeds, **_texts(documents_dir)}
    for path, cite in _cites(fw.model_dump(), ""):
        match = CITE.match(cite)
        if not match:
            continue
        text = texts.get(match["file"])
        if text is None:
            if seeds and SEED_FILE.fullmatch(match["file"]):
                yield path, f"cites {match['file']}, which is not a seed document"
        elif not section_exists(text, match["section"]):
            yield path, f"cites section '{match['section']}', which {match['file']} does not have"


def check_source_documents(fw: Framework) -> Iterator[Problem]:
    """Every seed file the file cites is declared in `source_documents`, so users see its title."""
    declared = [d.file for d in fw.source_documents]
    for ident, count in Counter(declared).items():
        if count > 1:
            yield "source_documents", f"declares {ident} more than once"
    known = set(declared)
    if fw.source.document not in known:
        yield "source.document", f"{fw.source.document} is not declared in source_documents"
    reported: set[tuple[str, str]] = set()
    for path, cite in _cites(fw.model_dump(), ""):
        for file in DOCUMENT_NAME.findall(cite):
            if file not in known and (path, file) not in reported:
                reported.add((path, file))
                yield (
                    path,
                    (
                        f"cites {file}, which is not declared in source_documents "
                        "(add it with the title users know it by)"
                    ),
                )


_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)")
_APPENDIX = re.compile(r"^App(?:endix)?\.? ?(\w+)", re.IGNORECASE)


def section_exists(text: str, section: str) -> bool:
    """A light check that a cited section is in the seed: numbered sections (3.4, 2.9.1.1) and
    appendices (App 10) must appear in its text; other labels (headings, 'Appendix A') pass when
    their first word appears."""
    section = section.replace("§", "").strip()
    if match := _NUMBERED.match(section):
        return match[1] in text
    if match := _APPENDIX.match(section):
        return re.search(rf"appendix\s*{re.escape(match[1])}\b", text, re.IGNORECASE) is not None or (
            f"App {match[1]}" in text
        )
    first = section.split()[0].strip("'\"‘’“”,;:()")
    return first.lower() in text.lower()


def _cites(data, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            child = f"{path}.{key}" if path else key
            if key.endswith("cite") and isinstance(value, str):
                yield child, value
            else:
                yield from _cites(value, child)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _cites(value, f"{path}.{i}")


def check(fw: Framework, seeds_dir: Path | None = None, documents_dir: Path | None = None) -> list[Problem]:
    """Every problem with the framework; `documents_dir` holds plain-text copies of a council's own
    documents (the folder of its framework file), so its cited sections are checked too."""
    return [
        *check_ids(fw),
        *check_references(fw),
        *check_risk_model(fw),
        *check_citations(fw, seeds_dir, documents_dir),
        *check_source_documents(fw),
        *check_assurance(fw),
        *check_monitoring(fw),
        *check_report_back(fw),
        *check_evidence_rules(fw),
        *check_wording(fw),
        *check_adoption(fw),
        *check_business_case(fw),
        *check_council_obligations(fw, _council_reports(fw)),
        *check_parts(fw),
        *check_reports(fw),
    ]


def _council_reports(fw: Framework) -> set[str]:
    """The reports the registered council sources know under this framework (none without the apps)."""
    return {report for source in council_sources() for report in source(fw).reports()}


# Which comparisons a rule may use on each kind of measure, so a worse measure never gives a
# better rating (the engine's promise, tested as a property).
_ASSURANCE_OPS = {"flag": {"is_true"}, "up": {"gte", "gt"}, "down": {"lte", "lt"}}


def check_assurance(fw: Framework) -> Iterator[Problem]:
    """The rating levels are the four, best first; each rule tests a known measure in the direction
    in which it gets worse, against a threshold, and caps at a known level."""
    section = fw.assurance
    if section is None:
        return
    ids = [level.id for level in section.levels]
    if tuple(ids) != ASSURANCE_LEVELS:
        yield "assurance.levels", f"levels must be {', '.join(ASSURANCE_LEVELS)}, in that order"
    yield from _duplicates("assurance.rules", (rule.id for rule in section.rules))
    for i, rule in enumerate(section.rules):
        base = f"assurance.rules.{i}"
        direction = ASSURANCE_MEASURES.get(rule.measure)
        if direction is None:
            yield from _unknown(f"{base}.measure", rule.measure, set(ASSURANCE_MEASURES), "measure")
            continue
        if rule.op not in _ASSURANCE_OPS[direction]:
            allowed = ", ".join(sorted(_ASSURANCE_OPS[direction]))
            yield f"{base}.op", f"measure '{rule.measure}' is tested with {allowed}"
        if direction != "flag" and rule.threshold is None:
            yield f"{base}.threshold", f"measure '{rule.measure}' needs a threshold"
        yield from _unknown(f"{base}.cap", rule.cap, set(ASSURANCE_LEVELS), "level")
    try:
        parse(section.rereview_after)
    except ValueError as error:
        yield "assurance.rereview_after", str(error)


def check_monitoring(fw: Framework) -> Iterator[Problem]:
    """Each monitoring record names an artefact of the file, at most once per kind of record; a
    progress report is written on a template of the file (its own, or its artefact's)."""
    if fw.monitoring is None:
        return
    artefacts = {a.id: a for a in fw.artefacts}
    templates = {t.id for t in fw.templates}
    yield from _duplicates(
        "monitoring.records", (f"{r.record} of {r.artefact}" for r in fw.monitoring.records)
    )
    for i, record in enumerate(fw.monitoring.records):
        base = f"monitoring.records.{i}"
        if record.artefact not in artefacts:
            yield from _unknown(f"{base}.artefact", record.artefact, set(artefacts), "artefact")
            continue
        template = record.template or artefacts[record.artefact].template
        if record.template is not None:
            yield from _unknown(f"{base}.template", record.template, templates, "template")
        elif record.record == "progress_report" and template is None:
            yield f"{base}.template", "a progress report needs the template it is written on"


def check_report_back(fw: Framework) -> Iterator[Problem]:
    """A type's report-back rules name register types of that type, each at most once, with at most
    one rule for the rest of the type; a regular rule's period parses."""
    for i, type_rule in enumerate(fw.types):
        own = {name.strip().lower() for name in (type_rule.name, *type_rule.register_names)}
        seen: list[str] = []
        for j, rule in enumerate(type_rule.report_back):
            base = f"types.{i}.report_back.{j}"
            names = [name.strip().lower() for name in rule.register_names] or ["(the rest of the type)"]
            seen += names
            for k, name in enumerate(rule.register_names):
                if name.strip().lower() not in own:
                    problem = f"'{name}' is not a register type of type '{type_rule.id}'"
                    yield f"{base}.register_names.{k}", problem
            if rule.every is not None:
                try:
                    parse(rule.every)
                except ValueError as error:
                    yield f"{base}.every", str(error)
        for name, count in Counter(seen).items():
            if count > 1:
                yield f"types.{i}.report_back", f"more than one report-back rule for {name}"
