from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .oidc.local_sign_in import local_sign_in_allowed


class UsernameOrEmailBackend(ModelBackend):
    """Sign in with either a username or the email address on the account.

    Refuses every password while an administrator has switched local sign-in off (single sign-on
    only); loading a signed-in user for a request (get_user) is unaffected.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not local_sign_in_allowed():
            return None
        if username and "@" in username:
            user_model = get_user_model()
            match = user_model._default_manager.filter(email__iexact=username).first()
            if match is not None:
                username = match.get_username()
        return super().authenticate(request, username=username, password=password, **kwargs)
