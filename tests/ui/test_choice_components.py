"""Which GOV.UK component a form field renders as. Django's CheckboxSelectMultiple is a subclass of
RadioSelect, so a many-choice field once rendered as radios and a joint risk could name one partner
(issue 19)."""

from django import forms

from accord.kernel.ui.components import component_for, field_params


class Choices(forms.Form):
    partners = forms.MultipleChoiceField(
        label="Partners involved",
        choices=[("1", "Lancashire Constabulary"), ("2", "Chorley Council")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    level = forms.ChoiceField(label="Level", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def test_many_choices_are_checkboxes_and_one_choice_is_radios():
    form = Choices(data={"partners": ["1", "2"], "level": "a"})
    assert component_for(form["partners"]) == "checkboxes"
    assert component_for(form["level"]) == "radios"


def test_every_chosen_partner_is_checked():
    form = Choices(data={"partners": ["1", "2"], "level": "a"})
    component, params = field_params(form["partners"])
    assert component == "checkboxes"
    assert [item["checked"] for item in params["items"]] == [True, True]
