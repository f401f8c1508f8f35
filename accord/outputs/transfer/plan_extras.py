"""The dry run for the columns of a council's own one-sheet register that land in other records
(issue 18, ADR 0041), and the columns that land nowhere.

Each Partnerships row's extra columns become what the register keeps for them:

- Lead officer: the partnership's lead-officer role, held by the one person of that name (the
  council's, where people elsewhere share it), else a new council officer.
- Council contribution (and Contribution year): the council's finance contribution for that
  financial year, else the current one (1 April to 31 March, from the council's clock).
- In-kind support: an in-kind contribution, valued if the cell is an amount.
- Partners: a membership for each organisation (accord.outputs.transfer.landing_rules splits them).
- Governance document: the partnership's agreement (accord.domain.lifecycle.agreements).
- Last reviewed: when the framework's review duty was last done before Accord (issue 9, ADR 0021).

Members, roles and contributions are planned as rows of their own sheets (the import's writer adds
them with their history, in the same batch); the agreement and the last-done date are written by their
own services after it (commit_extras). Matching is by natural key, so importing the file again
changes nothing.
"""

from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from accord.domain.lifecycle.agreements import AGREEMENT_FIELDS
from accord.domain.lifecycle.models import Agreement
from accord.frameworks import tracking
from accord.frameworks.council_duties import financial_year_start
from accord.kernel import clock, values
from accord.register.models import (
    FINISHED_STATUSES,
    Contribution,
    ContributionCategory,
    FinanceForm,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
    PartnershipStatus,
    PersonKind,
    RoleType,
)
from accord.register.orgid import validate_org_id

from . import columns as c
from . import landing_rules as rules
from .landing_summary import COUNCIL_CONTRIBUTION, IN_KIND, KEYS, LANDS_IN, Extras, Later
from .lookups import Ambiguous, Lookups, NewPerson
from .mapping import Mapping
from .plan_children import _existing, _identity
from .plan_model import CREATED, UNCHANGED, UPDATED, Change, Plan, changed_values, where
from .reading import Workbook
from .rows import Row, RowProblem


def plan_extras(plan: Plan, lookups: Lookups, rows: list[Row], workbook: Workbook, mapping: Mapping) -> None:
    """Plan the extra columns of the Partnerships sheet; called once every sheet is planned."""
    # the columns no field is chosen for, as the plan worked them out (one rule: landing_summary)
    left_out = plan.assumed.not_imported
    extras = Extras(
        not_imported=[(sheet, header) for sheet, headers in left_out.items() for header in headers]
    )
    plan.extras = extras
    keys = mapping.get(c.PARTNERSHIPS.name, [])
    data = workbook.sheets.get(c.PARTNERSHIPS.name)
    if data is not None:
        extras.headers = {key: data.headers[i] for i, key in enumerate(keys) if key in KEYS}
    if not any(key in extras.headers for key in LANDS_IN):
        return
    Landing(plan, lookups, extras).run(rows)


def _year(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


class Landing:
    def __init__(self, plan: Plan, lookups: Lookups, extras: Extras):
        self.plan, self.lookups, self.extras = plan, lookups, extras
        self.by_row = {ch.row: ch for ch in plan.changes.get(c.PARTNERSHIPS.name, [])}
        ids = sorted(ch.instance.pk for ch in self.by_row.values() if ch.instance is not None)
        self.members = _existing(Membership, ids, lambda m: (m.partnership_id, m.organisation_id))
        self.roles = _existing(PartnershipRole, ids, lambda r: (r.partnership_id, r.person_id, r.role))
        self.contributions = _existing(
            Contribution, ids, lambda x: (x.partnership_id, x.year, x.category, c.squash(x.description))
        )
        self.agreements = {a.partnership_id: a for a in Agreement.objects.filter(partnership_id__in=ids)}
        self.leads: dict[int, list[str]] = {}
        current = PartnershipRole.objects.filter(
            partnership_id__in=ids, role=RoleType.LEAD_OFFICER, end_date__isnull=True
        ).select_related("person")
        for role in current.order_by("person__name"):
            self.leads.setdefault(role.partnership_id, []).append(role.person.name)
        self.last_done = tracking.last_done_for(ids)
        extras.year = financial_year_start(clock.today()).year
        framework = plan.framework if "last_reviewed" in extras.headers else None
        extras.review = rules.review_duty(framework) if framework is not None else None
        setting = tracking.setting()
        extras.go_live_set = setting is not None
        # With no go-live date set, Accord tracks duties from the day the first partnership was entered:
        # today, when this import enters the register's first.
        extras.go_live = setting.started_on if setting else (tracking.first_registered() or clock.today())
        self.given = self._given_on_sheets()
        # The contributions planned so far (the Contributions sheet's, then this sheet's), by natural key.
        self.planned: dict[tuple, Change] = {}
        for ch in plan.changes.get(c.CONTRIBUTIONS.name, []):
            self._planned(ch)

    def _given_on_sheets(self) -> set[tuple]:
        """What the Members, Representatives and Contributions sheets already say, by natural key."""
        given: set[tuple] = set()
        for ch in self.plan.changes.get(c.MEMBERS.name, []):
            given.add(("member", ch.reference, _saved(ch, "organisation")))
        for ch in self.plan.changes.get(c.REPRESENTATIVES.name, []):
            given.add(("role", ch.reference, _saved(ch, "person"), _field(ch, "role")))
        return given

    def _planned(self, change: Change) -> None:
        year, category, description = (_field(change, n) for n in ("year", "category", "description"))
        self.planned.setdefault((change.reference, year, category, c.squash(description or "")), change)

    # Rows ---------------------------------------------------------------------------------------

    def run(self, rows: list[Row]) -> None:
        for row in rows:
            if row.problems:
                continue  # its cells' problems are reported already
            change = self.by_row.get(row.number)
            if change is None:
                continue  # the partnership itself has a problem, reported already
            partnership = change.instance if isinstance(change.instance, Partnership) else None
            status = partnership.status if partnership else change.values.get("status", "")
            finished = PartnershipStatus(status).label.lower() if status in FINISHED_STATUSES else ""
            self.row(row, change.reference, partnership, finished)

    def row(self, row: Row, reference: str, partnership: Partnership | None, finished: str) -> None:
        if row.get("lead_officer"):
            self.lead_officer(row, reference, partnership)
        year = row.get("contribution_year", None) or self.extras.year
        if row.get("council_contribution", None) is not None:
            self.contribution(row, reference, partnership, year, "council_contribution")
        if row.get("in_kind"):
            self.contribution(row, reference, partnership, year, "in_kind")
        if row.get("partners"):
            self.partners(row, reference, partnership)
        if row.get("governance_document"):
            self.agreement(row, reference, partnership, finished)
        if row.get("last_reviewed", None):
            self.reviewed(row, reference, partnership, finished)

    def count(self, key: str, action: str) -> None:
        self.extras.counts.setdefault(key, Counter())[action] += 1

    def add(
        self, key: str, sheet: str, row: Row, values_: dict, instance, reference: str, partnership
    ) -> None:
        """A row of another sheet, planned from this Partnerships row."""
        changed = values_ if instance is None else changed_values(instance, values_)
        action = CREATED if instance is None else (UPDATED if changed else UNCHANGED)
        if action != UNCHANGED and partnership is not None and partnership.status in FINISHED_STATUSES:
            self.plan.problem(
                row, f"{partnership.name} is {partnership.get_status_display().lower()}: it is read-only"
            )
            return
        self.count(key, action)
        change = Change(row.sheet, row.number, action, changed, instance, reference)
        self.plan.changes.setdefault(sheet, []).append(change)
        if sheet == c.CONTRIBUTIONS.name:
            self._planned(change)

    def header(self, key: str) -> str:
        return self.extras.headers.get(key) or c.PARTNERSHIPS.by_key[key].header

    # Lead officer -------------------------------------------------------------------------------

    def person(self, row: Row, name: str):
        lookups = self.lookups
        key = c.squash(name)
        found: list = list(lookups._load_people().get(key, []))
        found += [p for (k, _), p in lookups.new_people.items() if k == key]
        council = lookups.council
        if len(found) > 1 and council is not None:
            theirs = [p for p in found if _works_for(p, council)]
            found = theirs if len(theirs) == 1 else found
        if len(found) > 1:
            self.plan.problem(
                row,
                f'{self.header("lead_officer")}: more than one person is called "{name}": '
                "name the lead officer on a Representatives sheet, with their email",
            )
            return None
        if found:
            return found[0]
        if council is None:
            self.plan.problem(row, "Add the council to the register before importing lead officers")
            return None
        person = lookups.person(name, council, "")
        if isinstance(person, NewPerson):
            person.values.setdefault("kind", PersonKind.OFFICER)
        return person

    def lead_officer(self, row: Row, reference: str, partnership: Partnership | None) -> None:
        person = self.person(row, " ".join(row.get("lead_officer").split()))
        if person is None or ("role", reference, _identity(person), RoleType.LEAD_OFFICER) in self.given:
            return
        self.given.add(("role", reference, _identity(person), RoleType.LEAD_OFFICER))
        instance = None
        if partnership is not None and not isinstance(person, NewPerson):
            instance = self.roles.get((partnership.pk, person.pk, RoleType.LEAD_OFFICER))
        values_ = {"person": person, "role": RoleType.LEAD_OFFICER}
        others = self.leads.get(partnership.pk, []) if partnership is not None and instance is None else []
        if others:
            self.extras.to_check.append(
                RowProblem(
                    row.sheet,
                    row.number,
                    f"{person} is added as a lead officer beside {' and '.join(others)}, who stays one: "
                    "end a role that has ended on the partnership's page",
                )
            )
        self.add("lead_officer", c.REPRESENTATIVES.name, row, values_, instance, reference, partnership)

    # Contributions ------------------------------------------------------------------------------

    def contribution(self, row: Row, reference: str, partnership, year: int, key: str) -> None:
        values_: dict[str, Any] | None = {
            "year": year,
            "category": ContributionCategory.FINANCE,
            "amount": row.get(key),
            "description": COUNCIL_CONTRIBUTION,
        }
        if key == "in_kind":
            values_ = self.in_kind(row, year)
        if values_ is None:
            return
        natural = (year, values_["category"], c.squash(values_["description"]))
        ch = self.planned.get((reference, *natural))
        if ch is not None:
            sheet_row = f"row {ch.row} of the {ch.sheet} sheet" if ch.sheet != row.sheet else f"row {ch.row}"
            self.plan.problem(
                row, f"{self.header(key)} for {_year(year)} is also on {sheet_row}: give it once"
            )
            return
        instance = self.contributions.get((partnership.pk, *natural)) if partnership else None
        self.add(key, c.CONTRIBUTIONS.name, row, values_, instance, reference, partnership)

    def in_kind(self, row: Row, year: int) -> dict[str, Any] | None:
        text = row.get("in_kind")
        try:
            amount: Decimal | None = values.parse_money(text, self.header("in_kind"))
        except values.ValueProblem as problem:
            if problem.reason != values.MONEY_NEGATIVE:
                amount = None  # words, not an amount: they describe the support
            else:
                self.plan.problem(row, problem.with_value())
                return None
        return {
            "year": year,
            "category": ContributionCategory.OTHER,
            "finance_form": FinanceForm.IN_KIND,
            "amount": amount,
            "description": IN_KIND if amount is not None else text,
        }

    # Partners -----------------------------------------------------------------------------------

    def known(self, name: str) -> bool:
        key = c.squash(name)
        return key in self.lookups.org_by_name or key in self.lookups.new_orgs

    def partners(self, row: Row, reference: str, partnership: Partnership | None) -> None:
        for partner in rules.split_partners(row.get("partners"), self.known):
            org_id = partner.org_id
            if org_id:
                try:
                    validate_org_id(org_id)
                except ValidationError as problem:
                    message = " ".join(str(m) for m in problem.messages)
                    self.plan.problem(
                        row, f'{self.header("partners")}: the org-id "{org_id}" of {partner.name}: {message}'
                    )
                    continue
            if len(partner.name) > 200:
                self.plan.problem(
                    row, f"{self.header('partners')}: each name must be 200 characters or fewer"
                )
                continue
            try:
                organisation = self.lookups.organisation(partner.name, org_id, where(row))
            except Ambiguous as problem:
                self.plan.problem(row, f"{self.header('partners')}: {problem}")
                continue
            if organisation is self.lookups.council:
                continue  # the council's own membership follows its role on the partnership
            natural = ("member", reference, _identity(organisation))
            if natural in self.given:
                continue
            self.given.add(natural)
            instance = None
            if partnership is not None and isinstance(organisation, Organisation):
                instance = self.members.get((partnership.pk, organisation.pk))
            values_ = (
                {"organisation": organisation}
                if instance
                else {"organisation": organisation, "role": "member"}
            )
            self.add("partners", c.MEMBERS.name, row, values_, instance, reference, partnership)

    # Governance document ------------------------------------------------------------------------

    def not_recorded(self, row: Row, message: str) -> None:
        self.extras.not_recorded.append(RowProblem(row.sheet, row.number, message))

    def agreement(self, row: Row, reference: str, partnership: Partnership | None, finished: str) -> None:
        title = row.get("governance_document")
        kind, status = rules.document_type(title), rules.document_status(title)
        existing = self.agreements.get(partnership.pk) if partnership else None
        if existing is None:
            wanted = {name: None if name.endswith("_on") else "" for name in AGREEMENT_FIELDS}
            wanted.update(
                title=title,
                document_type=kind or rules.DEFAULT_DOCUMENT,
                status=status or rules.UNKNOWN_STATUS,
            )
            action = CREATED
        else:
            wanted = {name: getattr(existing, name) for name in AGREEMENT_FIELDS}
            wanted.update(
                title=title, document_type=kind or existing.document_type, status=status or existing.status
            )
            action = UPDATED if any(wanted[k] != getattr(existing, k) for k in wanted) else UNCHANGED
        if action != UNCHANGED and finished:
            self.not_recorded(
                row,
                f'{self.header("governance_document")} "{title}" is not recorded: the partnership is '
                f"{finished}, so its records cannot change",
            )
            return
        self.count("governance_document", action)
        self.extras.agreements.append(Later(reference, row.number, action, wanted))

    # Last reviewed ------------------------------------------------------------------------------

    def reviewed(self, row: Row, reference: str, partnership: Partnership | None, finished: str) -> None:
        done_on: date = row.get("last_reviewed")
        header = self.header("last_reviewed")
        review, go_live = self.extras.review, self.extras.go_live
        if review is None:
            self.not_recorded(row, f"{header} is not recorded: the council's framework has no review duty")
            return
        assert go_live is not None
        if done_on >= go_live:
            why = (
                ""
                if self.extras.go_live_set
                else " (no go-live date is set: it is the day the register's first partnership was entered)"
            )
            self.plan.problem(
                row,
                f"{header} ({_long(done_on)}) must be before {_long(go_live)}, when Accord began tracking "
                f"the council's duties{why}: a review since then is recorded in Accord itself",
            )
            return
        recorded = self.last_done.get(partnership.pk, {}).get(review.id) if partnership else None
        action = CREATED if recorded is None else (UNCHANGED if recorded == done_on else UPDATED)
        if action != UNCHANGED and finished:
            self.not_recorded(
                row, f"{header} is not recorded: the partnership is {finished}, so no review is due"
            )
            return
        self.count("last_reviewed", action)
        self.extras.last_done.append(
            Later(reference, row.number, action, {"obligation_id": review.id, "done_on": done_on})
        )


def _field(change: Change, name: str) -> Any:
    """A field of a planned row: as the file gives it, else as the register holds it (unchanged)."""
    return change.values[name] if name in change.values else getattr(change.instance, name, None)


def _saved(change: Change, name: str) -> tuple:
    """The identity of a planned row's organisation or person (without loading a saved one)."""
    if name in change.values:
        return _identity(change.values[name])
    return ("saved", getattr(change.instance, f"{name}_id", None))


def _works_for(person, organisation: Organisation) -> bool:
    if isinstance(person, NewPerson):
        return person.organisation is organisation
    return person.organisation_id == organisation.pk
