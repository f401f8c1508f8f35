"""Forms of the joint risk register: a risk's details, a score, a review, closing, escalating, its
controls and actions, and the register's filters. Choices come from the council's framework."""

from collections.abc import Sequence

from django import forms

from accord.frameworks.schema import Heading, RiskModel
from accord.kernel import clock
from accord.kernel.ui.forms import GovukForm, field_of
from accord.kernel.ui.widgets import GovukDateField
from accord.register.models import Organisation

from .models import ActionStatus, ControlStatus, Kind, Risk


def _required(form: forms.Form, messages: dict[str, str]) -> None:
    for name, message in messages.items():
        form.fields[name].error_messages["required"] = message


def _not_in_future(form: forms.Form, name: str) -> None:
    value = form.cleaned_data.get(name)
    if value and value > clock.today():
        form.add_error(name, f"{form.fields[name].label} must be today or in the past")


def member_organisations(partnership, chosen=()) -> forms.ModelMultipleChoiceField:
    """Checkboxes of the partnership's member organisations (and any already chosen)."""
    ids = set(partnership.memberships.values_list("organisation_id", flat=True)) | {o.pk for o in chosen}
    return forms.ModelMultipleChoiceField(
        label="Partners involved",
        queryset=Organisation.objects.filter(pk__in=ids).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _keep(field: forms.ChoiceField, value: str) -> None:
    if value and value not in {str(v) for v, _ in field.choices}:
        field.choices = [*field.choices, (value, f"{value} (no longer in the framework)")]


class RiskForm(GovukForm):
    """A risk's details (Bury App 10 register columns; Northampton step 2: cause, event, consequence),
    and any column of the framework's own register layout Accord has no field for (`asked`)."""

    reference = forms.CharField(
        label="Reference",
        required=False,
        max_length=20,
        help_text="Leave blank to number it automatically, for example R-04.",
    )
    kind = forms.ChoiceField(
        label="Is it a risk or an opportunity?", choices=Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label="Title", max_length=300)
    objective = forms.CharField(
        label="Partnership objective it affects",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
    )
    category_id = forms.ChoiceField(label="Category", required=False)
    cause = forms.CharField(label="Cause", required=False, max_length=3000, widget=forms.Textarea)
    event = forms.CharField(
        label="Event", required=False, max_length=3000, widget=forms.Textarea, help_text="What could happen."
    )
    consequence = forms.CharField(label="Consequence", required=False, max_length=3000, widget=forms.Textarea)
    identified_on = GovukDateField(label="Date identified", help_text="For example, 27 3 2026")
    owner = forms.CharField(label="Risk owner", max_length=200, help_text="The person who owns the risk.")
    lead_officers = forms.CharField(label="Lead officer(s)", required=False, max_length=300)
    strategy_id = forms.ChoiceField(label="Strategy", required=False, widget=forms.RadioSelect)
    contingency_plan = forms.CharField(
        label="Contingency plan",
        required=False,
        max_length=5000,
        widget=forms.Textarea,
        help_text="What will be done if the risk happens.",
    )
    next_review_on = GovukDateField(
        label="Next review",
        required=False,
        help_text="Leave blank to set it from the framework's review cadence when the risk is scored.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args,
        partnership,
        model: RiskModel,
        risk: Risk | None = None,
        asked: Sequence[Heading] = (),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.asked = list(asked)
        self.earlier = dict(risk.framework_answers or {}) if risk is not None else {}
        chosen = list(risk.partners.all()) if risk is not None else []
        self.fields["partners"] = member_organisations(partnership, chosen)
        for heading in self.asked:  # the framework's own columns Accord has no field for
            self.fields[f"column_{heading.id}"] = forms.CharField(
                label=heading.text,
                required=False,
                max_length=3000,
                widget=forms.Textarea,
                help_text=heading.guidance,
                initial=self.earlier.get(heading.id, ""),
            )
        self.order_fields([*RISK_ORDER[:4], *(f"column_{h.id}" for h in self.asked), *RISK_ORDER[4:]])
        category = field_of(self, "category_id", forms.ChoiceField)
        strategy = field_of(self, "strategy_id", forms.ChoiceField)
        category.choices = [("", "Choose a category")] + [(c.id, c.name) for c in model.categories]
        strategy.choices = [(s.id, s.name) for s in model.strategies]
        if risk is not None:  # a choice made under an earlier framework stays selectable
            _keep(category, risk.category_id)
            _keep(strategy, risk.strategy_id)
        if not strategy.choices:
            del self.fields["strategy_id"]
        if risk is not None:
            del self.fields["reference"]
        _required(
            self,
            {
                "title": "Enter the title of the risk",
                "owner": "Enter the risk owner",
                "identified_on": "Enter the date the risk was identified",
                "kind": "Select whether it is a risk or an opportunity",
            },
        )
        self.fields["category_id"].error_messages["invalid_choice"] = "Select a category from the list"
        if "strategy_id" in self.fields:
            self.fields["strategy_id"].error_messages["invalid_choice"] = "Select a strategy from the list"

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "identified_on")
        reference = (cleaned.get("reference") or "").strip().upper()
        if "reference" in self.fields:
            cleaned["reference"] = reference
            if reference and self.partnership.risks.filter(reference=reference).exists():
                self.add_error(
                    "reference", f"Reference {reference} is already used in this partnership's register"
                )
        return cleaned

    def values(self) -> dict:
        found = {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in ("partners", "version") and not k.startswith("column_")
        }
        answers = dict(self.earlier)
        answers.update({h.id: self.cleaned_data[f"column_{h.id}"].strip() for h in self.asked})
        found["framework_answers"] = {k: v for k, v in answers.items() if v}
        return found


RISK_ORDER = (
    "reference",
    "kind",
    "title",
    "objective",
    "category_id",
    "cause",
    "event",
    "consequence",
    "identified_on",
    "owner",
    "lead_officers",
    "partners",
    "strategy_id",
    "contingency_plan",
    "next_review_on",
    "version",
)


def scale_items(points, chosen) -> list[dict]:
    """Radios for a framework scale: each point's name, with its descriptor as a hint."""
    items = []
    for p in points:
        item = {
            "value": str(p.value),
            "text": f"{p.value} – {p.name}",
            "checked": str(chosen) == str(p.value),
        }
        if p.descriptor:
            item["hint"] = {"text": p.descriptor}
        items.append(item)
    return items


class ScoreForm(GovukForm):
    """Likelihood and impact on the framework's scales (the template renders their descriptors)."""

    likelihood = forms.TypedChoiceField(label="Likelihood", coerce=int, widget=forms.RadioSelect)
    impact = forms.TypedChoiceField(label="Impact", coerce=int, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=3000,
        widget=forms.Textarea,
        help_text="Why this score, for example the controls it takes into account.",
    )

    def __init__(self, *args, model: RiskModel, **kwargs):
        super().__init__(*args, **kwargs)
        likelihood = field_of(self, "likelihood", forms.ChoiceField)
        likelihood.choices = [(p.value, p.name) for p in model.likelihood]
        field_of(self, "impact", forms.ChoiceField).choices = [(p.value, p.name) for p in model.impact]
        _required(self, {"likelihood": "Select the likelihood", "impact": "Select the impact"})


class ReviewForm(GovukForm):
    reviewed_on = GovukDateField(label="Date reviewed", help_text="For example, 27 3 2026")
    notes = forms.CharField(label="What the review found", max_length=3000, widget=forms.Textarea)
    next_review_on = GovukDateField(label="Next review", required=False)

    def __init__(self, *args, default_hint: str | None = None, **kwargs):
        """`default_hint` says what a blank next review means; without one, the date is needed."""
        super().__init__(*args, **kwargs)
        _required(
            self,
            {"reviewed_on": "Enter the date of the review", "notes": "Enter what the review found"},
        )
        if default_hint is None:
            self.fields["next_review_on"].required = True
            self.fields["next_review_on"].help_text = "For example, 27 9 2026"
            _required(self, {"next_review_on": "Enter the date of the next review"})
        else:
            self.fields["next_review_on"].help_text = default_hint

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "reviewed_on")
        reviewed, following = cleaned.get("reviewed_on"), cleaned.get("next_review_on")
        if reviewed and following and following <= reviewed:
            self.add_error("next_review_on", "The next review must be after the date reviewed")
        return cleaned


class CloseForm(GovukForm):
    reason = forms.CharField(label="Reason for closing the risk", max_length=3000, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, {"reason": "Enter the reason for closing the risk"})


class EscalateForm(GovukForm):
    note = forms.CharField(
        label="Where it was escalated to",
        max_length=3000,
        widget=forms.Textarea,
        help_text="For example, the Partnership Board meeting and the departmental risk register entry.",
    )
    escalated_on = GovukDateField(label="Date escalated", help_text="For example, 27 3 2026")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(
            self,
            {
                "note": "Enter where the risk was escalated to",
                "escalated_on": "Enter the date the risk was escalated",
            },
        )

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "escalated_on")
        return cleaned


class ControlForm(GovukForm):
    description = forms.CharField(label="Control", max_length=3000, widget=forms.Textarea)
    status = forms.ChoiceField(
        label="Is the control in place or planned?", choices=ControlStatus.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, partnership, chosen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"] = member_organisations(partnership, chosen)
        _required(
            self,
            {
                "description": "Enter the control",
                "status": "Select whether the control is in place or planned",
            },
        )

    def values(self) -> dict:
        return {"description": self.cleaned_data["description"], "status": self.cleaned_data["status"]}


class ActionForm(GovukForm):
    description = forms.CharField(label="Action", max_length=3000, widget=forms.Textarea)
    owner = forms.CharField(label="Owner", max_length=200, help_text="The person who will do it.")
    due_on = GovukDateField(label="Due date", help_text="For example, 27 9 2026")
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(
            self,
            {
                "description": "Enter the action",
                "owner": "Enter the owner of the action",
                "due_on": "Enter the due date",
                "status": "Select the status of the action",
            },
        )

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("description", "owner", "due_on", "status")}


class RemoveForm(GovukForm):
    reason = forms.CharField(label="Reason for removing it", max_length=3000, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _required(self, {"reason": "Enter the reason for removing it"})


SORTS = {
    "reference": "Reference",
    "score": "Current score (highest first)",
    "review": "Next review (soonest first)",
}
SHOW = {"open": "Open risks", "closed": "Closed risks", "all": "Open and closed risks"}


class RegisterFilterForm(GovukForm):
    """The register's filters and sort order, all in the query string so a filtered view can be shared."""

    status = forms.ChoiceField(label="Show", choices=list(SHOW.items()), required=False)
    band = forms.ChoiceField(label="Current band", required=False)
    category = forms.ChoiceField(label="Category", required=False)
    kind = forms.ChoiceField(
        label="Risks or opportunities", choices=[("", "Both"), *Kind.choices], required=False
    )
    owner = forms.CharField(
        label="Owner", required=False, max_length=100, help_text="Their name, or part of it"
    )
    review = forms.ChoiceField(
        label="Review", choices=[("", "Any"), ("overdue", "Overdue for review")], required=False
    )
    sort = forms.ChoiceField(label="Sort by", choices=list(SORTS.items()), required=False)

    def __init__(self, *args, model: RiskModel, **kwargs):
        super().__init__(*args, **kwargs)
        bands = field_of(self, "band", forms.ChoiceField)
        categories = field_of(self, "category", forms.ChoiceField)
        bands.choices = [("", "Any band"), *((b.id, b.name) for b in model.bands)]
        bands.label = f"{model.scores.current} band"
        field_of(self, "sort", forms.ChoiceField).choices = [
            (key, label.replace("Current", model.scores.current)) for key, label in SORTS.items()
        ]
        categories.choices = [("", "Any category"), *((c.id, c.name) for c in model.categories)]

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, value) of each filter in use, for the 'Filtered by' line."""
        if not self.is_bound:
            return []
        self.is_valid()
        chosen = self.cleaned_data
        shown = []
        for name in ("band", "category", "kind", "owner", "review"):
            value = chosen.get(name)
            if value:
                choices = dict(getattr(self.fields[name], "choices", []))
                shown.append((str(self.fields[name].label), str(choices.get(value, value))))
        if chosen.get("status") in ("closed", "all"):
            shown.append(("Show", SHOW[chosen["status"]]))
        return shown
