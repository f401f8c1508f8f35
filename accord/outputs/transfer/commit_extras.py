"""Writing what a one-sheet register's other columns planned that the import's writer does not
(plan_extras): the agreement, through the cycle's agreement service, and the date the review duty was
last done before Accord, through the framework's tracking service. Each service records its change in
the partnership's history and keeps its obligations in step. They run inside the import's transaction,
after its partnerships are written: a refusal rolls everything back."""

from accord.domain.lifecycle import agreements
from accord.frameworks import services
from accord.register.models import Partnership

from .plan_model import UNCHANGED, Plan


def write(actor, plan: Plan, partnerships: dict[str, Partnership]) -> None:
    """In bulk, as ten thousand rows need (issue 18): each service's `..._many` form makes the same
    rows and history events as its one-at-a-time form."""
    extras = plan.extras
    if extras is None:
        return
    reason = f"Imported from {plan.file_name}"
    agreements.create_many(
        actor,
        [(partnerships[a.reference], a.values) for a in extras.agreements if a.action != UNCHANGED],
        reason,
    )
    done = [
        (partnerships[d.reference], d.values["obligation_id"], d.values["done_on"])
        for d in extras.last_done
        if d.action != UNCHANGED
    ]
    if done and plan.framework is not None:
        services.record_last_done_many(actor, done, reason, framework=plan.framework)
