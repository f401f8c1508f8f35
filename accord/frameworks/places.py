"""Where obligations are met, for the obligations the partnership cycle does not record itself,
registered by the apps that record them (ADR 0026 notes: extension points).

The cycle (accord.domain.lifecycle.where) links every obligation to the page where it is done. Pages of
other apps (reviews, risks, monitoring, representation) are not the cycle's to name: each app calls
`register_page` from its AppConfig.ready(), and the cycle asks here. The registry lives in the
frameworks, the lowest layer every domain app may import."""

_obligations: dict[str, str] = {}
_kinds: dict[str, str] = {}
_records: dict[str, str] = {}


def _add(found: dict[str, str], keys: tuple[str, ...], url_name: str) -> None:
    for key in keys:
        if found.get(key, url_name) != url_name:
            raise ValueError(f"{key!r} is already recorded on {found[key]!r}")
        found[key] = url_name


def register_page(
    url_name: str,
    *,
    obligations: tuple[str, ...] = (),
    artefact_kinds: tuple[str, ...] = (),
    records: tuple[str, ...] = (),
) -> None:
    """The page `url_name` (reversed with the partnership's pk) is where:
    - `obligations`: obligations of these ids or kinds are met (a rule's obligation that is no
      artefact, e.g. `report_back`; an artefact of that kind whose natural place it is, e.g. the risk
      register);
    - `artefact_kinds`: artefacts of these kinds are done instead of in the cycle (e.g. `review`);
    - `records`: these records of the framework's monitoring section are kept (e.g. `progress_report`).
    """
    _add(_obligations, obligations, url_name)
    _add(_kinds, artefact_kinds, url_name)
    _add(_records, records, url_name)


def page_for_obligation(obligation: str) -> str | None:
    return _obligations.get(obligation)


def page_for_kind(kind: str) -> str | None:
    """The page that does artefacts of this kind when the cycle does not."""
    return _kinds.get(kind)


def page_for_record(record: str) -> str | None:
    return _records.get(record)


def registered() -> dict[str, dict[str, str]]:
    """Everything registered, for tests and the notes."""
    return {"obligations": dict(_obligations), "artefact_kinds": dict(_kinds), "records": dict(_records)}
