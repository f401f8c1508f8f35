"""Lists the register's administrators maintain: directorates, corporate priorities, partnership types."""

from django.db import models


class ReferenceItem(models.Model):
    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True, max_length=2000)
    active = models.BooleanField(
        default=True, help_text="Inactive items stay on existing partnerships but cannot be chosen again."
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Directorate(ReferenceItem):
    """A directorate or service area of the council (Chorley Appendix A 'lead service')."""

    code = models.CharField(max_length=20, unique=True, help_text="A short code, e.g. COMM.")

    class Meta(ReferenceItem.Meta):
        verbose_name = "directorate or service area"


class CorporatePriority(ReferenceItem):
    """A priority in the council's corporate plan that partnerships contribute to."""

    code = models.CharField(max_length=20, unique=True, help_text="A short code, e.g. P1.")

    class Meta(ReferenceItem.Meta):
        verbose_name = "corporate priority"
        verbose_name_plural = "corporate priorities"


class PartnershipType(ReferenceItem):
    """A type of partnership as the council's framework names it (e.g. Central Bedfordshire 1.5).
    Every framework's types share these rows, so no user-facing field may name one council."""

    group = models.CharField(
        max_length=200, blank=True, help_text="The framework family this type belongs to, e.g. its category."
    )
    citation = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where the framework defines it: the document's title and the section.",
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "partnership type"
