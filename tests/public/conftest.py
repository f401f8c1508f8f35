"""A register full of private data beside the public, each value a distinct sentinel string.

`leaky_register` builds partnerships the public must never see (unpublished, or published but still
at a draft stage) and, on a published partnership, everything private a record holds: contact
details, officers' names on contributions, risks, reviews, ratings, draft and unpublished progress
reports, insurance and exit text, notes. PUBLIC sentinels are what the published register must show.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accord.domain.lifecycle.models import Agreement, Consultee
from accord.domain.monitoring.models import ProgressReport
from accord.domain.reviews.models import AssuranceRating, Review, ReviewAction
from accord.domain.risks.models import Control, Risk, RiskAction
from tests import factories as f
from tests.monitoring.factories import ProgressReportFactory

HEADINGS = [{"id": "achievements", "text": "Key achievements from X to X"}, {"id": "plans", "text": "Plans"}]
DRAFT_STATUSES = ("proposed", "business_case", "awaiting_approval", "rejected", "withdrawn")


@dataclass
class Register:
    published: object
    private: dict[str, str] = field(default_factory=dict)  # what holds it -> sentinel
    public: dict[str, str] = field(default_factory=dict)
    hidden: list = field(default_factory=list)  # partnerships the public must not find


def _report(partnership, status, published, answer, period_end, **extra):
    return ProgressReportFactory(
        partnership=partnership,
        status=status,
        is_published=published,
        period_start=period_end - timedelta(days=180),
        period_end=period_end,
        submitted_on=period_end + timedelta(days=10) if status == "submitted" else None,
        headings=HEADINGS if status == "submitted" else [],
        answers={"achievements": answer, "plans": answer + "-PLANS"},
        **extra,
    )


def _hidden_partnerships(register: Register) -> None:
    unpublished = f.PartnershipFactory(
        name="Zunpublished Quietwater Board",
        reference="HID-UNPUB",
        description="PRIVUNPUBDESC",
        is_published=False,
        governance_summary="PRIVUNPUBGOV",
    )
    register.private |= {"unpublished name": "Zunpublished Quietwater", "unpublished text": "PRIVUNPUBDESC"}
    register.hidden.append(unpublished)
    for status in DRAFT_STATUSES:
        word = f"PRIVDRAFT{status.replace('_', '').upper()}"
        draft = f.PartnershipFactory(
            name=f"Zdraftstage {word}",
            reference=f"HID-{status[:8].upper()}",
            description=word + "DESC",
            status=status,
            is_published=True,
        )
        register.private[f"{status} partnership"] = word
        register.hidden.append(draft)


def _private_people_and_money(register: Register, p) -> None:
    today = timezone.localdate()
    rep = f.PersonFactory(
        name="Councillor Pubrepname",
        job_title="PRIVJOBTITLE",
        email="privrep.email@chorley.example.gov.uk",
        phone="07700 900461",
    )
    f.RoleFactory(partnership=p, person=rep, role="council_representative", notes="PRIVROLENOTE")
    sub = f.PersonFactory(name="Pubsubstitute Person", email="privsub@chorley.example.gov.uk")
    f.RoleFactory(partnership=p, person=sub, role="substitute")
    budget = f.PersonFactory(name="Privbudgetholder Person", phone="01257 515151")
    f.RoleFactory(partnership=p, person=budget, role="budget_holder")
    former = f.PersonFactory(name="Privformer Representative")
    f.RoleFactory(
        partnership=p,
        person=former,
        role="council_representative",
        start_date=today - timedelta(days=800),
        end_date=today - timedelta(days=30),
    )
    officer = f.PersonFactory(name="Privcontribofficer Person")
    f.ContributionFactory(
        partnership=p,
        year=2025,
        category="officer_time",
        amount=Decimal("2345.67"),
        person=officer,
        hours=120,
        description="PRIVCONTRIBDESC",
    )
    f.ContributionFactory(partnership=p, year=2025, amount=Decimal("10000"))
    f.ContributionFactory(partnership=p, year=2024, amount=Decimal("9000"))
    partner = f.OrganisationFactory(
        name="Pubpartner Housing Trust",
        org_id="GB-CHC-1123456",
        notes="PRIVORGNOTE",
        website="https://privorgsite.example",
    )
    f.MembershipFactory(partnership=p, organisation=partner, notes="PRIVMEMBERNOTE")
    gone = f.OrganisationFactory(name="Privformer Member Org")
    f.MembershipFactory(partnership=p, organisation=gone, end_date=today - timedelta(days=10))
    register.public |= {
        "representative": "Councillor Pubrepname",
        "substitute": "Pubsubstitute Person",
        "partner": "Pubpartner Housing Trust",
        "partner org-id": "GB-CHC-1123456",
    }
    register.private |= {
        "job title": "PRIVJOBTITLE",
        "email": "privrep.email",
        "substitute email": "privsub@",
        "phone": "07700 900461",
        "budget holder": "Privbudgetholder",
        "budget holder phone": "01257 515151",
        "former representative": "Privformer Representative",
        "role notes": "PRIVROLENOTE",
        "contribution officer": "Privcontribofficer",
        "contribution description": "PRIVCONTRIBDESC",
        "organisation notes": "PRIVORGNOTE",
        "organisation website": "privorgsite",
        "membership notes": "PRIVMEMBERNOTE",
        "former member": "Privformer Member Org",
    }


def _private_records(register: Register, p) -> None:
    risk = Risk.objects.create(
        partnership=p,
        reference="R-01",
        title="PRIVRISKTITLE",
        cause="PRIVRISKCAUSE",
        identified_on=date(2026, 1, 5),
        owner="Privriskowner",
        contingency_plan="PRIVCONTINGENCY",
    )
    Control.objects.create(risk=risk, description="PRIVCONTROL", status="in_place")
    RiskAction.objects.create(
        risk=risk, description="PRIVRISKACTION", owner="Privriskowner", due_on=date(2026, 12, 1)
    )
    review = Review.objects.create(
        partnership=p,
        artefact_id="annual_review",
        bank_id="annual_review",
        period_start=date(2025, 4, 1),
        period_end=date(2026, 3, 31),
        started_on=date(2026, 4, 1),
        decision_notes="PRIVREVIEWNOTES",
        business_case_notes="PRIVREVIEWCASE",
    )
    ReviewAction.objects.create(
        partnership=p,
        review=review,
        description="PRIVREVIEWACTION",
        owner_name="Privreviewowner",
        due_on=date(2026, 12, 1),
    )
    AssuranceRating.objects.create(
        partnership=p,
        review=review,
        level="limited",
        proposed_level="weak",
        override_reason="PRIVRATINGREASON",
        rated_on=date(2026, 4, 30),
        framework_id="chorley",
        framework_version="1.0",
    )
    Consultee.objects.create(
        partnership=p,
        department="Legal",
        key_areas="PRIVCONSULTAREA",
        officer_name="Privlawyer",
        advice="PRIVADVICE",
        followed=True,
    )
    Agreement.objects.create(partnership=p, document_type="mou", title="PRIVAGREEMENT")
    _report(p, "submitted", True, "PUBOLDREPORT", date(2025, 3, 31))
    _report(p, "submitted", True, "PUBLATESTREPORT", date(2025, 9, 30))
    _report(p, "submitted", False, "PRIVUNPUBLISHEDREPORT", date(2026, 3, 31))
    _report(p, "draft", False, "PRIVDRAFTREPORT", date(2026, 9, 30))
    _report(p, "draft", True, "PRIVDRAFTMARKEDREPORT", date(2026, 10, 31))
    register.public["latest report"] = "PUBLATESTREPORT"
    register.private |= {
        "risk title": "PRIVRISKTITLE",
        "risk cause": "PRIVRISKCAUSE",
        "risk owner": "Privriskowner",
        "contingency": "PRIVCONTINGENCY",
        "control": "PRIVCONTROL",
        "risk action": "PRIVRISKACTION",
        "review notes": "PRIVREVIEWNOTES",
        "review business case": "PRIVREVIEWCASE",
        "review action": "PRIVREVIEWACTION",
        "review action owner": "Privreviewowner",
        "rating reason": "PRIVRATINGREASON",
        "consultee": "PRIVCONSULTAREA",
        "consultee advice": "PRIVADVICE",
        "consultee officer": "Privlawyer",
        "agreement": "PRIVAGREEMENT",
        "older published report": "PUBOLDREPORT",
        "unpublished report": "PRIVUNPUBLISHEDREPORT",
        "draft report": "PRIVDRAFTREPORT",
        "draft report marked published": "PRIVDRAFTMARKEDREPORT",
    }


@pytest.fixture
def leaky_register(db, council) -> Register:
    directorate = f.DirectorateFactory(code="PRIV", name="Privdirectoratename")
    p = f.PartnershipFactory(
        name="Pubname Riverside Partnership",
        reference="PUB-01",
        description="PUBDESCRIPTION of the partnership",
        purpose="PUBPURPOSE",
        themes="Pubtheme",
        accountable_to="PUBACCOUNTABLETO",
        governance_summary="PUBGOVERNANCE",
        complaints_procedure="PUBCOMPLAINTS",
        complaints_url="https://pubcomplaints.example/complain",
        directorate=directorate,
        vision="PRIVVISION",
        aims_objectives="PRIVAIMS",
        funding_sources="PRIVFUNDING",
        monitoring_arrangements="PRIVMONITORING",
        insurance_arrangements="PRIVINSURANCE",
        exit_strategy="PRIVEXITSTRATEGY",
        is_published=True,
    )
    register = Register(published=p)
    register.public |= {
        "name": "Pubname Riverside Partnership",
        "description": "PUBDESCRIPTION",
        "purpose": "PUBPURPOSE",
        "accountable to": "PUBACCOUNTABLETO",
        "governance": "PUBGOVERNANCE",
        "complaints": "PUBCOMPLAINTS",
        "complaints url": "pubcomplaints.example",
    }
    register.private |= {
        "directorate": "Privdirectoratename",
        "vision": "PRIVVISION",
        "aims": "PRIVAIMS",
        "funding sources": "PRIVFUNDING",
        "monitoring arrangements": "PRIVMONITORING",
        "insurance": "PRIVINSURANCE",
        "exit strategy": "PRIVEXITSTRATEGY",
    }
    _private_people_and_money(register, p)
    _private_records(register, p)
    _hidden_partnerships(register)
    f.make_user("administrator", username="privadminuser", email="privadmin@chorley.example.gov.uk")
    register.private["user email"] = "privadmin@"
    return register


__all__ = ["Register", "ProgressReport"]
