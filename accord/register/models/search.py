from django.db import models


class SearchTerm(models.Model):
    """One word from a partnership's searchable text, so free-text search uses an index
    instead of scanning every partnership (see accord/register/search.py and ADR 0004)."""

    partnership = models.ForeignKey(
        "register.Partnership", on_delete=models.CASCADE, related_name="search_terms"
    )
    term = models.CharField(max_length=40)

    class Meta:
        indexes = [models.Index(fields=["term", "partnership"], name="search_term")]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "term"], name="one_term_per_partnership")
        ]

    def __str__(self) -> str:
        return self.term
