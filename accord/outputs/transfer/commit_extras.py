"""Writing what a one-sheet register's other columns planned that the import's writer does not
(plan_extras): the agreement, through the cycle's agreement service, and the date the review duty was
last done before Accord, through the framework's tracking service. Each service records its change in
the partnership's history and keeps its obligations in step. They run inside the import's transaction,
after its partnerships are written: a refusal rolls everything back."""

from accord.domain.lifecycle.agreements import save_agreement
from accord.frameworks import services
from accord.register.models import Partnership

from .plan_model import UNCHANGED, Plan


def write(actor, plan: Plan, partnerships: dict[str, Partnership]) -> None:
    extras = plan.extras
    if extras is None:
        return
    for agreement in extras.agreements:
        if agreement.action != UNCHANGED:
            save_agreement(
                actor, partnerships[agreement.reference], agreement.values, f"Imported from {plan.file_name}"
            )
    framework = plan.framework
    for done in extras.last_done:
        if done.action != UNCHANGED and framework is not None:
            services.record_last_done(
                actor,
                partnerships[done.reference],
                done.values["obligation_id"],
                done.values["done_on"],
                f"Imported from {plan.file_name}",
                framework=framework,
            )
