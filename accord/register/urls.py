"""URLs of the register: under a partnership (partnership_urls) and across the council (site_urls).

The generic child URLs (`<pk>/<child_kind>/add/` ...) match only the register's own kinds of child
(members, people, contributions, priorities) and the reference lists only their own names, so they
cannot swallow another app's URLs whatever order the site collects them in (ADR 0026 notes)."""

from django.urls import include, path, register_converter

from .forms.children import CHILD_FORMS
from .views import children, directory, partnerships, reference


class _OneOf:
    """A path converter matching only the given words."""

    words: tuple[str, ...] = ()
    regex: str  # set for each subclass, from its words

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.regex = "|".join(sorted(cls.words, key=len, reverse=True))

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class ChildKind(_OneOf):
    words = tuple(CHILD_FORMS)


class ReferenceList(_OneOf):
    words = tuple(reference.LISTS)


register_converter(ChildKind, "child_kind")
register_converter(ReferenceList, "reference_list")

CHILD = "<int:pk>/<child_kind:kind>"

partnership_urls = [
    path("", partnerships.register_list, name="register"),
    path("<int:pk>/change/<slug:section>/", partnerships.partnership_edit, name="partnership-edit"),
    path("<int:pk>/history/", partnerships.partnership_history, name="partnership-history"),
    path(f"{CHILD}/add/", children.child_add, name="child-add"),
    path(f"{CHILD}/<int:child_id>/change/", children.child_change, name="child-change"),
    path(f"{CHILD}/<int:child_id>/remove/", children.child_remove, name="child-remove"),
]

directory_urls = [
    path("organisations/", directory.organisation_list, name="organisations"),
    path(
        "organisations/new/", directory.directory_create, {"kind": "organisation"}, name="organisation-create"
    ),
    path("organisations/<int:pk>/", directory.organisation_detail, name="organisation"),
    path(
        "organisations/<int:pk>/change/",
        directory.directory_change,
        {"kind": "organisation"},
        name="organisation-edit",
    ),
    path(
        "organisations/<int:pk>/history/",
        directory.directory_history,
        {"kind": "organisation"},
        name="organisation-history",
    ),
    path("people/", directory.person_list, name="people"),
    path("people/new/", directory.directory_create, {"kind": "person"}, name="person-create"),
    path("people/<int:pk>/", directory.person_detail, name="person"),
    path("people/<int:pk>/change/", directory.directory_change, {"kind": "person"}, name="person-edit"),
    path("people/<int:pk>/history/", directory.directory_history, {"kind": "person"}, name="person-history"),
]

reference_urls = [
    path("", reference.reference_index, name="reference"),
    path("<reference_list:name>/", reference.reference_list, name="reference-list"),
    path("<reference_list:name>/new/", reference.reference_edit, name="reference-create"),
    path("<reference_list:name>/<int:pk>/change/", reference.reference_edit, name="reference-edit"),
]

site_urls = [
    path("", include(directory_urls)),
    path("settings/", include(reference_urls)),
]
