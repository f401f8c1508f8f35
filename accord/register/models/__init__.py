from .contributions import Contribution
from .organisations import Organisation, Sector
from .partnerships import (
    FINISHED_STATUSES,
    ContributionCategory,
    CouncilRole,
    FinanceForm,
    LegalIncorporation,
    MemberRole,
    Membership,
    Partnership,
    PartnershipStatus,
    PriorityLink,
    StatutoryStatus,
    YesNoUnknown,
)
from .people import PartnershipRole, Person, PersonKind, RoleType
from .reference import CorporatePriority, Directorate, PartnershipType
from .search import SearchTerm

__all__ = [
    "FINISHED_STATUSES",
    "Contribution",
    "ContributionCategory",
    "CorporatePriority",
    "CouncilRole",
    "Directorate",
    "FinanceForm",
    "LegalIncorporation",
    "MemberRole",
    "Membership",
    "Organisation",
    "Partnership",
    "PartnershipRole",
    "PartnershipStatus",
    "PartnershipType",
    "Person",
    "PersonKind",
    "PriorityLink",
    "RoleType",
    "SearchTerm",
    "Sector",
    "StatutoryStatus",
    "YesNoUnknown",
]
