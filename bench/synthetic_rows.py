"""How one synthetic partnership, its roles and its contributions are made (bench/synthetic.py)."""

import random
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

from vocabulary import (  # noqa: E402
    AREAS,
    CLIENT_GROUPS,
    DESCRIPTIONS,
    NAME_PATTERNS,
    PLACES,
    PURPOSES,
    ROLE_WEIGHTS,
    STATUTORY_BASES,
)


def weighted(rng: random.Random, weights: dict[str, int]) -> Iterator[str]:
    """An endless stream of keys drawn by weight (drawn in blocks: much faster than one at a time)."""
    keys, values = list(weights), list(weights.values())
    while True:
        yield from rng.choices(keys, values, k=1024)


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


def title_case(text: str) -> str:
    """'Health and wellbeing' -> 'Health and Wellbeing', as partnership names are written."""
    return " ".join(w if w in ("and", "of") else w[:1].upper() + w[1:] for w in text.split())


class PartnershipRows:
    """Mixin for Generator: the rows of one partnership."""

    def _partnership(self, i: int):
        from accord.register.models import Partnership

        rng, today, streams = self.rng, self.today, self.streams
        type_name = next(streams["type"])
        status = next(streams["status"])
        council_role = next(streams["council_role"])
        themes = list(dict.fromkeys(next(streams["theme"]) for _ in range(rng.randint(2, 4))))
        place, place2 = rng.sample(PLACES, 2)
        directorate = rng.choices(self.directorates, self.directorate_weights)[0]

        lead = self.council if council_role == "lead" else rng.choice(self.lead_partners)
        partners = rng.sample(self.partners, rng.randint(1, 5))
        if lead is not self.council and lead not in partners:
            partners[0] = lead
        partners = list(dict.fromkeys(partners))
        accountable = None
        if council_role == "accountable_body":
            accountable = self.council
        elif rng.random() < 0.4:
            candidates = [o for o in partners if o.can_be_accountable_body]
            accountable = candidates[0] if candidates else None
        members = [(self.council, council_role if council_role != "other" else "member")]
        for org in partners:
            if org is lead:
                role = "lead"
            elif org is accountable:
                role = "accountable_body"
            else:
                role = "observer" if rng.random() < 0.15 else "member"
            members.append((org, role))

        start = today - timedelta(days=rng.randint(30, 9000)) if rng.random() < 0.95 else None
        end = None
        if status == "proposed":
            start = today + timedelta(days=rng.randint(10, 300))
            end = start + timedelta(days=rng.randint(365, 2000)) if rng.random() < 0.5 else None
        elif status == "closed":
            end = today - timedelta(days=rng.randint(1, 1500))
            start = min(start or end, end - timedelta(days=rng.randint(180, 3000)))
        else:
            roll = rng.random()
            if roll < 0.15:  # ends within the next 12 months
                end = today + timedelta(days=rng.randint(1, 365))
            elif roll < 0.65:
                end = today + timedelta(days=rng.randint(366, 2200))
        funding_end = today + timedelta(days=rng.randint(-400, 900)) if rng.random() < 0.15 else None
        theme = themes[0]
        statutory = rng.random() < 0.3
        clients = "; ".join(rng.sample(CLIENT_GROUPS, rng.randint(1, 3)))
        area = place if rng.random() < 0.4 else rng.choice(AREAS)
        description = rng.choice(DESCRIPTIONS).format(
            kind=type_name.lower(), theme=theme.lower(), area=area, lead=lead.name, clients=clients.lower()
        )
        incorporated = type_name in ("Joint venture company", "Private sector")
        partnership = Partnership(
            name=rng.choice(NAME_PATTERNS).format(place=place, place2=place2, theme=title_case(theme)),
            reference=f"{directorate.code}-{i + 1:06d}",
            description=description,
            purpose=rng.choice(PURPOSES),
            partnership_type=self.types[type_name],
            statutory_status="statutory" if statutory else "non_statutory",
            incorporation="incorporated" if incorporated else "unincorporated",
            statutory_basis=rng.choice(STATUTORY_BASES) if statutory else "",
            themes="; ".join(themes),
            geographical_area=area,
            client_groups=clients,
            lead_organisation=lead,
            accountable_body=accountable,
            council_role=council_role,
            directorate=directorate,
            start_date=start,
            proposed_end_date=end,
            external_funding_end_date=funding_end,
            funding_sources="Council budget; partners' contributions" if rng.random() < 0.6 else "",
            accountable_to="Executive Cabinet" if rng.random() < 0.5 else "The partnership board",
            monitoring_arrangements="Quarterly performance report to the lead directorate.",
            additional_monitoring_required=rng.random() < 0.2,
            covers_members_expenses=rng.choice(("yes", "no", "unknown")),
            status=status,
            is_published=rng.random() < 0.6,
        )
        return partnership, members

    def _roles(self, partnership, member_orgs) -> list[tuple]:
        """(person id, role, start, end, notes) rows: a lead officer from its directorate, then 1-3 more."""
        rng = self.rng
        directorate_officers = self.officers_by_directorate.get(partnership.directorate_id) or self.officers
        chosen = [("lead_officer", rng.choice(directorate_officers))]
        used = {chosen[0][1].pk}
        for role in rng.choices(list(ROLE_WEIGHTS), list(ROLE_WEIGHTS.values()), k=rng.randint(1, 3)):
            if role in ("council_representative", "substitute"):
                person = rng.choice(self.members)
            elif role == "partner_contact":
                contacts = [p for org in member_orgs for p in self.contacts_by_org.get(org.pk, ())]
                person = rng.choice(contacts or self.contacts)
            else:
                person = rng.choice(directorate_officers)
            if person.pk not in used:
                used.add(person.pk)
                chosen.append((role, person))
        rows = []
        started = partnership.start_date
        for role, person in chosen:
            begun = started + timedelta(days=rng.randint(0, 400)) if started and rng.random() < 0.8 else None
            ended = None
            if begun and role != "lead_officer" and rng.random() < 0.08:
                ended = begun + timedelta(days=rng.randint(30, 1500))
            rows.append((person.pk, role, begun, ended, ""))
        return rows

    def _contributions(self) -> list[tuple]:
        """(year, category, amount, finance form, person id, hours, description) rows, one to three."""
        rng = self.rng
        current_year = self.today.year if self.today.month >= 4 else self.today.year - 1  # financial year
        rows = []
        seen: set[tuple[int, str]] = set()
        for _ in range(rng.randint(1, 3)):
            year = current_year - rng.choice((0, 0, 0, 1, 1, 2))
            category = next(self.streams["category"])
            if (year, category) in seen:
                continue
            seen.add((year, category))
            if category == "finance":
                form = rng.choice(("grant", "grant", "budget_diversion", "pooled", "in_kind"))
                amount = Decimal(rng.randint(5, 2000) * 100)
                rows.append(
                    (year, category, amount, form, None, None, "Council grant towards the partnership")
                )
            elif category == "officer_time":
                hours = rng.randint(10, 400)
                amount = Decimal(hours * 38) if rng.random() < 0.6 else None
                person = rng.choice(self.officers).pk
                rows.append((year, category, amount, "", person, hours, "Officer support to the partnership"))
            else:
                amount = Decimal(rng.randint(2, 200) * 50) if rng.random() < 0.8 else None
                rows.append((year, category, amount, "", None, None, "Costed in-kind support"))
        return rows

    # -- accounts -------------------------------------------------------------------------------
