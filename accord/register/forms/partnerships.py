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
    "subtype",
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
        ["name", "reference", "description", "purpose", "vision", "aims_objectives", "notes"],
    ),
    "type": (
        "Type and legal status",
        ["partnership_type", "subtype", "statutory_status", "incorporation", "statutory_basis"],
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
            "has_risk_register",
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
        if "subtype" in self.fields:
            self._subtype_field()

    def _subtype_field(self) -> None:
        """The sub-types of the partnership's type under the framework in force (every type's, named
        with its type, before a type is chosen); no question where the framework has no sub-types."""
        has_type = bool(self.instance.pk and self.instance.partnership_type_id)
        if has_type:
            type_name = self.instance.partnership_type.name
            offered = [(s, "") for s in offered_types.subtypes_for(type_name)]
        else:
            offered = [(s, t.name) for t in offered_types.offered() or () for s in t.subtypes]
        current = self.instance.subtype if self.instance.pk else ""
        if not offered and not current:  # nothing to ask; a sub-type sent anyway is refused
            self.fields["subtype"] = forms.ChoiceField(
                choices=[("", "")], required=False, widget=forms.HiddenInput
            )
            self.fields["subtype"].error_messages["invalid_choice"] = (
                "The council's framework has no sub-types of this type"
            )
            return
        choices = [(s.id, f"{s.name} ({of})" if of else s.name) for s, of in offered]
        if current and current not in {value for value, _ in choices}:
            choices.append((current, f"{current} (not a sub-type of this type under the framework)"))
        field = forms.ChoiceField(
            label="Sub-type",
            required=False,
            choices=[*choices, ("", "None of these")],
            widget=forms.RadioSelect,
            help_text="Where the council's framework divides the type, which kind of it this is.",
        )
        field.item_hints = {  # type: ignore[attr-defined]
            s.id: f"{s.description} ({s.citation})" if s.citation else s.description for s, _ in offered
        }
        self.fields["subtype"] = field

    def clean_subtype(self) -> str:
        """A sub-type must be one of the chosen type's under the framework in force."""
        chosen = self.cleaned_data.get("subtype") or ""
        kind = self.cleaned_data.get("partnership_type") or (
            self.instance.partnership_type if self.instance.partnership_type_id else None
        )
        if chosen and kind is not None:
            allowed = {s.id for s in offered_types.subtypes_for(kind.name)}
            unchanged = (
                self.instance.pk is not None
                and chosen == self.instance.subtype
                and kind.pk == self.instance.partnership_type_id
            )
            if chosen not in allowed and not unchanged:
                raise forms.ValidationError(f"Choose a sub-type of '{kind.name}', or 'None of these'")
        return chosen

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
