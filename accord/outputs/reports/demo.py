"""Demo issued reports: the annual partnerships report for the year before last and the key
partnerships performance report for the half-year before last, issued by the demo administrator,
so the live reports have an earlier issue to say what changed since.

Everything goes through the reports' own builders and issuing service, as an administrator's
issue would."""

from django.contrib.auth import get_user_model

from accord.frameworks import loader
from accord.kernel import clock
from accord.register.access import visible_partnerships

from . import periods, services
from .builders import Context, build, kinds_for

DEMO_RECOMMENDATIONS = {
    "annual": "That the Corporate Management Team notes the report.\n\n"
    "That the lead officers of partnerships rated Limited or Weak bring improvement plans within "
    "three months.",
    "key-partnerships": "That Executive Cabinet notes the performance of the council's key partnerships.",
}


def _earlier(cadence: str, today):
    """The period before the last complete one."""
    last = periods.last_complete(cadence, today)
    return periods.last_complete(cadence, last.start)


def load(username: str = "admin") -> int:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return 0
    today = clock.today()
    made = 0
    framework = loader.current()
    offered = kinds_for(framework)
    for kind_id, text in DEMO_RECOMMENDATIONS.items():
        if kind_id not in offered:
            continue
        kind = offered[kind_id]
        period = _earlier(kind.cadence, today)
        report = build(kind, Context.make(visible_partnerships(user), period, framework=framework))
        services.issue(user, report, kind, framework, text)
        made += 1
    return made
