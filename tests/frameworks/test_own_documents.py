"""A council's own framework cites the council's own documents by their file names
(`partnership-protocol-2027.pdf 4.2`), not only the seed documents: users read the title the file
gives each document; a plain-text copy kept beside the framework file lets Accord check each cited
section; and a document's file name in anything users read is refused (issue 17)."""

import shutil
from pathlib import Path

import yaml

from accord.frameworks import citations, loader

PROTOCOL = "borsetshire-partnership-protocol.pdf"
TEXT_COPY = "borsetshire-partnership-protocol.txt"
TITLE = "Borsetshire Partnership Protocol"


def _own_file(folder: Path, edit) -> Path:
    path = folder / "borsetshire.yaml"
    shutil.copy(loader.FILES_DIR / "model.yaml", path)
    data = yaml.safe_load(path.read_text())
    data["id"] = "borsetshire"
    data["council"] = "Borsetshire District Council"
    data["source"]["document"] = PROTOCOL
    data["source_documents"].append({"file": PROTOCOL, "title": TITLE})
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


def test_a_cite_of_the_councils_own_document_reads_as_its_title(tmp_path):
    def edit(data):
        data["definition"]["cite"] = f"{PROTOCOL} 2.1"
        data["obligations"][0]["cite"] = f"{PROTOCOL} Appendix B"

    result = loader.load_path(_own_file(tmp_path, edit), loader.seeds_dir())
    assert result.ok, result.problems
    framework = result.framework
    assert citations.display(framework.definition.cite, framework) == f"{TITLE}, 2.1"
    assert citations.display(framework.obligations[0].cite, framework) == f"{TITLE}, Appendix B"


def test_a_document_not_listed_in_source_documents_is_refused(tmp_path):
    def edit(data):
        data["definition"]["cite"] = "borsetshire-constitution.pdf Part 3"

    problems = loader.load_path(_own_file(tmp_path, edit), loader.seeds_dir()).problems
    assert any(
        "definition.cite: cites borsetshire-constitution.pdf, which is not declared in source_documents" in p
        for p in problems
    )


def test_a_text_copy_beside_the_file_has_its_cited_sections_checked(tmp_path):
    (tmp_path / TEXT_COPY).write_text(
        "1 Purpose\n2 What is a partnership\n2.1 Definition\n", encoding="utf-8"
    )

    def edit(data):
        data["source_documents"].append({"file": TEXT_COPY, "title": TITLE + " (text)"})
        data["definition"]["cite"] = f"{TEXT_COPY} 2.1"
        data["obligations"][0]["cite"] = f"{TEXT_COPY} 9.4"

    result = loader.load_path(_own_file(tmp_path, edit), loader.seeds_dir())
    assert [p for p in result.problems if "does not have" in p] == [
        f"borsetshire.yaml: obligations.0.cite: cites section '9.4', which {TEXT_COPY} does not have"
    ]
    issue = next(i for i in result.issues if "9.4" in str(i))  # with the line of the cite, for `validate`
    lines = (tmp_path / "borsetshire.yaml").read_text().splitlines()
    assert f"{TEXT_COPY} 9.4" in lines[issue.line - 1]


def test_a_document_file_name_in_what_users_read_is_refused(tmp_path):
    def edit(data):
        data["definition"]["summary"] = f"As {PROTOCOL} sets out, a partnership is..."

    problems = loader.load_path(_own_file(tmp_path, edit), loader.seeds_dir()).problems
    assert any("definition.summary: user-facing text names a source file" in p for p in problems)
