"""Partnership forms: the essentials to create one, then one form per section of the record."""

from typing import cast

from django import forms
from django.forms import modelform_factory

from accord.kernel.ui.forms import GovukModelForm, check_date_order, field_of, govuk_formfield
from accord.register import offered_types
from accord.register.models import Organisation, Partnership, PartnershipStatus

ESSENTIALS = [
    "name",
    "reference",
    "description",
    "partnership_type",
    "statutory_status",
    "incorporation",
    "lead_organisation",
    "council_role",
    "directorate",
    "status",
    "start_date",
]

# Each section of the partnership record has its own page (GOV.UK: one thing per page).
SECTIONS: dict[str, tuple[str, list[str]]] = {
    "about": (
        "About the partnership",
        ["name", "reference", "description", "purpose", "vision", "aims_objectives"],
    ),
    "type": (
        "Type and legal status",
        ["partnership_type", "statutory_status", "incorporation", "statutory_basis"],
    ),
    "scope": ("Themes, area and client groups", ["themes", "geographical_area", "client_groups"]),
    "governance": (
        "Leadership and accountability",
        [
            "lead_organisation",
            "accountable_body",
            "council_role",
            "directorate",
            "accountable_to",
            "monitoring_arrangements",
            "additional_monitoring_required",
            "is_key_partnership",
            "covers_members_expenses",
            "has_procurement_functions",
            "works_with_children",
        ],
    ),
    "dates": (
        "Dates and funding",
        ["start_date", "proposed_end_date", "external_funding_end_date", "funding_sources"],
    ),
    "arrangements": ("Insurance and exit", ["insurance_arrangements", "exit_strategy"]),
    "publication": (
        "Publication",
        ["is_published", "governance_summary", "complaints_procedure", "complaints_url"],
    ),
}


class PartnershipFormBase(GovukModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "partnership_type" in self.fields:
            current = self.instance.partnership_type_id if self.instance.pk else None
            types = field_of(self, "partnership_type", forms.ModelChoiceField)
            types.queryset = offered_types.choices(current)
            types.empty_label = "Choose a type"
        for name in ("lead_organisation", "accountable_body"):
            if name in self.fields:
                organisations = field_of(self, name, forms.ModelChoiceField)
                organisations.queryset = Organisation.objects.order_by("name")
                organisations.empty_label = "Choose an organisation"
        if "directorate" in self.fields:
            directorate = field_of(self, "directorate", forms.ModelChoiceField)
            directorate.empty_label = "Choose a directorate or service"
        if "reference" in self.fields:
            self.fields["reference"].widget.attrs["spellcheck"] = "false"

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        check_date_order(
            self, "start_date", "proposed_end_date", "Proposed end date must be after the start date"
        )
        return cleaned


def _form_for(fields: list[str], base: type[GovukModelForm] = PartnershipFormBase) -> type[GovukModelForm]:
    # modelform_factory makes a subclass of `base`; django-stubs says only a ModelForm.
    return cast(
        type[GovukModelForm],
        modelform_factory(Partnership, form=base, fields=fields, formfield_callback=govuk_formfield),
    )


STARTING_STATES = [
    (
        PartnershipStatus.PROPOSED,
        "A new proposal: it goes through the partnership cycle from the business case",
    ),
    (PartnershipStatus.ACTIVE, "An existing partnership: record it as active, recorded retrospectively"),
]


class CreateForm(PartnershipFormBase):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields["status"] = forms.ChoiceField(widget=forms.RadioSelect)
        status.label = "Is this a new proposal or an existing partnership?"
        status.choices = STARTING_STATES
        status.help_text = (
            "An existing partnership's earlier decisions are recorded as having happened before Accord."
        )
        status.error_messages["required"] = "Select whether this is a new proposal or an existing partnership"


CreatePartnershipForm = _form_for(ESSENTIALS, CreateForm)
SECTION_FORMS: dict[str, type[forms.ModelForm]] = {
    key: _form_for(fields) for key, (_, fields) in SECTIONS.items()
}
