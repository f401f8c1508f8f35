"""Forms for what hangs off a partnership: members, people's roles, contributions, priorities."""

from django import forms
from django.db.models import Q
from django.forms import modelform_factory

from accord.kernel.ui.forms import (
    GovukModelForm,
    ReasonMixin,
    as_select,
    check_date_order,
    field_of,
    govuk_formfield,
)
from accord.kernel.ui.widgets import MoneyField
from accord.register.models import (
    Contribution,
    ContributionCategory,
    CorporatePriority,
    Membership,
    Organisation,
    PartnershipRole,
    Person,
    PriorityLink,
)


class ChildForm(GovukModelForm):
    """A form for a record belonging to `partnership`."""

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        super().__init__(*args, **kwargs)


class MembershipFormBase(ChildForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = field_of(self, "organisation", forms.ModelChoiceField)
        organisation.queryset = Organisation.objects.order_by("name")
        organisation.empty_label = "Choose an organisation"

    def clean(self):
        cleaned = super().clean()
        check_date_order(self, "start_date", "end_date", "Date left must be after the date joined")
        organisation = cleaned.get("organisation")
        duplicate = Membership.objects.filter(partnership=self.partnership, organisation=organisation)
        if organisation and duplicate.exclude(pk=self.instance.pk).exists():
            self.add_error("organisation", f"{organisation} is already a member of this partnership")
        return cleaned


class RoleFormBase(ChildForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        person = field_of(self, "person", forms.ModelChoiceField)
        person.queryset = Person.objects.select_related("organisation").order_by("name")
        person.label_from_instance = lambda p: f"{p.name} ({p.job_title or p.organisation})"
        person.empty_label = "Choose a person"
        as_select(field_of(self, "role", forms.ChoiceField))

    def clean(self):
        cleaned = super().clean()
        check_date_order(self, "start_date", "end_date", "End date must be after the start date")
        person, role = cleaned.get("person"), cleaned.get("role")
        if person and role and not self.errors:
            start, end = cleaned.get("start_date"), cleaned.get("end_date")
            others = PartnershipRole.objects.filter(
                partnership=self.partnership, person=person, role=role
            ).exclude(pk=self.instance.pk)
            # Two periods overlap unless one ends before the other starts (open ends never end).
            if start:
                others = others.filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            if end:
                others = others.filter(Q(start_date__isnull=True) | Q(start_date__lte=end))
            if others.exists():
                label = dict(PartnershipRole._meta.get_field("role").choices)[role]
                self.add_error(
                    "person",
                    f"{person} is already {label.lower()} on this partnership for some of those dates",
                )
        return cleaned


class ContributionFormBase(ChildForm):
    amount = MoneyField(
        label="Amount (£)",
        required=False,
        help_text=Contribution._meta.get_field("amount").help_text,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        as_select(field_of(self, "category", forms.ChoiceField))
        officers = Person.objects.filter(organisation__is_council=True, kind="officer").order_by("name")
        person = field_of(self, "person", forms.ModelChoiceField)
        person.queryset = officers
        person.empty_label = "Not officer time"
        self.fields["finance_form"].required = False

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category == ContributionCategory.FINANCE:
            if cleaned.get("amount") is None and "amount" not in self.errors:
                self.add_error("amount", "Enter the amount of money the council puts in")
            if not cleaned.get("finance_form"):
                self.add_error("finance_form", "Select the form the money takes")
        elif cleaned.get("finance_form"):
            self.add_error(
                "finance_form", "Only money has a form of finance; leave this blank for other resources"
            )
        if category == ContributionCategory.OFFICER_TIME:
            if not cleaned.get("person"):
                self.add_error("person", "Select the officer whose time it is")
            if not cleaned.get("hours"):
                self.add_error("hours", "Enter the hours a year")
        return cleaned


class PriorityFormBase(ChildForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        priority = field_of(self, "priority", forms.ModelChoiceField)
        priority.queryset = CorporatePriority.objects.filter(active=True)
        priority.empty_label = "Choose a priority"
        self.fields["how"].label = "How the partnership contributes to it"

    def clean(self):
        cleaned = super().clean()
        priority = cleaned.get("priority")
        taken = PriorityLink.objects.filter(partnership=self.partnership, priority=priority)
        if priority and taken.exclude(pk=self.instance.pk).exists():
            self.add_error("priority", "This priority is already linked to the partnership")
        return cleaned


class _RemoveForm(ReasonMixin, GovukModelForm):
    class Meta:
        model = Membership
        fields: list[str] = []

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True
        self.fields["reason"].label = "Why is this being removed?"
        self.fields["reason"].help_text = "Recorded in the partnership's history."
        self.fields["reason"].error_messages["required"] = "Enter the reason for removing it"


RemoveForm = _RemoveForm


def _form(model, base, fields):
    return modelform_factory(model, form=base, fields=fields, formfield_callback=govuk_formfield)


CHILD_FORMS = {
    "members": _form(
        Membership, MembershipFormBase, ["organisation", "role", "start_date", "end_date", "notes"]
    ),
    "people": _form(PartnershipRole, RoleFormBase, ["person", "role", "start_date", "end_date", "notes"]),
    "contributions": _form(
        Contribution,
        ContributionFormBase,
        ["year", "category", "amount", "finance_form", "person", "hours", "description"],
    ),
    "priorities": _form(PriorityLink, PriorityFormBase, ["priority", "how"]),
}
CHILD_MODELS: dict[
    str, type[Membership] | type[PartnershipRole] | type[Contribution] | type[PriorityLink]
] = {
    "members": Membership,
    "people": PartnershipRole,
    "contributions": Contribution,
    "priorities": PriorityLink,
}
CHILD_NAMES = {
    "members": "member organisation",
    "people": "person's role",
    "contributions": "contribution",
    "priorities": "corporate priority",
}
