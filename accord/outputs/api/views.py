"""Pages to manage one's personal API tokens: list, create (the secret shown once), revoke."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accord.kernel.ui.forms import GovukForm, field_of

from . import tokens
from .models import ApiToken


class TokenForm(GovukForm):
    name = forms.CharField(
        label="What is the token for?",
        max_length=100,
        help_text="A name to tell your tokens apart, for example 'Power BI partnerships report'.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter what the token is for"


def token_list(request: HttpRequest) -> HttpResponse:
    """GET: my tokens and a form to make one. POST: make one; its secret is shown on this page only."""
    form = TokenForm(request.POST if request.method == "POST" else None)
    created = secret = None
    if request.method == "POST" and form.is_valid():
        created, secret = tokens.create_token(request.user, form.cleaned_data["name"])
        form = TokenForm()
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "created": created,
            "secret": secret,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )
    response["Cache-Control"] = "private, no-store"  # the secret must not be kept in any cache
    return response


class RevokeForm(GovukForm):
    token = forms.ModelChoiceField(
        label="Which token do you want to revoke?",
        queryset=ApiToken.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="Anything using it stops working at once. This cannot be undone.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = field_of(self, "token", forms.ModelChoiceField)
        field.queryset = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
        field.label_from_instance = lambda t: f"{t.name} (starts {t.prefix})"
        field.error_messages["required"] = "Select the token to revoke"
        field.error_messages["invalid_choice"] = "Select one of your tokens that still works"


def token_revoke(request: HttpRequest) -> HttpResponse:
    """GET: choose and confirm (`?token=<id>` chooses one). POST: revoke it; it stops working at once."""
    chosen = request.GET.get("token")
    form = RevokeForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        initial={"token": chosen} if chosen and chosen.isdigit() else None,
    )
    if request.method == "POST" and form.is_valid():
        token = tokens.revoke_token(request.user, form.cleaned_data["token"])
        messages.success(request, f"The token “{token.name}” has been revoked. It no longer works.")
        return redirect("api-tokens")
    tokens_left = field_of(form, "token", forms.ModelChoiceField).queryset
    return render(request, "api/token_revoke.html", {"form": form, "any": tokens_left.exists()})
