from django import forms
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from accord.kernel.ui.forms import GovukForm, GovukModelForm, field_of, govuk_formfield
from accord.register.models import Organisation, Person
from accord.register.orgid import normalise


class OrganisationForm(GovukModelForm):
    def clean_org_id(self):
        value = normalise(self.cleaned_data.get("org_id") or "")
        clash = (
            Organisation.objects.filter(org_id=value).exclude(pk=self.instance.pk).first() if value else None
        )
        if clash:
            raise ValidationError(f"{value} is already used by {clash.name}")
        return value


class PersonFormBase(GovukModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "organisation", forms.ModelChoiceField).empty_label = "Choose an organisation"
        field_of(self, "directorate", forms.ModelChoiceField).empty_label = "Not a council officer"


ORGANISATION_FIELDS = [
    "name",
    "sector",
    "org_id",
    "can_be_accountable_body",
    "can_employ_staff",
    "website",
    "notes",
]
PERSON_FIELDS = ["name", "job_title", "kind", "organisation", "directorate", "email", "phone"]

OrganisationModelForm = modelform_factory(
    Organisation, form=OrganisationForm, fields=ORGANISATION_FIELDS, formfield_callback=govuk_formfield
)
PersonModelForm = modelform_factory(
    Person, form=PersonFormBase, fields=PERSON_FIELDS, formfield_callback=govuk_formfield
)


class DirectorySearchForm(GovukForm):
    q = forms.CharField(label="Search by name", required=False, max_length=200)
