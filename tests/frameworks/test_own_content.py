"""Each council's framework is wholly itself (issue 16, ADR 0027): its own partnership types, reports,
forms and citations; the model framework's parts only where the file adopts them, cited as the
model's own; never another council's."""

import ast
import re
from pathlib import Path

import pytest
import yaml
from django.urls import reverse

from accord.domain.lifecycle.documents import offered
from accord.domain.reviews import rating
from accord.frameworks import citations, defaults, loader
from accord.outputs.reports.builders import kinds_for
from tests import factories as f

from .test_validation import problems, sample_data

SEED_FRAMEWORKS = ["bury", "central_bedfordshire", "chorley", "northampton", "redditch"]
COUNCILS = re.compile(r"Redditch|Bury|Northampton|Chorley|Bedfordshire")
ROOT = Path(__file__).resolve().parents[2]

# Each council's own reports, offered only under its framework; Accord's annual report under every one.
OWN_REPORTS = {
    "chorley": {"Key partnerships performance report"},
    "central_bedfordshire": {"Annual review report", "Private sector partnerships report"},
}
ALL_OWN_REPORTS = set().union(*OWN_REPORTS.values())
# The council's own registration and leaving forms: Northampton App 2; Redditch App 5.
OWN_FORMS = {"northampton": {"registration-form"}, "redditch": {"leaving-form"}}


def other_councils(framework_id: str) -> list[str]:
    council = loader.get(framework_id).council
    return [
        name for name in ("Redditch", "Bury", "Northampton", "Chorley", "Bedfordshire") if name not in council
    ]


def options(html: str, select_id: str) -> list[str]:
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S)
    assert select, select_id
    return [
        text.strip()
        for value, text in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)<', select[0])
        if value
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_the_new_partnership_form_and_the_registers_filter_offer_only_the_frameworks_types(
    client, users, settings, framework_id
):
    settings.ACCORD_FRAMEWORK = framework_id
    f.PartnershipTypeFactory(name="Public sector strategic")  # a row another framework's seeding left
    f.PartnershipTypeFactory(name="Formal forum")
    client.force_login(users["officer"])
    own = [t.name for t in loader.get(framework_id).types]
    html = client.get(reverse("partnership-create")).content.decode()
    assert sorted(options(html, "id_partnership_type")) == sorted(own)
    assert not [
        n for n in other_councils(framework_id) if n in html.split('id="id_partnership_type"')[1][:3000]
    ]
    register = client.get(reverse("register")).content.decode()
    assert sorted(options(register, "id_partnership_type")) == sorted(own)


@pytest.mark.django_db
def test_filtering_by_a_frameworks_type_finds_the_register_types_that_count_as_it(client, users, settings):
    settings.ACCORD_FRAMEWORK = "chorley"
    old = f.PartnershipFactory(
        name="Old forum", partnership_type=f.PartnershipTypeFactory(name="Formal forum")
    )
    f.PartnershipFactory(name="Shared service", partnership_type=f.PartnershipTypeFactory(name="Joint"))
    client.force_login(users["administrator"])
    html = client.get(reverse("register")).content.decode()
    statutory = next(
        value
        for value, text in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)<', html)
        if text.strip() == "Partnership required under legislation"
    )
    found = client.get(reverse("register"), {"partnership_type": statutory}).content.decode()
    assert old.name in found and "Shared service" not in found


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_the_reports_page_lists_only_the_councils_own_reports(client, users, settings, framework_id):
    settings.ACCORD_FRAMEWORK = framework_id
    client.force_login(users["administrator"])
    html = client.get(reverse("reports")).content.decode()
    own = OWN_REPORTS.get(framework_id, set())
    assert "Annual partnerships report" in html
    assert {title for title in ALL_OWN_REPORTS if title in html} == own
    offered = kinds_for(framework_id)
    for other in ("chorley", "central_bedfordshire"):
        for kind in kinds_for(other).values():
            if kind.id not in offered:  # another council's declared report is not found here
                assert client.get(reverse("report", args=[kind.id])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_the_registration_and_leaving_forms_are_the_councils_own_or_none(
    client, users, own_partnership, settings, framework_id
):
    settings.ACCORD_FRAMEWORK = framework_id
    framework = loader.get(framework_id)
    own = OWN_FORMS.get(framework_id, set())
    forms = {"registration-form", "leaving-form"}
    assert forms & set(offered(framework)) == own
    client.force_login(users["officer"])
    cycle = client.get(reverse("cycle", args=[own_partnership.pk])).content.decode()
    for slug in forms - own:
        assert reverse("document", args=[own_partnership.pk, slug]) not in cycle
        assert client.get(reverse("document", args=[own_partnership.pk, slug])).status_code == 404
    for slug in own:
        document = {"registration-form": "registration", "leaving-form": "leaving_form"}[slug]
        template_id = framework.documents[document]
        assert defaults.document_template(framework, document).id == template_id  # its own, not adopted


@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_each_council_rates_governance_by_its_own_rules(framework_id):
    framework = loader.get(framework_id)
    assert framework.assurance is not None and framework.adopt_from_model == []
    assert rating.rules_of(framework) is framework.assurance


@pytest.mark.parametrize("framework_id", SEED_FRAMEWORKS)
def test_another_councils_clause_is_never_shown_under_a_councils_framework(framework_id):
    framework = loader.get(framework_id)
    own = {d.file for d in framework.source_documents}
    for document in loader.get("model").source_documents:
        shown = citations.display(f"{document.file} 9; {document.file} App 4a", framework)
        if document.file in own:
            assert shown.startswith(framework.document_titles()[document.file])
        else:
            assert shown == ""


def test_a_part_adopted_from_the_model_is_cited_as_the_models_own():
    data = sample_data()
    data["adopt_from_model"] = ["assurance", "leaving_form", "registration"]
    framework = type(loader.get("model")).model_validate(data)
    model = loader.get("model")
    form = defaults.document_template(framework, "leaving_form")
    assert form is not None and form.id == model.documents["leaving_form"]
    assert form.cite == model.name and citations.display(form.cite, framework) == model.name
    rules = defaults.assurance(framework)
    assert rules is not None and {r.cite for r in rules.rules} == {model.name}
    assert defaults.document_template(framework, "committee_report") is None  # not adopted: none
    assert "risk_register" not in defaults.PARTS  # the model has no risk register layout to adopt
    assert not COUNCILS.search(citations.display(form.cite, framework))


def test_adopting_is_checked(tmp_path):
    data = sample_data()
    data["adopt_from_model"] = ["assurance", "exit_form", "assurance"]
    found = problems(tmp_path, data)
    assert "sample.yaml: adopt_from_model.1: unknown part 'exit_form' (known: " in " ".join(found)
    assert "sample.yaml: adopt_from_model.2: 'assurance' is adopted twice" in found
    data["adopt_from_model"] = ["mou"]
    data["templates"] = [
        {
            "id": "mou",
            "name": "MoU",
            "cite": data["risk_model"]["cite"],
            "headings": [{"id": "a", "text": "A"}],
        }
    ]
    data["documents"] = {"mou": "mou"}
    found = problems(tmp_path, data)
    assert (
        "sample.yaml: adopt_from_model.0: the file names its own template for mou (documents.mou); "
        "adopt it or not" in found
    )
    assert (
        "sample.yaml: assurance: no assurance rules: write the council's own "
        "or add assurance to adopt_from_model" in found
    )


def test_every_adoptable_part_is_in_the_model_framework():
    model = loader.get("model")
    for part in defaults.PARTS:
        if part == "assurance":
            assert model.assurance is not None
        elif part == "leaving":
            assert model.leaving is not None and model.leaving.reasons and model.leaving.exit_plan
        else:
            assert defaults.own_template(model, model.documents.get(part)) is not None, part


def test_no_framework_file_adopts_a_part_it_does_not_need():
    """Each seed framework was checked against its document: every one has its own assurance rules
    and MoU, and none needs the model's leaving or registration form (ADR 0027)."""
    for path in loader.framework_paths():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("adopt_from_model", []) == [], path.name


# ------------------------------------------------------------------------------------------------
# No Python module or template names another council in what users read
# ------------------------------------------------------------------------------------------------

# Where a council's name in a string is justified.
ALLOWED = {
    "accord/settings.py": "the deployment's default council name, replaced by COUNCIL_NAME",
    "accord/domain/lifecycle/demo.py": "the demo council's partnerships (Chorley's published list)",
    "accord/domain/representation/demo.py": "the demo council's outside bodies",
    "accord/site/management/commands/demo.py": "the demo command's help",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))  # a docstring, or a string standing alone as a comment
    return found


def _schema_descriptions(tree: ast.AST) -> set[int]:
    """`description=` of the schema's fields: documentation for maintainers (the JSON schema)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "description":
            found |= {id(n) for n in ast.walk(node.value) if isinstance(n, ast.Constant)}
    return found


def test_no_python_module_names_another_council_in_a_string_users_read():
    offending = []
    for path in sorted((ROOT / "accord").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative or relative in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _schema_descriptions(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                if COUNCILS.search(node.value):
                    offending.append(f"{relative}:{node.lineno}: {node.value[:80]!r}")
    assert not offending, "Move these into the framework files or say them in plain words:\n" + "\n".join(
        offending
    )


def test_no_template_names_a_council_outside_its_comments():
    offending = []
    for path in sorted((ROOT / "accord" / "templates").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        offending += [f"{path.name}: {m[0]}" for m in COUNCILS.finditer(text)]
    assert not offending


@pytest.mark.django_db
def test_settings_list_the_frameworks_types_and_those_in_use_only(client, users, settings):
    settings.ACCORD_FRAMEWORK = "chorley"
    f.PartnershipTypeFactory(name="Host")  # Redditch's, used by no partnership
    f.PartnershipFactory(partnership_type=f.PartnershipTypeFactory(name="Formal forum"))
    client.force_login(users["administrator"])
    html = client.get(reverse("reference-list", args=["types"])).content.decode()
    assert "Contractual arrangement" in html and "Formal forum" in html
    assert not re.search(r">\s*Host\s*<", html)
