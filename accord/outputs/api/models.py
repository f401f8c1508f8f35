"""Personal API tokens: a user's key to the JSON API, with exactly that user's permissions.

Only a SHA-256 hash of the secret is stored. The secret is a `secrets.token_urlsafe(32)` value
(256 bits of randomness), so a fast hash is enough: there is nothing to guess (ADR 0014).
"""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. 'Power BI report'.")
    prefix = models.CharField(
        max_length=12, help_text="The start of the token, shown so its owner can tell tokens apart."
    )
    secret_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
