"""What an allowed request answers when it is not simply the page (see tests/access_cases/__init__.py)."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Answer:
    """An allowed GET's answer: `status`, and for a redirect the URL name it goes to."""

    status: int
    redirects_to: str | None = None

    def matches(self, response) -> bool:
        if response.status_code != self.status:
            return False
        return self.redirects_to is None or response["Location"] == reverse(self.redirects_to)


PAGE = Answer(200)
# A step of a guided flow opened without answers in progress: back to its start.
NEEDS_A_STARTED_FLOW = Answer(302, "classify-start")
