"""Records written once and never changed: decisions, assessments, recorded facts about the past.

A later row supersedes an earlier one; nothing rewrites it. The model refuses updates and deletes;
for the tables listed in accord.kernel.audit.guard the database refuses them too.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models

from .models import ImmutableError


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ImmutableError(f"{str(self.model._meta.verbose_name_plural).capitalize()} cannot be changed.")

    def delete(self) -> NoReturn:
        raise ImmutableError(f"{str(self.model._meta.verbose_name_plural).capitalize()} cannot be deleted.")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError(f"{str(self._meta.verbose_name_plural).capitalize()} cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableError(f"{str(self._meta.verbose_name_plural).capitalize()} cannot be deleted.")


class Recorded(AppendOnly):
    """An append-only row that says who recorded it and when (their name as it was then)."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    recorded_by_name = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
