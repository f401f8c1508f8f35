"""A deployment check (`accord check --deploy`) that the reports' PDFs can be written: WeasyPrint
loads Pango, HarfBuzz and fontconfig from Debian when it is imported (ADR 0033), and the web
processes import it only when they first write a PDF, so a missing package would otherwise show
first as a failed download."""

from __future__ import annotations

from typing import Any

from django.core import checks

PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2 fonts-dejavu-core"


@checks.register(deploy=True)
def pdf_renderer(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return [
            checks.Error(
                f"Reports cannot be written as PDF: WeasyPrint could not load ({exc}).",
                hint=f"Install the Debian packages {PACKAGES} (docs/deploy.md).",
                id="accord.E201",
            )
        ]
    return []
