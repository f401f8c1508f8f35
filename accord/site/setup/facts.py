"""The facts the set-up steps are judged on, gathered in one place (a handful of counting queries).

The rules are in accord.site.setup.steps; this module only reads: the settings, the framework in
force and its versions, the go-live day, the imports, the accounts and appointments, the
administrators' checks of the rulebook and the published register.
"""

import os

from django.conf import settings
from django.db.models import Count

from accord.domain.lifecycle.models import Appointment
from accord.frameworks import tracking, versions
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.kernel.accounts.models import Role, User
from accord.kernel.audit.service import Actor
from accord.outputs.public.fields import PUBLISHED_STATUSES
from accord.outputs.public.queries import published_partnerships
from accord.outputs.transfer.models import ImportRun, Outcome
from accord.register.access import visible_partnerships

from ..models import RulebookCheck
from .steps import (
    COUNCIL_SETTINGS,
    CouncilFacts,
    FrameworkFacts,
    ImportFacts,
    PublishFacts,
    RulebookFacts,
    SetupFacts,
    TrackingFacts,
    UserFacts,
)

MODEL_FRAMEWORK = "model"


def _configured(name: str) -> bool:
    """Whether the service's operators set this setting (its environment variable), rather than
    leaving Accord's default (accord.settings reads each from the environment)."""
    return bool(os.environ.get(name))


def council_facts() -> CouncilFacts:
    names = [name for name, _ in COUNCIL_SETTINGS]
    return CouncilFacts(
        {name: str(getattr(settings, name, "")) for name in names},
        frozenset(name for name in names if _configured(name)),
    )


def framework_facts(framework: Framework) -> FrameworkFacts:
    not_adopted: tuple[str, ...] = ()
    pending = None
    problem = ""
    try:
        rows = versions.rows(framework.id)
    except ValueError as error:  # two files give one version
        rows, problem = [], str(error)
    newer = [r for r in rows if versions.version_key(r.version) > versions.version_key(framework.version)]
    not_adopted = tuple(r.version for r in newer if r.pending is None)
    waiting = next((r.pending for r in rows if r.pending), None)
    if waiting is not None:
        pending = (waiting.version, waiting.takes_effect_on)
    return FrameworkFacts(
        name=framework.name,
        council=framework.council,
        version=framework.version,
        is_model=framework.id == MODEL_FRAMEWORK,
        chosen=_configured("ACCORD_FRAMEWORK"),
        council_name=settings.COUNCIL_NAME,
        council_name_set=_configured("COUNCIL_NAME"),
        not_adopted=not_adopted,
        pending=pending,
        problem=problem,
    )


def import_facts(partnerships: int) -> ImportFacts:
    latest = ImportRun.objects.order_by("-started_at", "-id").only(
        "outcome", "file_name", "started_at", "problems"
    )
    last = latest.first()
    return ImportFacts(
        partnerships=partnerships,
        imported=ImportRun.objects.filter(outcome=Outcome.IMPORTED).count(),
        last_outcome=last.outcome if last else "",
        last_file=last.file_name if last else "",
        last_on=clock.local_date(last.started_at) if last else None,
        last_problems=last.problems if last else 0,
    )


def user_facts(framework: Framework) -> UserFacts:
    labels = dict(Role.choices)
    counts = (
        User.objects.filter(is_active=True)
        .exclude(role=Role.ADMINISTRATOR)
        .values("role")
        .annotate(n=Count("id"))
        .order_by("role")
    )
    by_role = {row["role"]: row["n"] for row in counts}
    titles = {r.id: r.title for r in framework.roles}
    deciding = {a: titles.get(a, a) for req in framework.requirements for a in req.approvers}
    appointed = Appointment.objects.filter(framework_id=framework.id, user__is_active=True)
    return UserFacts(
        others={labels[role]: by_role[role] for role in Role.values if by_role.get(role)},
        deciding_roles=dict(sorted(deciding.items(), key=lambda item: item[1].lower())),
        appointed=frozenset(appointed.values_list("role_id", flat=True)),
    )


def rulebook_facts(framework: Framework) -> RulebookFacts:
    latest = RulebookCheck.objects.filter(framework_id=framework.id).order_by("-at", "-id").first()
    if latest is None:
        return RulebookFacts(framework.version)
    return RulebookFacts(
        framework.version, latest.framework_version, latest.recorded_by_name, clock.local_date(latest.at)
    )


def gather(framework: Framework, user: Actor) -> SetupFacts:
    """Everything the set-up steps are judged on, for the framework in force, counting the
    partnerships `user` may see (an administrator: the whole register)."""
    register = visible_partnerships(user)
    partnerships = register.count()
    return SetupFacts(
        council=council_facts(),
        framework=framework_facts(framework),
        tracking=TrackingFacts(
            set_on=(chosen.started_on if (chosen := tracking.setting()) else None),
            first_registered=tracking.first_registered(),
        ),
        register=import_facts(partnerships),
        users=user_facts(framework),
        rulebook=rulebook_facts(framework),
        publish=PublishFacts(
            partnerships=partnerships,
            publishable=register.filter(status__in=PUBLISHED_STATUSES).count(),
            published=published_partnerships().count(),
        ),
    )
