"""The steps of setting up Accord and the rules that give each its state: pure (no Django, no
database), so every state of every step is tested from facts alone.

Each step is data (`STEPS`): its key, its title, the page that does it and its rule, a function of
`SetupFacts` to a `Verdict` (a state and the sentences that say why). The states are the GOV.UK task
list's: Completed, Incomplete, Not yet started and Cannot start yet. A step is Completed only when
the facts show it done; settings that only the service's operators can change say what is set and
how to change it, and never claim more (ADR 0039).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class State(StrEnum):
    COMPLETED = "Completed"
    INCOMPLETE = "Incomplete"
    NOT_STARTED = "Not yet started"
    CANNOT_START = "Cannot start yet"


# The settings that name and brand the council's service, with what each is, in order.
COUNCIL_SETTINGS: tuple[tuple[str, str], ...] = (
    ("COUNCIL_NAME", "Council name"),
    ("COUNCIL_SHORT_NAME", "Short name"),
    ("COUNCIL_BRAND_COLOUR", "Header colour"),
)


@dataclass(frozen=True)
class CouncilFacts:
    values: dict[str, str]  # setting name -> its value now
    configured: frozenset[str]  # the settings the service's operators set (the rest are Accord's defaults)


@dataclass(frozen=True)
class FrameworkFacts:
    name: str
    council: str  # the council whose framework it is, in the file's words
    version: str
    is_model: bool  # Accord's model framework, for a council without its own
    chosen: bool  # the service's operators chose it (ACCORD_FRAMEWORK is set)
    council_name: str  # the council this service is for (COUNCIL_NAME)
    council_name_set: bool = False  # the operators set COUNCIL_NAME (it is not Accord's example)
    not_adopted: tuple[str, ...] = ()  # newer versions found in files but not adopted
    pending: tuple[str, date] | None = None  # a version adopted from a day still to come
    problem: str = ""  # why the versions cannot be read (two files giving one version)


@dataclass(frozen=True)
class TrackingFacts:
    set_on: date | None  # the day an administrator set, if they did
    first_registered: date | None  # the day the first partnership was entered, if any


@dataclass(frozen=True)
class ImportFacts:
    partnerships: int  # in the register
    imported: int  # imports that finished and wrote to the register
    last_outcome: str = ""  # the latest import's: "uploaded", "imported" or "refused" ("" if none)
    last_file: str = ""
    last_on: date | None = None
    last_problems: int = 0


@dataclass(frozen=True)
class UserFacts:
    others: dict[str, int]  # role label -> active accounts with it, administrators left out
    deciding_roles: dict[str, str]  # framework role id -> its title: the roles that approve
    appointed: frozenset[str]  # framework role ids someone is appointed to


@dataclass(frozen=True)
class RulebookFacts:
    version: str  # the framework version in force
    checked_version: str = ""  # the version of the latest confirmation ("" if none)
    checked_by: str = ""
    checked_on: date | None = None


@dataclass(frozen=True)
class PublishFacts:
    partnerships: int
    publishable: int  # at a stage the public register shows
    published: int  # on the public register


@dataclass(frozen=True)
class SetupFacts:
    council: CouncilFacts
    framework: FrameworkFacts
    tracking: TrackingFacts
    register: ImportFacts
    users: UserFacts
    rulebook: RulebookFacts
    publish: PublishFacts


@dataclass(frozen=True)
class Verdict:
    state: State
    why: tuple[str, ...] = field(default_factory=tuple)  # sentences, in plain English


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    url_name: str  # the page that does it ("" for this page's own section)
    rule: Callable[[SetupFacts], Verdict]


@dataclass(frozen=True)
class StepResult:
    key: str
    title: str
    url_name: str
    state: State
    why: tuple[str, ...]


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def council_details(facts: SetupFacts) -> Verdict:
    council = facts.council
    missing = [label.lower() for name, label in COUNCIL_SETTINGS if name not in council.configured]
    name = council.values.get("COUNCIL_NAME", "")
    if not missing:
        return Verdict(State.COMPLETED, (f"The service is named for {name}.",))
    if len(missing) == len(COUNCIL_SETTINGS):
        return Verdict(
            State.NOT_STARTED,
            (f"Accord's example details are in use ({name}). The people who run the service set them.",),
        )
    return Verdict(
        State.INCOMPLETE,
        (f"Still Accord's example: the {_and(missing)}. The people who run the service set these.",),
    )


def framework_in_force(facts: SetupFacts) -> Verdict:
    fw = facts.framework
    named = f"{fw.name} ({fw.council}), version {fw.version}"
    if fw.problem:
        return Verdict(State.INCOMPLETE, (fw.problem,))
    why = [f"In force: {named}."]
    if fw.pending:
        why.append(f"Version {fw.pending[0]} takes effect on {long_date(fw.pending[1])}.")
    if fw.not_adopted:
        versions = _and([f"version {v}" for v in fw.not_adopted])
        why.append(f"A newer file, {versions}, has not been adopted: check what it changes and adopt it.")
        return Verdict(State.INCOMPLETE, tuple(why))
    if fw.chosen or (fw.council_name_set and not fw.is_model and fw.council == fw.council_name):
        return Verdict(State.COMPLETED, tuple(why))
    why.append(
        "This is Accord's example framework, not one chosen for this service: the people who run the "
        "service choose the council's framework."
    )
    return Verdict(State.NOT_STARTED, tuple(why))


def go_live(facts: SetupFacts) -> Verdict:
    tracking = facts.tracking
    if tracking.set_on is not None:
        return Verdict(State.COMPLETED, (f"Accord began tracking duties on {long_date(tracking.set_on)}.",))
    if tracking.first_registered is not None:
        counted = f"the day the first partnership was entered, {long_date(tracking.first_registered)}"
        return Verdict(State.NOT_STARTED, (f"Until you set it, Accord counts from {counted}.",))
    return Verdict(
        State.NOT_STARTED,
        (
            "The day the council started keeping its register in Accord: "
            "duties due before it are never overdue.",
        ),
    )


def import_register(facts: SetupFacts) -> Verdict:
    reg = facts.register
    last = ""
    if reg.last_outcome == "refused":
        last = f"The last import, of {reg.last_file}, was refused: {_plural(reg.last_problems, 'problem')}."
    elif reg.last_outcome == "uploaded":
        last = f"The import of {reg.last_file} has not been finished: nothing from it is in the register yet."
    if reg.partnerships:
        how = (
            f"from {_plural(reg.imported, 'import')}" if reg.imported else "added one at a time, not imported"
        )
        found = f"{_plural(reg.partnerships, 'partnership')} in the register ({how})."
        return Verdict(State.COMPLETED, (found, last) if last else (found,))
    if reg.last_outcome:
        return Verdict(State.INCOMPLETE, (last or "The register is empty.",))
    return Verdict(State.NOT_STARTED, ("The register is empty.",))


def add_users(facts: SetupFacts) -> Verdict:
    users = facts.users
    total = sum(users.others.values())
    if not total:
        return Verdict(State.NOT_STARTED, ("Only administrators have accounts so far.",))
    who = _and([_plural(n, label.lower()) for label, n in users.others.items() if n])
    why = [f"Besides administrators: {who}."]
    unfilled = [title for role_id, title in users.deciding_roles.items() if role_id not in users.appointed]
    if unfilled:
        why.append(f"Nobody is appointed yet to decide as {_and(unfilled)}.")
        return Verdict(State.INCOMPLETE, tuple(why))
    return Verdict(State.COMPLETED, tuple(why))


def check_rulebook(facts: SetupFacts) -> Verdict:
    rb = facts.rulebook
    if not rb.checked_version:
        return Verdict(
            State.NOT_STARTED, ("Nobody has confirmed checking it against the council's document.",)
        )
    when = f" on {long_date(rb.checked_on)}" if rb.checked_on else ""
    if rb.checked_version == rb.version:
        return Verdict(State.COMPLETED, (f"{rb.checked_by} checked version {rb.version}{when}.",))
    return Verdict(
        State.INCOMPLETE,
        (
            f"{rb.checked_by} checked version {rb.checked_version}{when}; "
            f"version {rb.version} is in force now.",
        ),
    )


def publish(facts: SetupFacts) -> Verdict:
    pub = facts.publish
    if not pub.partnerships:
        return Verdict(State.CANNOT_START, ("Import the register first.",))
    if not pub.publishable:
        return Verdict(
            State.CANNOT_START,
            ("No partnership is far enough through its cycle to be shown to the public yet.",),
        )
    shown = f"{pub.published} of the {_plural(pub.publishable, 'partnership')} that can be published"
    if not pub.published:
        how = (
            'To publish one, answer Yes to "Published to the public" when you change it, '
            "or in that column when you import."
        )
        return Verdict(State.NOT_STARTED, (f"{shown} are on the public register.", how))
    verb = "is" if pub.published == 1 else "are"
    return Verdict(State.COMPLETED, (f"{shown} {verb} on the public register.",))


STEPS: tuple[Step, ...] = (
    Step("council", "Council details and branding", "", council_details),
    Step("framework", "Choose the partnership framework", "framework-versions", framework_in_force),
    Step("go-live", "Set the day Accord began tracking duties", "tracking-start", go_live),
    Step("import", "Import the register", "transfer", import_register),
    Step("users", "Add users and appoint who decides", "appointments", add_users),
    Step("rulebook", "Check the rulebook", "rulebook", check_rulebook),
    Step("publish", "Publish the register", "public-register", publish),
)


def evaluate(facts: SetupFacts, steps: tuple[Step, ...] = STEPS) -> list[StepResult]:
    """Every step with its state and why, in order."""
    results = []
    for step in steps:
        verdict = step.rule(facts)
        results.append(StepResult(step.key, step.title, step.url_name, verdict.state, verdict.why))
    return results


def completed(results: list[StepResult]) -> int:
    return sum(1 for r in results if r.state == State.COMPLETED)
