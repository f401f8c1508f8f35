"""Demo reminders: the Director of Policy and Governance (the demo `approver` account) is the
accountable Head of Service for two of the officer's key partnerships whose reports are overdue,
so the approver's My work shows items escalated to them and `accord send_reminders --dry-run`
has escalations to list. The roles go through the register's services, as a user's would."""

from django.contrib.auth import get_user_model

from accord.register import services
from accord.register.models import Partnership, PartnershipRole, Person

HEAD_OF_SERVICE = "Simon Whitlock"
PARTNERSHIPS = ("CHO-KP-04", "CHO-KP-05")  # Glendale; Lancashire Waste Partnership
REASON = "Loaded with the demo council"


def load(username: str = "admin") -> int:
    actor = get_user_model().objects.filter(username=username).first()
    head = Person.objects.filter(name=HEAD_OF_SERVICE).first()
    if head is None:
        return 0
    made = 0
    for reference in PARTNERSHIPS:
        partnership = Partnership.objects.filter(reference=reference).first()
        if partnership is None or partnership.is_finished:
            continue
        if partnership.roles.filter(role="accountable_head_of_service").exists():
            continue
        services.add_child(
            actor,
            partnership,
            PartnershipRole,
            {"person": head, "role": "accountable_head_of_service", "start_date": partnership.start_date},
            expected_version=partnership.version,
            reason=REASON,
        )
        made += 1
    return made
