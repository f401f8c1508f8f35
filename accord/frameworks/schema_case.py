"""Schema v2: the business case a framework asks for, in its own words (ADR 0028).

A framework's `business_case` lists its parts, each a group of questions with one evidence box for
the part (not one per question), and names the question banks the case must also pass (`tests`).
A question the register already answers names the record fact it is `prefill`ed from: the page
shows the register's value instead of asking again, and asks only when the register is silent.
A framework with no business case leaves `business_case` out and its artefacts have none of kind
`business_case`; nothing is borrowed from another framework unless the file says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field, field_validator

from .schema_base import IDENT, Cited, Item, Strict

# Facts on the register a business case question can be prefilled from (the record's own words
# are shown; accord.domain.lifecycle.prefill reads them).
PREFILL_FACTS = (
    "statutory",
    "council_role",
    "members",
    "funding_end",
    "exit_strategy",
    "aims",
    "accountable_to",
    "lead_organisation",
    "area",
    "insurance",
)


# Facts about a partnership a requirement or obligation can depend on (`when`): whether the council
# is its accountable body, whether it has procurement functions, whether its work involves access to
# children (accord.frameworks.apply supplies them; the register records the last two).
CONDITIONS = ("council_is_accountable_body", "has_procurement_functions", "works_with_children")


class Condition(Strict):
    """`when:` on a requirement or obligation: it applies only while the fact is as given."""

    fact: str = Field(description=f"One of {', '.join(CONDITIONS)}.")
    holds: bool = Field(default=True, description="Whether the fact must hold (true) or not (false).")

    @field_validator("fact")
    @classmethod
    def _known_fact(cls, value: str) -> str:
        if value not in CONDITIONS:
            raise ValueError(f"fact must be one of {', '.join(CONDITIONS)}")
        return value

    def met(self, conditions: Mapping[str, bool] | None) -> bool:
        """Whether the condition is met; with nothing known (None) it is taken as met, so a rule
        never silently stops applying for want of the facts."""
        return conditions is None or bool(conditions.get(self.fact, False)) == self.holds


class Choice(Strict):
    id: str = Field(pattern=IDENT, description="The stored answer.")
    label: str = Field(min_length=1, description="The choice as shown.")


class CaseQuestion(Item):
    """One question of a business case part, as the council's form asks it."""

    text: str = Field(min_length=1, description="The question as the form asks it.")
    wording: str = Field(default="", description="The framework's own words, quoted.")
    hint: str = Field("", description="Help shown under the question.")
    choices: list[Choice] = Field(
        default_factory=list, description="Answered by choosing one of these; none means free text."
    )
    prefill: str | None = Field(
        default=None,
        description=f"A record fact that answers it ({', '.join(PREFILL_FACTS)}): shown, not asked again.",
    )

    @field_validator("prefill")
    @classmethod
    def _known_fact(cls, value: str | None) -> str | None:
        if value is not None and value not in PREFILL_FACTS:
            raise ValueError(f"prefill must be one of {', '.join(PREFILL_FACTS)}")
        return value


class CasePart(Item):
    """A part of the business case: its questions, answered on one page, with one evidence box."""

    name: str = Field(min_length=1, description="The part's title.")
    hint: str = Field("", description="Shown above its questions.")
    questions: list[CaseQuestion] = Field(min_length=1, description="Its questions, in order.")
    evidence: bool = Field(default=True, description="Whether the part has an evidence box.")
    evidence_hint: str = Field(default="", description="What evidence the framework asks for here.")


class Declaration(Cited):
    """A statement signed by name and dated (Bury App 3: "I have consulted the above…")."""

    text: str = Field(min_length=1, description="The declaration, in the framework's words.")
    signed_by: str = Field(min_length=1, description="Who signs it, by the framework's title.")


class BusinessCase(Cited):
    name: str = Field(min_length=1, description="What the council calls it.")
    parts: list[CasePart] = Field(
        default_factory=list, description="The parts, in order, each answered on its own page."
    )
    tests_name: str = Field(
        default="Tests the case must pass", description="The heading of the question banks it must pass."
    )
    note: str = Field(default="", description="For maintainers; never shown.")

    def questions(self) -> list[CaseQuestion]:
        return [q for part in self.parts for q in part.questions]

    def part(self, part_id: str) -> CasePart | None:
        return next((p for p in self.parts if p.id == part_id), None)
