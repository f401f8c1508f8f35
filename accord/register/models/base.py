from django.db import models


class Versioned(models.Model):
    """A governed record: every save bumps `version`, so a stale edit can be detected and refused."""

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
