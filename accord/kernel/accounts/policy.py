"""Who may see and do what: the one place that decides.

`RULES` is the declared policy: each action names the roles that may take it, and for actions on
one partnership whether the role's access depends on the user's own link to it. Views ask `can()`
(or `require()`); which partnerships a user is linked to is the register's to say
(accord.register.access, which also scopes every register query); tests walk every URL against
this table.
"""

from enum import StrEnum
from typing import Any, Protocol

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .models import Role

ALL_STAFF = frozenset({Role.ADMINISTRATOR, Role.OFFICER, Role.APPROVER, Role.MEMBER, Role.AUDITOR})
EVERYONE = ALL_STAFF | {Role.PARTNER}


class Action(StrEnum):
    VIEW_REGISTER = "view_register"  # the register list and partnership pages (scoped)
    VIEW_STAFF_SECTIONS = "view_staff_sections"  # contributions, insurance, exit, internal fields
    VIEW_HISTORY = "view_history"
    VIEW_DIRECTORY = "view_directory"  # organisation and people pages
    CREATE_PARTNERSHIP = "create_partnership"
    CHANGE_PARTNERSHIP = "change_partnership"
    CREATE_ORGANISATION = "create_organisation"
    CHANGE_ORGANISATION = "change_organisation"
    CREATE_PERSON = "create_person"
    CHANGE_PERSON = "change_person"
    MANAGE_REFERENCE_LISTS = "manage_reference_lists"
    OVERRIDE_SIGNIFICANCE = "override_significance"
    OVERRIDE_GATE = "override_gate"  # let a partnership past one missing gate item, with a written reason
    VIEW_COMPLIANCE = "view_compliance"
    CLASSIFY = "classify"
    VIEW_CYCLE = "view_cycle"  # a partnership's cycle, its business case, sign-off and documents
    DECIDE = "decide"  # approve or refuse in a framework role the user is appointed to
    MANAGE_APPOINTMENTS = "manage_appointments"  # who decides in which framework role
    VIEW_RISKS = "view_risks"  # a partnership's joint risk register (partners: their own partnerships)
    CHANGE_RISKS = "change_risks"  # add, score, review and update risks, controls and actions
    VIEW_COUNCIL_RISKS = "view_council_risks"  # risks across every partnership
    VIEW_MONITORING = (
        "view_monitoring"  # a partnership's performance, progress reports, reviews, ratings, duties
    )
    CHANGE_MONITORING = "change_monitoring"  # record indicators, values, progress reports, meetings
    REVIEW = "review"  # carry out a partnership's review and confirm its assurance rating
    VIEW_REPORTS = "view_reports"  # council-wide reports, the council calendar and issued snapshots
    ISSUE_REPORTS = "issue_reports"  # issue a report (freeze it as a snapshot)
    IMPORT_REGISTER = "import_register"  # bring a register in from a spreadsheet
    EXPORT_REGISTER = "export_register"  # download the whole register (every concern) as Excel or CSV
    MANAGE_SIGN_IN = "manage_sign_in"  # switch sign-in with a username and password on or off
    SET_TRACKING_START = "set_tracking_start"  # the day Accord began tracking the council's duties
    ADOPT_FRAMEWORK_VERSION = "adopt_framework_version"  # a new version of the framework, from a day
    VIEW_RULEBOOK = "view_rulebook"  # the framework in force, in plain English (staff, not partners)
    SET_UP_ACCORD = "set_up_accord"  # the set-up task list, and confirming the rulebook was checked


# action -> (roles allowed, roles whose access to one partnership needs a link to it)
RULES: dict[Action, tuple[frozenset[str], frozenset[str]]] = {
    Action.VIEW_REGISTER: (EVERYONE, frozenset({Role.PARTNER})),
    Action.VIEW_STAFF_SECTIONS: (ALL_STAFF, frozenset()),
    Action.VIEW_HISTORY: (ALL_STAFF, frozenset()),
    Action.VIEW_DIRECTORY: (ALL_STAFF, frozenset()),
    Action.CREATE_PARTNERSHIP: (frozenset({Role.ADMINISTRATOR, Role.OFFICER}), frozenset()),
    Action.CHANGE_PARTNERSHIP: (frozenset({Role.ADMINISTRATOR, Role.OFFICER}), frozenset({Role.OFFICER})),
    Action.CREATE_ORGANISATION: (frozenset({Role.ADMINISTRATOR, Role.OFFICER}), frozenset()),
    Action.CHANGE_ORGANISATION: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.CREATE_PERSON: (frozenset({Role.ADMINISTRATOR, Role.OFFICER}), frozenset()),
    Action.CHANGE_PERSON: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.MANAGE_REFERENCE_LISTS: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.OVERRIDE_SIGNIFICANCE: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.OVERRIDE_GATE: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.VIEW_COMPLIANCE: (ALL_STAFF, frozenset()),
    Action.CLASSIFY: (frozenset({Role.ADMINISTRATOR, Role.OFFICER}), frozenset()),
    Action.VIEW_CYCLE: (ALL_STAFF, frozenset()),
    Action.DECIDE: (frozenset({Role.ADMINISTRATOR, Role.APPROVER}), frozenset()),
    Action.MANAGE_APPOINTMENTS: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.VIEW_RISKS: (EVERYONE, frozenset({Role.PARTNER})),
    Action.CHANGE_RISKS: (
        frozenset({Role.ADMINISTRATOR, Role.OFFICER, Role.PARTNER}),
        frozenset({Role.OFFICER, Role.PARTNER}),
    ),
    Action.VIEW_COUNCIL_RISKS: (ALL_STAFF, frozenset()),
    Action.VIEW_MONITORING: (ALL_STAFF, frozenset()),
    Action.CHANGE_MONITORING: (frozenset({Role.ADMINISTRATOR, Role.OFFICER}), frozenset({Role.OFFICER})),
    Action.REVIEW: (frozenset({Role.ADMINISTRATOR, Role.OFFICER, Role.APPROVER}), frozenset({Role.OFFICER})),
    Action.VIEW_REPORTS: (ALL_STAFF, frozenset()),
    Action.ISSUE_REPORTS: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.IMPORT_REGISTER: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.EXPORT_REGISTER: (frozenset({Role.ADMINISTRATOR, Role.AUDITOR}), frozenset()),
    Action.MANAGE_SIGN_IN: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.SET_TRACKING_START: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.ADOPT_FRAMEWORK_VERSION: (frozenset({Role.ADMINISTRATOR}), frozenset()),
    Action.VIEW_RULEBOOK: (ALL_STAFF, frozenset()),
    Action.SET_UP_ACCORD: (frozenset({Role.ADMINISTRATOR}), frozenset()),
}


class Linkable(Protocol):
    """A partnership as the policy sees it: the register answers whether a user is linked to it."""

    def is_linked_to(self, user: Any) -> bool: ...


def role_of(user: Any) -> str | None:
    """The user's role, or None for someone signed out or deactivated."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.role


def needs_link(user: Any, action: Action) -> bool:
    """Whether this user's access for `action` depends on their own link to the partnership."""
    return role_of(user) in RULES[action][1]


def can(user: Any, action: Action, partnership: Linkable | None = None) -> bool:
    role = role_of(user)
    allowed, linked_roles = RULES[action]
    if role not in allowed:
        return False
    if role in linked_roles and partnership is not None:
        return partnership.is_linked_to(user)
    return True


def require(request: HttpRequest, action: Action, partnership: Linkable | None = None) -> None:
    """Refuse (403) unless the signed-in user may take `action` (on `partnership`, if given)."""
    if not can(request.user, action, partnership):
        raise PermissionDenied
