"""Renderers of built pages, one module per output format, chosen from one table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from presslate.build.model import IndexPage, ReleasePage
from presslate.build.render import html, markdown, text

INDEX_NAME = "index"


@dataclass(frozen=True)
class Renderer:
    """How one output format writes release pages and index pages."""

    extension: str
    render_release: Callable[[ReleasePage, str], str]
    render_index: Callable[[IndexPage, str], str]

    def file_name(self, name: str) -> str:
        return f"{name}.{self.extension}"


RENDERERS: dict[str, Renderer] = {
    "html": Renderer("html", html.render_release, html.render_index),
    "md": Renderer("md", markdown.render_release, markdown.render_index),
    "txt": Renderer("txt", text.render_release, text.render_index),
}
FORMATS = tuple(RENDERERS)
