"""The world the access tests walk: objects every URL can point at, and a case for every URL.

`build_world` makes one partnership the officer and partner hold a role on ("own") and one they
do not ("other"), each with cycle records, risks and children; `url_cases(world)` lists
(url name, url, partnership or None) for every URL in the project, including each area's cases in
tests/access_cases/<area>.py. tests/test_access.py and the fuzz tests use both. `ALLOWED_ANSWERS`
names the URLs here whose allowed GET is not simply the page.
"""

from django.urls import reverse

from accord.kernel import clock
from accord.register.forms.partnerships import SECTIONS
from tests import access_cases
from tests import factories as f
from tests.access_cases.answers import NEEDS_A_STARTED_FLOW

ALLOWED_ANSWERS = {"classify-question": NEEDS_A_STARTED_FLOW, "classify-check": NEEDS_A_STARTED_FLOW}


def build_world(users, own_partnership, other_partnership) -> dict:
    """Objects every URL can point at (the access and fuzz tests share them)."""
    membership = own_partnership.memberships.first()
    other_membership = f.MembershipFactory(partnership=other_partnership)
    directorate = f.DirectorateFactory()
    from accord.frameworks.models import Classification

    classification = Classification.objects.create(
        arrangement="Chorley Youth Forum",
        framework_id="chorley",
        framework_version="1.0",
        answers={},
        is_partnership=False,
        reasons=[],
        decided_by=users["officer"],
    )
    from django.core.files.base import ContentFile

    from accord.domain.lifecycle.models import Agreement, Consultee, EvidenceFile, Signatory

    cycle_objects = {}
    for which, p in (("own", own_partnership), ("other", other_partnership)):
        consultee = Consultee.objects.create(
            partnership=p,
            department="Legal Services",
            key_areas="The agreement",
            officer_name="A Lawyer",
            officer_position="Solicitor",
            advice="Sign it",
            followed=True,
        )
        agreement = Agreement.objects.create(partnership=p, document_type="mou", title="MoU")
        signatory = Signatory.objects.create(
            agreement=agreement, name="A Signer", organisation=p.memberships.first().organisation
        )
        evidence = EvidenceFile(
            partnership=p,
            slot="business_case",
            name="case.txt",
            content_type="text/plain",
            size=5,
            uploaded_by_name="Officer",
        )
        evidence.file.save("case.txt", ContentFile(b"hello"), save=False)
        evidence.save()
        from datetime import date

        from accord.domain.risks.models import Control, Risk, RiskAction

        risk = Risk.objects.create(
            partnership=p,
            reference="R-01",
            title="Funding ends",
            identified_on=date(2026, 1, 5),
            owner="Olive",
        )
        control = Control.objects.create(risk=risk, description="Quarterly budget report", status="in_place")
        action = RiskAction.objects.create(
            risk=risk, description="Find match funding", owner="Olive", due_on=date(2026, 12, 1)
        )
        cycle_objects[which] = {
            "consultee": consultee,
            "signatory": signatory,
            "file": evidence,
            "risk": risk,
            "control": control,
            "action": action,
        }
    return {
        "cycle": cycle_objects,
        "classification": classification,
        "own": own_partnership,
        "other": other_partnership,
        "own_child": membership,
        "other_child": other_membership,
        "organisation": membership.organisation,
        "person": own_partnership.roles.first().person,
        "directorate": directorate,
    }


def url_cases(world) -> list[tuple[str, str, object]]:
    """(url name, url, partnership it concerns or None) for every URL, over both partnerships."""
    cases = [
        ("home", reverse("home"), None),
        ("sign-in", reverse("sign-in"), None),
        ("accessibility", reverse("accessibility"), None),
        ("healthz", reverse("healthz"), None),
        ("ping", reverse("ping"), None),
        ("brand-css", reverse("brand-css"), None),
        ("register", reverse("register"), None),
        ("partnership-create", reverse("partnership-create"), None),
        ("organisations", reverse("organisations"), None),
        ("organisation", reverse("organisation", args=[world["organisation"].pk]), None),
        ("organisation-create", reverse("organisation-create"), None),
        ("organisation-edit", reverse("organisation-edit", args=[world["organisation"].pk]), None),
        ("organisation-history", reverse("organisation-history", args=[world["organisation"].pk]), None),
        ("people", reverse("people"), None),
        ("person", reverse("person", args=[world["person"].pk]), None),
        ("person-create", reverse("person-create"), None),
        ("person-edit", reverse("person-edit", args=[world["person"].pk]), None),
        ("person-history", reverse("person-history", args=[world["person"].pk]), None),
        ("reference", reverse("reference"), None),
        ("classify-start", reverse("classify-start"), None),
        ("compliance", reverse("compliance"), None),
        ("rulebook", reverse("rulebook"), None),
        ("rulebook-section", reverse("rulebook-section", args=["obligations"]), None),
        ("rulebook-print", reverse("rulebook-print"), None),
        ("tracking-start", reverse("tracking-start"), None),
        ("framework-versions", reverse("framework-versions"), None),
        ("framework-version-preview", reverse("framework-version-preview", args=["1.0"]), None),
        (
            "framework-version-adopt",
            reverse("framework-version-adopt", args=["1.0"]) + f"?on={clock.today().isoformat()}",
            None,
        ),
        ("classify-question", reverse("classify-question", args=["any"]), None),
        ("classify-check", reverse("classify-check"), None),
        ("classify-result", reverse("classify-result", args=[world["classification"].pk]), None),
        ("reference-create", reverse("reference-create", args=["directorates"]), None),
        ("approver-inbox", reverse("approver-inbox"), None),
        ("appointments", reverse("appointments"), None),
        ("council-risks", reverse("council-risks"), None),
        ("council-heatmap", reverse("council-heatmap"), None),
        ("council-risks-export", reverse("council-risks-export", args=["csv"]), None),
        ("reference-edit", reverse("reference-edit", args=["directorates", world["directorate"].pk]), None),
    ]
    for name in ("directorates", "priorities", "types"):
        cases.append(("reference-list", reverse("reference-list", args=[name]), None))
    for which in ("own", "other"):
        p = world[which]
        child = world[f"{which}_child"]
        cases += [
            ("partnership", reverse("partnership", args=[p.pk]), p),
            ("partnership-history", reverse("partnership-history", args=[p.pk]), p),
            ("significance-assess", reverse("significance-assess", args=[p.pk]), p),
            ("significance-override", reverse("significance-override", args=[p.pk]), p),
            ("last-done", reverse("last-done", args=[p.pk, "three_yearly_review"]), p),
            ("child-change", reverse("child-change", args=[p.pk, "members", child.pk]), p),
            ("child-remove", reverse("child-remove", args=[p.pk, "members", child.pk]), p),
        ]
        cases += [("partnership-edit", reverse("partnership-edit", args=[p.pk, s]), p) for s in SECTIONS]
        objects = world["cycle"][which]
        cases += [
            (name, reverse(name, args=[p.pk, *args]), p)
            for name, args in (
                ("cycle", []),
                ("cycle-move", ["business_case"]),
                ("cycle-retrospective", []),
                ("business-case", []),
                ("business-case-part", ["eight_points"]),
                ("artefact-record", ["data_quality_charter"]),
                ("bank-checklist", ["membership_considerations"]),  # Chorley: no artefact answers it
                ("evidence-upload", ["business_case"]),
                ("evidence-file", [objects["file"].pk]),
                ("sign-off", []),
                ("consultee-add", []),
                ("consultee-change", [objects["consultee"].pk]),
                ("consultee-remove", [objects["consultee"].pk]),
                ("approvals", []),
                ("decide", ["executive_cabinet_approval", "executive_cabinet"]),
                ("agreement", []),
                ("agreement-coverage", []),
                ("signatory-add", []),
                ("signatory-remove", [objects["signatory"].pk]),
                ("leaving", []),
                # (the leaving and registration forms exist only under Redditch and Northampton)
                ("document", ["committee-report"]),
                ("document", ["draft-mou"]),
                ("risks", []),
                ("risk-add", []),
                ("risk-library", []),
                ("risk-heatmap", []),
                ("risk-export", ["csv"]),
                ("risk-export", ["xlsx"]),
                ("risk", [objects["risk"].pk]),
                ("risk-edit", [objects["risk"].pk]),
                ("risk-score", [objects["risk"].pk, "current"]),
                ("risk-review", [objects["risk"].pk]),
                ("risk-close", [objects["risk"].pk]),
                ("risk-escalate", [objects["risk"].pk]),
                ("risk-child-add", [objects["risk"].pk, "action"]),
                ("risk-child-change", [objects["risk"].pk, "action", objects["action"].pk]),
                ("risk-child-remove", [objects["risk"].pk, "control", objects["control"].pk]),
            )
        ]
        cases += [
            ("child-add", reverse("child-add", args=[p.pk, k]), p)
            for k in ("members", "people", "contributions", "priorities")
        ]
    return cases + access_cases.cases(world)
