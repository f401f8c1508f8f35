"""Loads the demo council from accord/site/demo/demo_council.yaml.

The file follows the layout documented at its top level (directorates, corporate priorities,
partnership types, organisations, people, partnerships, accounts). Everything is created in one
transaction, so a half-loaded demo never exists. The partnerships are added by the register's one write
path (accord.register.writes), as on the form or in an import: each has its 'created' history entry,
search terms, first state of its cycle and (when the framework asks nothing) its significance.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction

from accord.domain.lifecycle import demo as cycle_demo
from accord.domain.lifecycle.models import Appointment
from accord.domain.monitoring import demo as monitoring_demo
from accord.domain.representation import demo as representation_demo
from accord.domain.reviews import demo as reviews_demo
from accord.domain.risks import demo as risks_demo
from accord.frameworks import demo as go_live_demo
from accord.frameworks import demo_assessed, loader
from accord.outputs.public import demo as public_demo
from accord.outputs.reminders import demo as reminders_demo
from accord.outputs.reports import demo as reports_demo
from accord.register import offered_types, writes
from accord.register.models import (
    Contribution,
    CorporatePriority,
    Directorate,
    LegalIncorporation,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
    PartnershipType,
    Person,
    PriorityLink,
    StatutoryStatus,
)

DEMO_FILE = Path(__file__).parent / "demo" / "demo_council.yaml"
DEMO_PASSWORD = "accord-demo-2026"
DEMO_REASON = "Loaded with the demo council"


def load_file(path: Path = DEMO_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@transaction.atomic
def load_demo(data: dict[str, Any] | None = None) -> dict[str, int]:
    data = data or load_file()
    directorates = {
        d["code"]: Directorate.objects.create(
            code=d["code"], name=d["name"], description=d.get("description", "")
        )
        for d in data["directorates"]
    }
    priorities = {
        p["code"]: CorporatePriority.objects.create(
            code=p["code"], name=p["name"], description=p.get("description", "")
        )
        for p in data["corporate_priorities"]
    }
    cited = {t.name.lower(): t.citation for t in offered_types.offered() or ()}
    types = {
        t["name"]: PartnershipType.objects.update_or_create(
            name=t["name"],
            defaults={
                "group": t.get("group", ""),
                "citation": t.get("citation") or cited.get(t["name"].lower(), ""),
                "description": t.get("description", ""),
            },
        )[0]
        for t in data["partnership_types"]
    }
    organisations = {}
    for o in data["organisations"]:
        organisations[o["key"]] = Organisation.objects.create(
            name=o["name"],
            sector=o["sector"],
            org_id=o.get("org_id") or "",
            can_be_accountable_body=bool(o.get("can_be_accountable_body")),
            can_employ_staff=bool(o.get("can_employ_staff")),
            website=o.get("website") or "",
            notes=o.get("notes") or "",
            is_council=o["key"] == data["council"],
        )
    people = {}
    for p in data["people"]:
        people[p["key"]] = Person.objects.create(
            name=p["name"],
            job_title=p.get("job_title", ""),
            email=p.get("email", ""),
            kind=p["kind"],
            organisation=organisations[p["organisation"]],
            directorate=directorates.get(p.get("directorate")) if p.get("directorate") else None,
        )
    load_partnerships(data["partnerships"], types, organisations, directorates, people, priorities)
    _load_accounts(data.get("accounts", []), people, organisations)
    demo_assessed.load()
    cycle_demo.stage()
    risks_demo.load()
    monitoring_demo.load()
    representation_demo.load()
    reviews_demo.load()
    reminders_demo.load()
    reports_demo.load()
    public_demo.load()
    go_live_demo.load()
    return {
        "partnerships": len(data["partnerships"]),
        "organisations": len(organisations),
        "people": len(people),
    }


def load_partnerships(rows, types, organisations, directorates, people, priorities) -> list[Partnership]:
    """The demo's partnerships, through the register's one write path; the file lists each one's
    members (the council among them), so the council is not added again."""
    batch = writes.Batch(None, DEMO_REASON)
    created = batch.create_partnerships(
        [_partnership_values(p, types, organisations, directorates) for p in rows]
    )
    for p, partnership in zip(rows, created, strict=True):
        _load_children(p, partnership, organisations, people, priorities, batch)
    batch.finish()
    return created


def _partnership_values(p, types, organisations, directorates) -> dict[str, Any]:
    return dict(
        reference=p["reference"],
        name=p["name"],
        description=p.get("description", ""),
        purpose=p.get("purpose", ""),
        vision=p.get("vision", ""),
        aims_objectives=p.get("aims_objectives", ""),
        partnership_type=types[p["type"]],
        statutory_status=StatutoryStatus.STATUTORY if p.get("statutory") else StatutoryStatus.NON_STATUTORY,
        incorporation=LegalIncorporation.INCORPORATED
        if p.get("incorporated")
        else LegalIncorporation.UNINCORPORATED,
        statutory_basis=p.get("statutory_basis") or "",
        themes=p.get("themes") or "",
        geographical_area=p.get("geographical_area") or "",
        client_groups=p.get("client_groups") or "",
        lead_organisation=organisations[p["lead_organisation"]],
        accountable_body=organisations.get(p.get("accountable_body")) if p.get("accountable_body") else None,
        council_role=p["council_role"],
        directorate=directorates[p["directorate"]],
        start_date=_date(p.get("start_date")),
        proposed_end_date=_date(p.get("proposed_end_date")),
        external_funding_end_date=_date(p.get("external_funding_end_date")),
        funding_sources=p.get("funding_sources") or "",
        accountable_to=p.get("accountable_to") or "",
        monitoring_arrangements=p.get("monitoring_arrangements") or "",
        additional_monitoring_required=bool(p.get("additional_monitoring_required")),
        covers_members_expenses=p.get("covers_members_expenses") or "unknown",
        insurance_arrangements=p.get("insurance_arrangements") or "",
        exit_strategy=p.get("exit_strategy") or "",
        is_key_partnership=bool(p.get("key_partnership")),
        status=p["status"],
        is_published=bool(p.get("is_published")),
    )


def _load_children(p, partnership, organisations, people, priorities, batch) -> None:
    """The demo file's members, roles, contributions and priority links: the demo's own data, loaded
    as it always was (no history entries of their own); the contribution totals follow at the end."""
    Membership.objects.bulk_create(
        [
            Membership(
                partnership=partnership,
                organisation=organisations[m["organisation"]],
                role=m["role"],
                start_date=_date(m.get("start_date")),
                end_date=_date(m.get("end_date")),
            )
            for m in p.get("members", [])
        ]
    )
    PartnershipRole.objects.bulk_create(
        [
            PartnershipRole(
                partnership=partnership,
                person=people[r["person"]],
                role=r["role"],
                start_date=_date(r.get("start_date")),
                end_date=_date(r.get("end_date")),
            )
            for r in p.get("roles", [])
        ]
    )
    Contribution.objects.bulk_create(
        [
            Contribution(
                partnership=partnership,
                year=c["year"],
                category=c["category"],
                amount=Decimal(str(c["amount"])) if c.get("amount") not in (None, "") else None,
                finance_form=c.get("finance_form") or "",
                person=people.get(c.get("person")),
                hours=c.get("hours"),
                description=c.get("description") or "",
            )
            for c in p.get("contributions", [])
        ]
    )
    PriorityLink.objects.bulk_create(
        [
            PriorityLink(partnership=partnership, priority=priorities[link["priority"]], how=link["how"])
            for link in p.get("priorities", [])
        ]
    )
    if p.get("contributions"):
        batch.totals.add(partnership.pk)


def _load_accounts(accounts, people, organisations) -> None:
    user_model = get_user_model()
    for account in accounts:
        person = people.get(account.get("person"))
        first, _, last = (person.name if person else account["username"]).partition(" ")
        user = user_model(
            username=account["username"],
            role=account["role"],
            person=person,
            email=person.email if person else "",
            first_name=first,
            last_name=last,
            organisation=organisations.get(account.get("organisation"))
            if account.get("organisation")
            else None,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        if account["role"] in ("approver", "administrator"):
            _appoint(user)


def _appoint(user) -> None:
    """Demo approvers decide in every role of the council's framework; the administrator records
    decisions of the council's committees, as Democratic Services would."""

    framework = loader.current()
    bodies = ("executive", "cabinet", "council", "board", "committee")
    for role in framework.roles:
        is_body = any(word in role.id for word in bodies)
        if user.role == "approver" or is_body:
            Appointment.objects.get_or_create(user=user, framework_id=framework.id, role_id=role.id)


def demo_accounts() -> list[tuple[str, str, str]]:
    user_model = get_user_model()
    return [(u.username, u.get_role_display(), u.display_name) for u in user_model.objects.order_by("id")]
