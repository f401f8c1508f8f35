"""Helpers every page view uses: pagination and conflict messages (permission checks: policy.require)."""

from collections.abc import Mapping
from typing import Any

from django.core.paginator import Page, Paginator
from django.forms import BaseForm
from django.http import HttpRequest, QueryDict
from django.utils.functional import cached_property
from django.utils.http import urlencode

PER_PAGE = 20


class CappedPaginator(Paginator):
    """Counts results only up to `cap`: a filtered search over a very large register stops counting
    at "more than 1,000", so its cost is bounded whatever the size of the register."""

    def __init__(self, *args, cap: int | None = None, counted=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cap = cap
        self.capped = False
        self.counted = counted  # the same set shaped for counting, if cheaper to count than to list

    @cached_property
    def count(self) -> int:
        counted = self.object_list if self.counted is None else self.counted
        if self.cap is None:
            return counted.count()
        found = counted[: self.cap + 1].count()
        self.capped = found > self.cap
        return min(found, self.cap)


def paginate(
    request: HttpRequest, queryset, per_page: int = PER_PAGE, count_cap: int | None = None, counted=None
) -> tuple[Page, dict[str, Any] | None]:
    """A page of results and the params for govukPagination (None when one page is enough)."""
    paginator = CappedPaginator(queryset, per_page, cap=count_cap, counted=counted)
    page = paginator.get_page(request.GET.get("page"))
    if paginator.num_pages <= 1:
        return page, None
    query = request.GET.copy()

    def link(number: int) -> str:
        query["page"] = str(number)
        return "?" + urlencode(sorted(query.items()))

    items: list[dict[str, Any]] = []
    last_shown = 0
    for number in (
        paginator.page_range if paginator.num_pages <= 9 else _window(page.number, paginator.num_pages)
    ):
        if number - last_shown > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": link(number), "current": number == page.number})
        last_shown = number
    params: dict[str, Any] = {"items": items, "landmarkLabel": "Pages of results"}
    if page.has_previous():
        params["previous"] = {"href": link(page.previous_page_number())}
    if page.has_next():
        params["next"] = {"href": link(page.next_page_number())}
    return page, params


def _window(current: int, last: int) -> list[int]:
    return sorted({1, last, *range(max(1, current - 1), min(last, current + 1) + 1)})


def set_version(form: BaseForm, version: int) -> None:
    """Put the record's current version in the form's posted data: saving again after a conflict
    saves over the newer record, which the editor has now been shown."""
    data: Mapping[str, Any] = form.data
    copied = data.copy() if isinstance(data, QueryDict | dict) else dict(data)
    copied["version"] = version
    form.data = copied


def conflict_summary(stale) -> dict[str, Any]:
    """Params for an error summary telling the editor someone else saved first, and what they changed."""
    lines = []
    for event in stale.changes_since:
        for change in event.changes or [
            {"label": event.get_action_display(), "old": "", "new": event.object_label}
        ]:
            lines.append(
                {
                    "text": f"{event.actor_name} changed {change['label'].lower()} from "
                    f"“{change['old'] or 'blank'}” to “{change['new'] or 'blank'}”"
                }
            )
    if not lines:
        lines.append({"text": "Another person saved a change to this record."})
    return {
        "titleText": "Someone else changed this record while you were editing it",
        "descriptionText": "Your changes have not been saved. "
        "Check your answers against their changes below, then save again.",
        "errorList": lines,
    }
