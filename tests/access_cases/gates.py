"""Access-test URL cases for gate overrides (accord.domain.lifecycle.overrides; see __init__.py)."""

from django.urls import reverse

from accord.domain.lifecycle import cycle


def cases(world) -> list[tuple[str, str, object]]:
    return [
        (
            "gate-override",
            reverse("gate-override", args=[world[which].pk, cycle.LEAVING, cycle.SIGNIFICANCE_ASSESSED]),
            world[which],
        )
        for which in ("own", "other")
    ]
