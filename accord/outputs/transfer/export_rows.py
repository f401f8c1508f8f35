"""The whole register as rows, one generator per sheet, in the columns of accord.outputs.transfer.columns.

Choices are written as their labels and booleans as Yes or No, which the importer reads back, so an
exported workbook imports unchanged. Each sheet is a fixed number of queries, streamed in chunks.
"""

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.db import models

from accord.domain.risks.models import Risk
from accord.frameworks import citations, compliance, engine
from accord.frameworks.schema import Framework
from accord.kernel import clock
from accord.register.models import (
    FINISHED_STATUSES,
    Contribution,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
)

from . import columns as c

CHUNK = 2000
_STATUS = engine.STATUS_LABELS


def _value(instance: models.Model, name: str) -> Any:
    field_ = instance._meta.get_field(name)
    value = getattr(instance, name)
    if field_.choices and value:
        return str(getattr(instance, f"get_{name}_display")())
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value


def _name_and_id(org: Organisation | None) -> list[str]:
    return [org.name, org.org_id] if org else ["", ""]


def partnerships() -> Iterator[list[Any]]:
    rows = Partnership.objects.select_related(
        "partnership_type", "directorate", "lead_organisation", "accountable_body"
    ).order_by("reference")
    for p in rows.iterator(chunk_size=CHUNK):
        out: list[Any] = []
        for column in c.PARTNERSHIPS.exported:
            key = column.key
            if key in ("partnership_type", "directorate"):
                out.append(getattr(p, key).name)
            elif key in ("lead_organisation", "accountable_body"):
                out.append(_name_and_id(getattr(p, key))[0])
            elif key.endswith("_org_id"):
                out.append(_name_and_id(getattr(p, key.removesuffix("_org_id")))[1])
            else:
                out.append(_value(p, key))
        yield out


def organisations() -> Iterator[list[Any]]:
    for org in Organisation.objects.order_by("name", "pk").iterator(chunk_size=CHUNK):
        yield [_value(org, col.key) for col in c.ORGANISATIONS.columns]


def members() -> Iterator[list[Any]]:
    rows = Membership.objects.select_related("partnership", "organisation").order_by(
        "partnership__reference", "organisation__name", "pk"
    )
    for m in rows.iterator(chunk_size=CHUNK):
        yield [m.partnership.reference, *_name_and_id(m.organisation), _value(m, "role")] + [
            _value(m, k) for k in ("start_date", "end_date", "notes")
        ]


def representatives() -> Iterator[list[Any]]:
    rows = PartnershipRole.objects.select_related("partnership", "person", "person__organisation").order_by(
        "partnership__reference", "role", "person__name", "pk"
    )
    for r in rows.iterator(chunk_size=CHUNK):
        person = r.person
        yield [
            r.partnership.reference,
            person.name,
            person.job_title,
            _value(person, "kind"),
            *_name_and_id(person.organisation),
            person.email,
            person.phone,
            _value(r, "role"),
            r.start_date,
            r.end_date,
            r.notes,
        ]


def contributions() -> Iterator[list[Any]]:
    rows = Contribution.objects.select_related("partnership", "person").order_by(
        "partnership__reference", "-year", "category", "pk"
    )
    for x in rows.iterator(chunk_size=CHUNK):
        yield [
            x.partnership.reference,
            x.financial_year,
            _value(x, "category"),
            x.amount,
            _value(x, "finance_form"),
            x.person.name if x.person else "",
            x.hours,
            x.description,
        ]


def risks() -> Iterator[list[Any]]:
    rows = Risk.objects.select_related("partnership").order_by("partnership__reference", "reference")
    for risk in rows.iterator(chunk_size=CHUNK):
        yield [risk.partnership.reference] + [
            _value(risk, col.key) if col.key in ("kind", "status") else getattr(risk, col.key)
            for col in c.RISKS.columns[1:]
        ]


def obligations(today: date | None = None, *, framework: Framework) -> Iterator[list[Any]]:
    """Every open partnership's obligations under `framework`, worked out as the compliance dashboard
    does, in bulk."""
    today = today or clock.today()
    open_ones = Partnership.objects.exclude(status__in=FINISHED_STATUSES)
    for row in compliance.evaluate(framework, open_ones, today):
        p = row.partnership
        for result in row.obligations:
            yield [
                p.reference,
                p.name,
                row.tier_name,
                result.name,
                result.obligation_id,
                _STATUS.get(result.status, str(result.status).replace("_", " ").capitalize()),
                result.due,
                citations.display(result.cite, framework),
            ]


ROWS = {
    c.PARTNERSHIPS.name: partnerships,
    c.ORGANISATIONS.name: organisations,
    c.MEMBERS.name: members,
    c.REPRESENTATIVES.name: representatives,
    c.CONTRIBUTIONS.name: contributions,
    c.RISKS.name: risks,
}  # the sheets that are the register itself; the obligations sheet is worked out under a framework


def sheet_rows(name: str, *, framework: Framework) -> Iterator[list[Any]]:
    """The rows of the sheet called `name`; the obligations sheet is worked out under `framework`."""
    if name == c.OBLIGATIONS.name:
        return obligations(framework=framework)
    return ROWS[name]()
