from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

from accord.kernel.ui.forms import GovukForm, GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username or email address and password",
        "inactive": "This account has been switched off. Contact the register's administrators.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username or email address"
        self.fields["password"].label = "Password"
        self._govuk_messages()
        self.fields["username"].error_messages["required"] = "Enter your username or email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].widget = forms.PasswordInput()
        # AuthenticationForm shows a maximum length but never checks it: an over-long name would reach
        # django-axes' varchar(255) record of the attempt (a database error on PostgreSQL), and a
        # megabyte password would be hashed in full.
        self.fields["username"].validators.append(
            MaxLengthValidator(254, "Username or email address must be 254 characters or fewer")
        )
        self.fields["password"].validators.append(
            MaxLengthValidator(4096, "Password must be 4,096 characters or fewer")
        )


class LocalSignInForm(GovukForm):
    local_sign_in = forms.ChoiceField(
        label="Can people sign in with a username and password?",
        choices=[("yes", "Yes, as well as single sign-on"), ("no", "No, only through single sign-on")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Why are you changing this?",
        max_length=500,
        required=False,
        help_text="Kept in the register's history with your name.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local_sign_in"].error_messages["required"] = (
            "Select whether people can sign in with a username and password"
        )
