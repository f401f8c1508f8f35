"""The published register's search and filters: the staff register's, less those about internal matters."""

from django import forms

from accord.kernel.ui.forms import field_of
from accord.register.filters import SORTS, RegisterFilterForm

from .fields import PUBLISHED_STATUSES, STATUS_LABELS

# Filters on things the public does not see (the lead directorate, officers by name) are dropped.
STAFF_ONLY_FILTERS = ("directorate", "lead_officer")
PUBLIC_SORTS = ("name", "end", "-contribution", "-updated")


class PublicFilterForm(RegisterFilterForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in STAFF_ONLY_FILTERS:
            del self.fields[name]
        statuses = [("", "Any status"), *((s, STATUS_LABELS[s]) for s in PUBLISHED_STATUSES)]
        field_of(self, "status", forms.ChoiceField).choices = statuses
        self.fields["status"].widget = forms.Select(choices=statuses)
        sorts = [(key, SORTS[key][0]) for key in PUBLIC_SORTS]
        field_of(self, "sort", forms.ChoiceField).choices = sorts
        self.fields["sort"].widget = forms.Select(choices=sorts)
        self.fields[
            "q"
        ].help_text = "Words from the name, reference, purpose, themes, area or lead organisation"
