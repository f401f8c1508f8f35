"""When a partnership's governing document counts (ADR 0024): pure rules, no database.

The governing document is the agreement (or, where the framework governs the partnership by a board's
terms of reference, those) recorded on the agreement page. It counts as evidence only when

- its status is the one the framework requires (`must_be`: signed where Bury 7 demands "A WRITTEN
  SIGNED AGREEMENT"; agreed otherwise), and
- it covers every heading of its template, or — where the framework lets it be adapted
  (`coverage: explained`) — each heading it leaves out is explained, for the approvers the framework
  names to accept by approving it. In the tiers of `complete_in_tiers` (Redditch 7: "no area of this
  model should be omitted for the Council's significant partnerships") and under `coverage: complete`
  (Central Bedfordshire 2.9.1) no heading may be left out.
"""

from dataclasses import dataclass
from typing import Any

from accord.frameworks.facts import Shortfall
from accord.frameworks.schema import Artefact, Framework, Heading, Template

STATUS_ORDER = ("draft", "agreed", "signed")
STATUS_WORDS = {"draft": "a draft", "agreed": "agreed but not signed", "signed": "signed"}


def _names(headings: list[Heading]) -> str:
    texts = [h.text for h in headings]
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} and {texts[-1]}"


@dataclass(frozen=True)
class Coverage:
    """How a governing document covers its template's headings."""

    template: Template
    covered: tuple[Heading, ...]
    explained: tuple[tuple[Heading, str], ...]  # left out, with why
    missing: tuple[Heading, ...]  # left out, unexplained

    @property
    def total(self) -> int:
        return len(self.template.headings)

    @property
    def gaps(self) -> list[Heading]:
        """Every heading not covered, in the template's order."""
        left_out = {h.id for h in self.missing} | {h.id for h, _ in self.explained}
        return [h for h in self.template.headings if h.id in left_out]

    @property
    def text(self) -> str:
        """'covers 7 of 9 headings: H. Review and I. Other missing' (or 'covers all 9 headings')."""
        if not self.gaps:
            return f"covers all {self.total} headings of the {self.template.name}"
        return f"covers {len(self.covered)} of {self.total} headings: {_names(self.gaps)} missing"


def coverage_of(template: Template, covered: dict[str, Any], reasons: dict[str, Any]) -> Coverage:
    """`covered`: heading id -> where the document covers it; `reasons`: heading id -> why it does not."""
    found, explained, missing = [], [], []
    for heading in template.headings:
        where = str(covered.get(heading.id) or "").strip()
        why = str(reasons.get(heading.id) or "").strip()
        if where:
            found.append(heading)
        elif why:
            explained.append((heading, why))
        else:
            missing.append(heading)
    return Coverage(template, tuple(found), tuple(explained), tuple(missing))


def required_status(artefact: Artefact) -> str:
    return artefact.must_be or "agreed"


def status_shortfall(artefact: Artefact, status: str) -> str | None:
    needed = required_status(artefact)
    if status in STATUS_ORDER and STATUS_ORDER.index(status) >= STATUS_ORDER.index(needed):
        return None
    return f"it is {STATUS_WORDS.get(status, status)}; the framework needs it {needed}"


def judge(
    framework: Framework, artefact: Artefact, status: str, coverage: Coverage
) -> tuple[bool, Shortfall | None]:
    """(whether it counts, why it falls short — for every tier, or only in `Shortfall.tiers`)."""
    problems = []
    if found := status_shortfall(artefact, status):
        problems.append(found)
    if coverage.missing:
        problems.append(coverage.text + (", with no explanation" if artefact.coverage == "explained" else ""))
    elif coverage.explained and artefact.coverage == "complete":
        problems.append(f"{coverage.text}; no heading may be left out")
    if problems:
        return False, Shortfall("; ".join(problems))
    if coverage.explained and artefact.complete_in_tiers:
        names = {t.id: t.name for t in framework.significance.tiers}
        tiers = " or ".join(names.get(t, t).lower() for t in artefact.complete_in_tiers)
        return True, Shortfall(
            f"{coverage.text}; no heading may be left out for a {tiers}", tuple(artefact.complete_in_tiers)
        )
    return True, None
