"""The register list's search, filters and sorting, applied to the partnerships a user may see."""

from datetime import date

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet

from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm, as_select, field_of
from accord.kernel.ui.widgets import MoneyField
from accord.register.access import current

from . import offered_types
from .models import (
    CouncilRole,
    Directorate,
    Partnership,
    PartnershipRole,
    PartnershipStatus,
    PartnershipType,
    RoleType,
)
from .search import apply_search, words

SORTS = {
    "name": ("Name (A to Z)", ["name", "id"]),
    "-updated": ("Recently updated", ["-updated_at", "id"]),
    "end": ("Ending soonest", ["proposed_end_date", "name"]),
    "-contribution": ("Largest contribution", ["-latest_year_contribution", "name"]),
}


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


class RegisterFilterForm(GovukForm):
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Words from the name, reference, purpose, themes, area or lead organisation",
    )
    partnership_type = forms.ModelChoiceField(
        label="Type", queryset=PartnershipType.objects.none(), required=False, empty_label="Any type"
    )
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any status"), *PartnershipStatus.choices], required=False
    )
    directorate = forms.ModelChoiceField(
        label="Directorate or service",
        queryset=Directorate.objects.all(),
        required=False,
        empty_label="Any directorate",
    )
    council_role = forms.ChoiceField(
        label="The council's role", choices=[("", "Any role"), *CouncilRole.choices], required=False
    )
    lead_officer = forms.CharField(
        label="Lead officer",
        required=False,
        max_length=100,
        help_text="Their name, or part of it",
    )
    ends_within = forms.IntegerField(
        label="Ends within (months)",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Partnerships whose proposed end date falls within this many months",
    )
    contribution_above = MoneyField(
        label="Council contribution above (£)",
        required=False,
        help_text="In the latest year recorded, like 12,500 or £1.25m",
    )
    sort = forms.ChoiceField(label="Sort by", choices=[(k, v[0]) for k, v in SORTS.items()], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "partnership_type", forms.ModelChoiceField).queryset = offered_types.choices()
        for name in ("partnership_type", "status", "directorate", "council_role", "sort"):
            as_select(field_of(self, name, forms.ChoiceField))

    def active_filters(self) -> list[tuple[str, str]]:
        if not self.is_valid():
            return []
        shown = []
        for name, value in self.cleaned_data.items():
            if name == "sort" or value in (None, ""):
                continue
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                value = dict(field.choices).get(value, value)
            shown.append((str(field.label), str(value)))
        return shown


def filter_register(
    queryset: QuerySet[Partnership], data: dict, today: date | None = None, counting: bool = False
) -> QuerySet[Partnership]:
    """Apply cleaned filter values to a queryset of visible partnerships.

    `counting` builds the same set shaped for counting it (see search.apply_search), unordered.
    """
    today = today or clock.today()
    if data.get("q"):
        queryset = apply_search(queryset, data["q"], counting=counting)
    if data.get("partnership_type"):
        queryset = queryset.filter(offered_types.matching(data["partnership_type"]))
    for name in ("status", "directorate", "council_role"):
        if data.get(name):
            queryset = queryset.filter(**{name: data[name]})
    if data.get("lead_officer"):
        leads = current(
            PartnershipRole.objects.filter(partnership=OuterRef("pk"), role=RoleType.LEAD_OFFICER), today
        )
        for word in words(data["lead_officer"])[:4]:
            leads = leads.filter(person__name__icontains=word)
        queryset = queryset.filter(Exists(leads))
    if data.get("ends_within"):
        queryset = queryset.filter(
            proposed_end_date__gte=today, proposed_end_date__lte=add_months(today, data["ends_within"])
        )
    if data.get("contribution_above") is not None:
        queryset = queryset.filter(latest_year_contribution__gt=data["contribution_above"])
    if counting:
        return queryset
    return queryset.order_by(*SORTS.get(data.get("sort") or "name", SORTS["name"])[1])


def register_query(
    form: RegisterFilterForm, visible: QuerySet[Partnership]
) -> tuple[QuerySet[Partnership], QuerySet[Partnership]]:
    """The filtered partnerships to list, and the same set shaped for counting."""
    data = form.cleaned_data if form.is_valid() else {}
    listed = (
        filter_register(visible, data).select_related("partnership_type", "directorate").only(*LIST_COLUMNS)
    )
    counted = filter_register(visible, data, counting=True).order_by()
    return listed, counted


# The columns the register list shows; loading only these keeps long text out of the list query.
LIST_COLUMNS = (
    "name",
    "reference",
    "status",
    "council_role",
    "proposed_end_date",
    "partnership_type__name",
    "directorate__name",
)


__all__ = ["RegisterFilterForm", "filter_register", "register_query", "SORTS", "add_months", "Q"]
