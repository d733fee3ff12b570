"""The ``{format: renderer}`` table: every renderer turns ``StatusReport.to_dict()`` data into text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from presslate.report.options import RenderOptions
from presslate.report.render_csv import render_csv
from presslate.report.render_json import render_json
from presslate.report.render_markdown import render_markdown
from presslate.report.render_table import render_table

Renderer = Callable[[dict[str, Any], RenderOptions], str]


def _render_html(data: dict[str, Any], options: RenderOptions) -> str:
    from presslate.report.render_html import render_html  # lxml is loaded only for this format

    return render_html(data, options)


RENDERERS: dict[str, Renderer] = {
    "table": render_table,
    "markdown": render_markdown,
    "csv": render_csv,
    "json": render_json,
    "html": _render_html,
}


def render_status(data: dict[str, Any], *, format_name: str, options: RenderOptions) -> str:
    """Render report data in one of ``RENDERERS``' formats."""
    return RENDERERS[format_name](data, options)
