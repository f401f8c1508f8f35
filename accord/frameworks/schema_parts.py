"""Schema v2: sub-types, grouped questions and scale labels, and leaving (issue 16).

- `SubType`: a partnership type may be divided into sub-types in the council's words (Bury App 5 (ii):
  formal forum, management committee, joint committee, Local Strategic Partnership); a partnership
  records its sub-type and report-back rules may be for some sub-types only.
- `QuestionGroup` and `QuestionBank.scale_labels`: a question bank may group its questions under
  headings and name its scale's answers in the council's words (Redditch App 4a: "NO – action
  required", "YES – but could be improved", "YES- working effectively").
- `Leaving`: why the council's involvement may end and what its exit plan covers, in the council's
  words (Redditch 11; Bury App 4 G); a framework without its own may adopt the model's
  (`adopt_from_model: [leaving]`).
"""

from __future__ import annotations

from pydantic import Field

from .schema_base import IDENT, Item, Strict


class SubType(Item):
    """A sub-type of a partnership type, in the council's words."""

    name: str = Field(
        min_length=1, description="The sub-type as the council names it, shown on the partnership."
    )
    description: str = Field(default="", description="What the framework says it is, in its words.")


class QuestionGroup(Strict):
    """A heading the framework groups some of a bank's questions under."""

    id: str = Field(pattern=IDENT, description="The group's key.")
    heading: str = Field(min_length=1, description="The heading, in the framework's words.")
    questions: list[str] = Field(min_length=1, description="Ids of the bank's questions under it, in order.")


class LeavingReason(Item):
    """One reason the council's involvement in a partnership may end."""

    text: str = Field(min_length=1, description="The reason, in the framework's words.")


class ExitPlanHeading(Item):
    """One heading of the exit plan recorded with the decision to leave."""

    label: str = Field(min_length=1, description="The heading, in the framework's words.")
    hint: str = Field("", description="What goes under it, shown as the box's hint.")


class Leaving(Strict):
    """What the decision to leave asks: the reasons to choose from and the exit plan's headings."""

    cite: str = Field(default="", description="Where the list of reasons comes from (needed with reasons).")
    reasons: list[LeavingReason] = Field(
        default_factory=list, description="Reasons to choose from ('Other' is always offered too)."
    )
    exit_plan: list[ExitPlanHeading] = Field(
        default_factory=list, description="Headings of the exit plan; none means a single free-text plan."
    )
