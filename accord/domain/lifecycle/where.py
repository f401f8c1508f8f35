"""Where each artefact is done or recorded, so every item the framework asks for links to a page
(ADR 0024): the cycle's own pages, the Reviews and monitoring pages, and the natural places — the
Risks tab for a risk register, People and roles for a role, the exit plan or the register's field for
an exit strategy, the agreement page for the governing document. Anything else is recorded on the
generic "record that it was done" page."""

from django.urls import reverse

from accord.frameworks import places
from accord.frameworks.engine import ObligationResult, framework_type
from accord.frameworks.evidence_rules import governing_artefact
from accord.frameworks.schema import Artefact, Framework
from accord.register.models import Partnership

from . import content, cycle, framework_checklists


def is_governing(partnership: Partnership, framework: Framework, artefact: Artefact) -> bool:
    found = governing_artefact(framework, framework_type(framework, partnership.partnership_type.name))
    return found is not None and found.id == artefact.id


def _natural_place(partnership: Partnership, artefact: Artefact) -> str | None:
    pk = partnership.pk
    if artefact.met_by_role:
        return reverse("partnership", args=[pk]) + "#people"
    if page := places.page_for_obligation(artefact.kind):  # e.g. the Risks tab, registered by risks
        return reverse(page, args=[pk])
    if artefact.kind == "exit_strategy":
        if partnership.status == cycle.LEAVING:
            return reverse("leaving", args=[pk])
        return reverse("partnership-edit", args=[pk, "arrangements"])
    return None


def artefact_url(partnership: Partnership, framework: Framework, artefact: Artefact) -> str:
    """The page where this artefact is done (written, answered, recorded or decided)."""
    pk = partnership.pk
    elsewhere = content.done_elsewhere(framework, artefact)
    if elsewhere:
        return reverse(elsewhere, args=[pk])
    if natural := _natural_place(partnership, artefact):
        return natural
    pages = {
        "business_case": "business-case",
        "sign_off": "sign-off",
        "agreement": "agreement",
        "exit_decision": "leaving",
        "exit_report": "leaving-form",
        "approval": "approvals",
        "registration": "partnership",
    }
    if framework_checklists.recorded_as_a_record(framework, artefact):
        # a council with no leaving form of its own (Bury's final reports): recorded as a record
        return reverse("artefact-record", args=[pk, artefact.id])
    if artefact.kind in pages:
        return reverse(pages[artefact.kind], args=[pk])
    if artefact.kind == "terms_of_reference" and is_governing(partnership, framework, artefact):
        return reverse("agreement", args=[pk])
    if artefact.banks:
        return reverse("checklist", args=[pk, artefact.id, artefact.banks[0]])
    return reverse("artefact-record", args=[pk, content.slot_for(artefact)])


def obligation_url(partnership: Partnership, framework: Framework, result: ObligationResult) -> str | None:
    """Where an obligation is met: its artefact's page, or the page of the rule behind it."""
    artefact = next((a for a in framework.artefacts if a.id == result.artefact), None)
    if artefact is not None:
        return artefact_url(partnership, framework, artefact)
    page = places.page_for_obligation(result.artefact)  # registered by the app where it is met
    return reverse(page, args=[partnership.pk]) if page else None


class Finder:
    """`obligation_url` for many partnerships at once: one URL pattern per artefact, type and stage,
    reversed once (a reminder run may link thousands of items). Partnerships need `partnership_type`."""

    PLACEHOLDER = 987654321

    def __init__(self, framework: Framework):
        self.framework = framework
        self._patterns: dict[tuple[str, int, str], str | None] = {}

    def __call__(self, partnership: Partnership, result: ObligationResult) -> str | None:
        key = (result.artefact, partnership.partnership_type_id, partnership.status)
        if key not in self._patterns:
            stand_in = Partnership(
                pk=self.PLACEHOLDER, status=partnership.status, partnership_type=partnership.partnership_type
            )
            found = obligation_url(stand_in, self.framework, result)
            self._patterns[key] = found.replace(str(self.PLACEHOLDER), "{0}") if found else None
        pattern = self._patterns[key]
        return pattern.format(partnership.pk) if pattern else None
