from django import forms
from django.contrib.auth.forms import AuthenticationForm

from accord.register.forms.base import GovukFormMixin


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
