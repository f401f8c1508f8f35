"""Factories for register data: realistic, small, and each test states only what matters to it."""

import factory
from django.contrib.auth import get_user_model

from accord.frameworks import loader
from accord.kernel.accounts.models import Role
from accord.register.models import (
    Contribution,
    CorporatePriority,
    Directorate,
    Membership,
    Organisation,
    Partnership,
    PartnershipRole,
    PartnershipType,
    Person,
)
from accord.register.search import index_partnership


class DirectorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directorate
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"D{n}")
    name = factory.Sequence(lambda n: f"Directorate {n}")


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CorporatePriority

    code = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Priority {n}")


class PartnershipTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipType
        django_get_or_create = ("name",)

    name = "Public sector strategic"
    group = "Sector and role"
    citation = "J3 Partnerships Protocol, 1.5.1"


def offered_type() -> PartnershipType:
    """A partnership type the forms offer under the framework in force: its first own type."""
    return PartnershipTypeFactory(name=loader.current().types[0].name)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
    sector = "public"


def council() -> Organisation:
    found = Organisation.objects.filter(is_council=True).first()
    return found or Organisation.objects.create(
        name="Chorley Council", sector="public", org_id="GB-LAE-CHO", is_council=True
    )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Officer {n}")
    job_title = "Policy Officer"
    organisation = factory.LazyFunction(council)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partnership {n}")
    reference = factory.Sequence(lambda n: f"P-{n:04d}")
    description = "A partnership for testing."
    partnership_type = factory.SubFactory(PartnershipTypeFactory)
    statutory_status = "non_statutory"
    incorporation = "unincorporated"
    lead_organisation = factory.LazyFunction(council)
    council_role = "lead"
    directorate = factory.SubFactory(DirectorateFactory, code="COMM", name="Communities")
    status = "active"

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create:
            index_partnership(obj)

    @factory.post_generation
    def assessed(obj, create, extracted, **kwargs):
        """Assessed when proposed, as every partnership added through Accord is (no question answered
        yes); `assessed=False` leaves its significance unassessed."""
        if create and extracted is not False:
            assess(obj)

    @factory.post_generation
    def classified(obj, create, extracted, **kwargs):
        """Checked to be a partnership; `classified=False` leaves it untested."""
        if create and extracted is not False:
            classify(obj)


def assess(partnership: Partnership, answers: dict[str, bool] | None = None):
    """A stored significance assessment under the council's framework (as the assess page records)."""
    from accord.frameworks import apply

    return apply.record_assessment(partnership, None, answers or {}, framework=loader.current())


def classify(partnership: Partnership, is_partnership: bool = True, user=None):
    """A stored "Is it a partnership?" result under the council's framework: every criterion yes and
    no exclusion (or, for `is_partnership=False`, every criterion no)."""
    from accord.frameworks import loader
    from accord.frameworks.models import Classification

    framework = loader.current()
    answers = {q.id: is_partnership for q in framework.definition.criteria}
    answers |= {q.id: False for q in framework.definition.exclusions}
    return Classification.objects.create(
        partnership=partnership,
        arrangement=partnership.name,
        framework_id=framework.id,
        framework_version=framework.version,
        answers=answers,
        is_partnership=is_partnership,
        reasons=[],
        decided_by=user or records_keeper(),
    )


def records_keeper():
    """The account the factories' own records are made by: inactive, so it never signs in."""
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username="factory-records", defaults={"role": Role.OFFICER, "is_active": False}
    )
    return user


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "member"


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipRole

    partnership = factory.SubFactory(PartnershipFactory)
    person = factory.SubFactory(PersonFactory)
    role = "lead_officer"


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    partnership = factory.SubFactory(PartnershipFactory)
    year = 2025
    category = "finance"
    amount = 10000
    finance_form = "grant"


PASSWORD = "correct-horse-battery-staple"


def make_user(role: str, username: str | None = None, **extra):
    user_model = get_user_model()
    user = user_model(username=username or role, role=role, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


ROLES = [r.value for r in Role]


def agreement_in_place(partnership, on, *, status="signed", covered=None, reasons=None, title="MoU"):
    """The partnership's governing document as the agreement page records it: `status` on `on`,
    covering every heading of its template (or only the heading ids in `covered`, with `reasons` for
    some of the rest), and its artefact record, as accord.domain.lifecycle.agreements saves them."""
    from datetime import timedelta

    from accord.domain.lifecycle import agreements
    from accord.domain.lifecycle.models import Agreement, ArtefactRecord
    from accord.frameworks import loader

    template = agreements.coverage_template(loader.current(), partnership)
    ids = [h.id for h in template.headings] if covered is None else covered
    agreement, _ = Agreement.objects.update_or_create(
        partnership=partnership,
        defaults={
            "document_type": "mou",
            "title": title,
            "status": status,
            "agreed_on": on,
            "signed_on": on if status == "signed" else None,
            "next_review_on": on + timedelta(days=300),
            "coverage": {heading_id: f"Section {n}" for n, heading_id in enumerate(ids, start=1)},
            "gap_reasons": dict(reasons or {}),
        },
    )
    ArtefactRecord.objects.update_or_create(
        partnership=partnership,
        slot="agreement",
        defaults={"kind": "agreement", "title": title, "complete": status != "draft", "produced_on": on},
    )
    return agreement


def track_from(day):
    """Accord began tracking the council's duties on `day` (its go-live date, ADR 0021): duties that
    fell due before it are "Before Accord", never Overdue."""
    from accord.frameworks.models import TrackingStart

    return TrackingStart.objects.create(started_on=day, reason="Go-live", recorded_by_name="Test")
