"""A new partnership's cycle starts: its first Transition row, written when the register says
partnerships were added (register.signals.partnerships_created), in bulk for any number of them."""

from datetime import date

from accord.frameworks import loader
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.accounts.models import User
from accord.kernel.audit.bulk import insert_rows
from accord.kernel.audit.service import Actor, actor_name
from accord.register.models import Partnership

from . import cycle
from .models import Transition


def _first_date(partnership: Partnership, retrospective: bool) -> date:
    """A proposal is made today; an existing partnership got where it is when it started (a closed
    one when it ended), if known."""
    today = clock.today()
    start = partnership.start_date
    if retrospective and partnership.status == cycle.CLOSED:
        start = partnership.proposed_end_date or start
    return start if retrospective and start and start <= today else today


def _reason(retrospective: bool, why: str) -> str:
    if not retrospective:
        return ""
    if why:  # e.g. "Imported from register.xlsx"
        return f"Recorded retrospectively: {why[:1].lower()}{why[1:]}."[:2000]
    return "Recorded retrospectively: added to the register in this state."


def first_state(actor: Actor, partnership: Partnership, framework: Framework, why: str = "") -> Transition:
    """The first row of a new partnership's cycle, unsaved: proposed, or (for an existing
    partnership being added to the register) its current state, recorded retrospectively with the
    change's reason (an import says its file). Every way in builds these in bulk
    (register.signals.partnerships_created)."""
    retrospective = partnership.status != cycle.PROPOSED
    return Transition(
        partnership=partnership,
        from_status="",
        to_status=partnership.status,
        decided_on=_first_date(partnership, retrospective),
        reason=_reason(retrospective, why),
        retrospective=retrospective,
        recorded_by=actor if isinstance(actor, User) and actor.pk else None,
        recorded_by_name=actor_name(actor),
        framework_id=framework.id,
        framework_version=framework.version,
    )


def on_partnerships_created(
    sender: object, actor: Actor, partnerships: list[Partnership], reason: str = "", **kwargs: object
) -> None:
    """The register added partnerships (register.signals): their cycles start, in one INSERT."""
    framework = loader.current()
    insert_rows(
        Transition, [first_state(actor, partnership, framework, reason) for partnership in partnerships]
    )
