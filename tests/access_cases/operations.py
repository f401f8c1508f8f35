"""Every JSON API operation, generated from the OpenAPI description, as calls the access test makes.

`described(client)` reads /api/v1/openapi.json and names each operation's URL (through the API's
own routes, which carry the URL name the policy table is keyed by). `operation_cases(world,
client)` turns each described operation into one call per object it can concern: operations under
/partnerships/{pk} once for the officer's and partner's "own" partnership and once for the "other",
the rest once. Writes carry a body that would succeed for a role allowed to make them, so a refusal
shows the policy refused it, not the validation.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from accord.domain.reviews.models import Review
from accord.domain.risks.models import Risk
from accord.outputs.api.api import api
from accord.register.models import Organisation, Partnership, Person
from tests import factories as f

WRITES = {"post", "patch", "put", "delete"}


@dataclass(frozen=True)
class Call:
    name: str  # the URL name: its entry in the policy table
    method: str
    path: str
    partnership: Partnership | None
    body: Callable[[], dict] | None = None

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.name})"


def routes() -> dict[tuple[str, str], str]:
    """(method, path as in the description) → URL name, from the API's own routes."""
    prefix = reverse("api-1:api-root").rstrip("/")
    found = {}
    for _mount, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    found[(method.lower(), prefix + path)] = operation.url_name
    return found


def described(client) -> dict[tuple[str, str], str]:
    """(method, path) → operationId for every operation in the served OpenAPI description."""
    schema = client.get(reverse("api-1:openapi-json")).json()
    return {
        (method, path): operation["operationId"]
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }


def _version(model, pk: int) -> int:
    return model.objects.get(pk=pk).version


def _new_partnership(p: Partnership) -> dict:
    return {
        "name": "Chorley Health Partnership",
        "reference": f"HEALTH-{Partnership.objects.count()}",
        "description": "Working together on health.",
        "partnership_type": f.offered_type().pk,
        "statutory_status": "non_statutory",
        "incorporation": "unincorporated",
        "lead_organisation": p.lead_organisation_id,
        "council_role": "lead",
        "directorate": p.directorate_id,
    }


def bodies(world, p: Partnership, objects: dict) -> dict[str, Callable[[], dict]]:
    """A body that would succeed, for each write (read when sent: versions move as others write)."""
    org, person, risk = world["organisation"], world["person"], objects["risk_id"]
    return {
        "api-partnership-create": lambda: _new_partnership(world["own"]),
        "api-partnership-change": lambda: {"version": _version(Partnership, p.pk), "themes": "health"},
        "api-role-create": lambda: {
            "version": _version(Partnership, p.pk),
            "person": objects["newcomer"],
            "role": "substitute",
        },
        "api-role-change": lambda: {"version": _version(Partnership, p.pk), "notes": "Chair"},
        "api-role-end": lambda: {"version": _version(Partnership, p.pk)},
        "api-organisation-create": lambda: {"name": "Age UK Lancashire", "sector": "vcf"},
        "api-organisation-change": lambda: {"version": _version(Organisation, org.pk), "notes": "Checked"},
        "api-person-create": lambda: {"name": "Sam Smith", "organisation": org.pk},
        "api-person-change": lambda: {"version": _version(Person, person.pk), "job_title": "Chair"},
        "api-risk-create": lambda: {"title": "Staff leave", "identified_on": "2026-01-05", "owner": "Olive"},
        "api-risk-change": lambda: {"version": _version(Risk, risk), "owner": "Oscar"},
        "api-risk-action-create": lambda: {"description": "Plan", "owner": "Olive", "due_on": "2026-12-01"},
        "api-risk-action-change": lambda: {"status": "in_progress"},
    }


def _objects(world, which: str) -> dict:
    """The path parameters' values for one partnership's operations (made if the world lacks them)."""
    p = world[which]
    role = p.roles.order_by("pk").first() or f.RoleFactory(partnership=p, role="council_representative")
    review = Review.objects.filter(partnership=p).first() or Review.objects.create(
        partnership=p,
        artefact_id="annual_review",
        bank_id="annual",
        artefact_name="Annual review",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        started_on=date(2026, 4, 20),
    )
    cycle = world["cycle"][which]
    return {
        "pk": p.pk,
        "role_id": role.pk,
        "risk_id": cycle["risk"].pk,
        "action_id": cycle["action"].pk,
        "review_id": review.pk,
        "newcomer": world.setdefault("newcomer", f.PersonFactory(name="Rita Rep")).pk,
    }


def operation_cases(world, client) -> list[Call]:
    """One call per described operation and object (see the module's description)."""
    names = routes()
    partnership_paths = reverse("api-1:api-root") + "partnerships/{pk}"
    per_partnership = {which: _objects(world, which) for which in ("own", "other")}
    directory = {"organisations": world["organisation"].pk, "people": world["person"].pk}
    calls = []
    for method, template in described(client):
        name = names[(method, template)]
        if template.startswith(partnership_paths):
            targets = [(world[w], per_partnership[w]) for w in ("own", "other")]
        else:
            collection = template.removeprefix(reverse("api-1:api-root")).split("/")[0]
            targets = [(None, {**per_partnership["own"], "pk": directory.get(collection)})]
        for partnership, values in targets:
            path = template.format(**values)
            body = None
            if method in WRITES:
                body = bodies(world, partnership or world["own"], values)[name]
            calls.append(Call(name, method, path, partnership, body))
    return calls
