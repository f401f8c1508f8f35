"""Free-text search over the register, backed by an index of words (SearchTerm).

A search for "community safe" finds partnerships with a word starting "community" and a word
starting "safe" in their name, reference, description, purpose, themes, area, client groups,
statutory basis, type or lead organisation. Each query word is a range lookup on an indexed
column, so search time does not grow with the size of the register (ADR 0004).
"""

import re
import unicodedata

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Partnership, SearchTerm

MAX_TERM = 40
MAX_QUERY_WORDS = 6
_WORD = re.compile(r"[a-z0-9]+")
_UPPER = "\x7f"  # above every character a term can hold; terms compare bytewise (ADR 0004)


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return [w[:MAX_TERM] for w in _WORD.findall(folded)]


def searchable_text(partnership: Partnership) -> str:
    parts = [
        partnership.name,
        partnership.reference,
        partnership.description,
        partnership.purpose,
        partnership.themes,
        partnership.geographical_area,
        partnership.client_groups,
        partnership.statutory_basis,
        partnership.partnership_type.name if partnership.partnership_type_id else "",
        partnership.lead_organisation.name if partnership.lead_organisation_id else "",
    ]
    return " ".join(p for p in parts if p)


def terms_for(partnership: Partnership) -> set[str]:
    return set(words(searchable_text(partnership)))


def index_partnership(partnership: Partnership) -> None:
    wanted = terms_for(partnership)
    existing = set(SearchTerm.objects.filter(partnership=partnership).values_list("term", flat=True))
    SearchTerm.objects.filter(partnership=partnership, term__in=existing - wanted).delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(partnership=partnership, term=t) for t in sorted(wanted - existing)]
    )


def apply_search(
    queryset: QuerySet[Partnership], query: str, counting: bool = False
) -> QuerySet[Partnership]:
    """Partnerships with a word starting with each query word.

    For a page of results each word is a correlated test, so the database walks the partnerships
    in the page's order and stops when the page is full. For counting, each word selects its
    partnerships through the term index (pk IN ...), so the count costs work proportional to the
    partnerships that match, not to the size of the register (ADR 0004).
    """
    for word in words(query)[:MAX_QUERY_WORDS]:
        matching = SearchTerm.objects.filter(term__gte=word, term__lt=word + _UPPER)
        if counting:
            queryset = queryset.filter(pk__in=matching.values("partnership_id"))
        else:
            queryset = queryset.filter(Exists(matching.filter(partnership=OuterRef("pk"))))
    return queryset


def search_directory(queryset: QuerySet, query: str, fields: tuple[str, ...]) -> QuerySet:
    """Organisations or people whose `fields` contain every word of the query (up to six words)."""
    for word in words(query)[:6]:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset
