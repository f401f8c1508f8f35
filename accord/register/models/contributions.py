from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .partnerships import ContributionCategory, FinanceForm


class Contribution(models.Model):
    """What the council puts into a partnership in one financial year (Redditch App 7 resources)."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.CASCADE, related_name="contributions"
    )
    year = models.PositiveIntegerField(
        "financial year",
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text="The year the financial year starts in: 2025 means 2025/26.",
    )
    category = models.CharField(max_length=30, choices=ContributionCategory.choices)
    amount = models.DecimalField(
        "amount (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Its value in pounds. For officer time or in-kind resources, the costed value if known.",
    )
    finance_form = models.CharField(
        "form of finance",
        max_length=20,
        choices=FinanceForm.choices,
        blank=True,
        help_text="For money: a grant, a budget diversion, a pooled budget or in kind.",
    )
    person = models.ForeignKey(
        "register.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name="officer",
        help_text="For officer time: whose time it is.",
    )
    hours = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(10000)],
        help_text="For officer time: hours a year.",
    )
    description = models.CharField(max_length=500, blank=True, help_text="What it is, in a few words.")

    class Meta:
        ordering = ["-year", "category"]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.financial_year}"

    @property
    def financial_year(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}"
