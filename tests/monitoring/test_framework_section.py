"""The framework file's `monitoring:` section: which records meet which artefacts, checked."""

from accord.frameworks import checks, loader
from accord.frameworks.schema import Monitoring, MonitoringRecord


def with_records(*records: MonitoringRecord):
    framework = loader.get("redditch")
    return framework.model_copy(
        update={"monitoring": Monitoring(records=list(records), cite=framework.monitoring.cite)}
    )


CITE = "004_0d99c29b5f1d20f0.txt 8"


def test_every_bundled_framework_maps_only_artefacts_and_templates_it_has():
    for framework in loader.all_frameworks().values():
        assert framework.monitoring is not None, framework.id
        assert not list(checks.check_monitoring(framework)), framework.id


def test_an_unknown_artefact_or_template_is_reported():
    framework = with_records(
        MonitoringRecord(artefact="no_such_report", record="period_values", cite=CITE),
        MonitoringRecord(artefact="progress_report", record="progress_report", template="no_such", cite=CITE),
    )
    problems = dict(checks.check_monitoring(framework))
    assert "unknown artefact 'no_such_report'" in problems["monitoring.records.0.artefact"]
    assert "unknown template 'no_such'" in problems["monitoring.records.1.template"]


def test_a_progress_report_needs_a_template_and_a_record_is_listed_once():
    framework = with_records(
        MonitoringRecord(artefact="exception_report", record="progress_report", cite=CITE),
        MonitoringRecord(artefact="progress_report", record="period_values", cite=CITE),
        MonitoringRecord(artefact="progress_report", record="period_values", cite=CITE),
    )
    problems = list(checks.check_monitoring(framework))
    assert (
        "monitoring.records.0.template",
        "a progress report needs the template it is written on",
    ) in problems
    assert any("duplicate" in message for _, message in problems)
