"""The extension points (ADR 0026 notes): partnership-page tabs, evidence sources and the pages where
obligations are met are registered by each app in its AppConfig.ready()."""

from django.apps import apps
from django.urls import reverse

from accord.domain.lifecycle.evidence import LifecycleEvidence
from accord.domain.monitoring.evidence import MonitoringEvidence
from accord.domain.representation.evidence import RepresentationEvidence
from accord.domain.reviews.evidence import ReviewEvidence
from accord.domain.risks.evidence import RiskEvidence
from accord.frameworks import offered_reports, places, sources
from accord.kernel.accounts.policy import Action
from accord.outputs.reports.council_evidence import IssuedReports
from accord.register import tabs
from accord.register.evidence import RoleEvidence


def test_the_partnership_page_has_each_apps_tabs_once_in_order():
    found = tabs.tabs()
    assert [(t.id, t.label, t.url_name, t.action) for t in found] == [
        ("record", "Record", "partnership", None),
        ("cycle", "Partnership cycle", "cycle", Action.VIEW_CYCLE),
        ("risks", "Risks", "risks", Action.VIEW_RISKS),
        ("performance", "Performance", "performance", Action.VIEW_MONITORING),
        ("reviews", "Reviews", "reviews", Action.VIEW_MONITORING),
        ("pack", "Pack", "partnership-pack", Action.VIEW_MONITORING),
        ("representatives", "Representatives", "representatives", Action.VIEW_MONITORING),
        ("history", "History", "partnership-history", Action.VIEW_HISTORY),
    ]
    assert len({t.id for t in found}) == len({t.order for t in found}) == len(found)
    for tab in found:
        reverse(tab.url_name, args=[1])


def test_running_ready_again_registers_nothing_twice():
    def registered():
        return (
            tabs.tabs(),
            sources.sources(),
            places.registered(),
            sources.council_sources(),
            offered_reports.offers(),
        )

    before = registered()
    for config in apps.get_app_configs():
        config.ready()
    assert registered() == before


def test_the_reports_app_gives_the_evidence_for_the_councils_own_duties_once():
    assert sources.council_sources() == [IssuedReports]


def test_the_reports_app_tells_the_rulebook_which_reports_each_framework_offers():
    from accord.frameworks import loader
    from accord.outputs.reports.builders import kinds_for
    from accord.outputs.reports.offered import reports_offered

    assert offered_reports.offers() == [reports_offered]
    for framework_id in ("chorley", "central_bedfordshire"):
        framework = loader.get(framework_id)
        titles = [r.title for r in offered_reports.offered(framework)]
        assert titles == [k.title for k in kinds_for(framework_id, council_wide=False).values()]
        assert all(r.cadence for r in offered_reports.offered(framework))


def test_a_different_tab_under_a_taken_id_is_refused():
    import pytest

    with pytest.raises(ValueError):
        tabs.register_tab(tabs.Tab("record", "Somewhere else", "home", None, order=0))


def test_every_domain_app_and_the_register_give_evidence_once():
    registered = sources.sources()
    assert sorted(registered, key=lambda s: s.__name__) == sorted(
        [
            LifecycleEvidence,
            RiskEvidence,
            MonitoringEvidence,
            ReviewEvidence,
            RepresentationEvidence,
            RoleEvidence,
        ],
        key=lambda s: s.__name__,
    )
    assert len(registered) == len(set(registered))


def test_the_pages_where_obligations_are_met_are_registered_by_their_apps():
    assert places.registered() == {
        "obligations": {"review": "reviews", "risk_register": "risks", "report_back": "representatives"},
        "artefact_kinds": {"review": "reviews"},
        "records": {
            "progress_report": "progress-reports",
            "period_values": "performance",
            "exception_report": "exception-report",
            "delivery_plan": "delivery-plan",
        },
    }
    for url_name in {n for found in places.registered().values() for n in found.values()}:
        reverse(url_name, args=[1])


def test_no_setting_lists_the_evidence_sources(settings):
    assert not hasattr(settings, "ACCORD_EVIDENCE_SOURCES")
