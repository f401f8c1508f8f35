"""What a partnership's page shows: each section of the record as a GOV.UK summary card."""

from typing import Any

from django.urls import reverse

from accord.kernel.audit.service import display_value
from accord.kernel.ui.components import summary_row

from . import offered_types
from .forms.partnerships import SECTIONS
from .models import Partnership

STAFF_ONLY_SECTIONS = {"arrangements", "publication"}
STAFF_ONLY_FIELDS = {"covers_members_expenses", "additional_monitoring_required", "is_published", "notes"}


def section_cards(partnership: Partnership, can_change: bool, staff: bool) -> list[dict[str, Any]]:
    cards = []
    for key, (title, fields) in SECTIONS.items():
        if not staff and key in STAFF_ONLY_SECTIONS:
            continue
        rows = []
        for name in fields:
            if not staff and name in STAFF_ONLY_FIELDS:
                continue
            field = Partnership._meta.get_field(name)
            if name == "subtype":
                if partnership.subtype or offered_types.subtypes_for(partnership.partnership_type.name):
                    rows.append(summary_row("Sub-type", _subtype(partnership)))
                continue
            rows.append(summary_row(str(field.verbose_name).capitalize(), display_value(partnership, field)))
        card: dict[str, Any] = {"title": {"text": title, "headingLevel": 2}, "attributes": {"id": key}}
        if can_change:
            card["actions"] = {
                "items": [
                    {
                        "href": reverse("partnership-edit", args=[partnership.pk, key]),
                        "text": "Change",
                        "visuallyHiddenText": title.lower(),
                    }
                ]
            }
        cards.append({"card": card, "rows": rows})
    return cards


def _subtype(partnership: Partnership) -> str:
    return offered_types.subtype_name(partnership.partnership_type.name, partnership.subtype)
