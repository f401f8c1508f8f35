"""Bearer-token authentication: the token's user becomes `request.user`, so every policy check
(accord.kernel.accounts.policy) sees the same user, with the same role and links, as the web would."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from .tokens import user_for


class PersonalToken(HttpBearer):
    """`Authorization: Bearer <token>` with a personal API token (created under "API tokens")."""

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for(token.strip())
        if user is not None:
            request.user = user
        return user
