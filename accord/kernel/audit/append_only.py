"""Records written once and never changed: decisions, assessments, recorded facts about the past.

A later row supersedes an earlier one; nothing rewrites it. A model becomes append-only by
subclassing `AppendOnly` (or `Recorded`): the model then refuses updates and deletes, and the
database refuses them too, by triggers that accord.kernel.audit.guard installs on the table of every
concrete subclass after each migrate. Both refusals name the thing, from the model's verbose_name:
"A risk assessment cannot be changed or deleted: it is part of the record."
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class ImmutableError(Exception):
    pass


def refusal(model: type[models.Model]) -> str:
    """What the model and the database say when asked to change or delete one of its rows."""
    name = str(model._meta.verbose_name)
    article = "An" if name[:1].lower() in "aeiou" else "A"
    return f"{article} {name} cannot be changed or deleted: it is part of the record."


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ImmutableError(refusal(self.model))

    def delete(self) -> NoReturn:
        raise ImmutableError(refusal(self.model))


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError(refusal(type(self)))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableError(refusal(type(self)))


class Recorded(AppendOnly):
    """An append-only row that says who recorded it and when (their name as it was then)."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, db_constraint=False
    )
    recorded_by_name = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
