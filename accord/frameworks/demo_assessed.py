"""The demo council's framework results: each open partnership was checked to be a partnership and
its significance assessed when it was added (ADR 0022), so its cycle can move on."""

from django.contrib.auth import get_user_model

from accord.register.models import FINISHED_STATUSES, Partnership

from . import classification, loader, services
from .forms import question_tests


def load(username: str = "officer") -> None:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return
    framework = loader.current()
    no_to_every_question = {test.id: False for _, test in question_tests(framework)}
    meets_the_definition = {q.id: True for q in framework.definition.criteria} | {
        q.id: False for q in framework.definition.exclusions
    }
    for partnership in Partnership.objects.exclude(status__in=FINISHED_STATUSES).select_related(
        "partnership_type"
    ):
        classification.record_result(user, framework, partnership.name, meets_the_definition, partnership)
        services.assess(partnership, user, no_to_every_question, framework=framework)
