"""How a status report is rendered: grouping, colour and width."""

from __future__ import annotations

from dataclasses import dataclass

GROUPINGS = ("language", "release", "translator")
FORMATS = ("table", "markdown", "csv", "json", "html")  # the keys of renderers.RENDERERS


@dataclass(frozen=True)
class RenderOptions:
    """``by`` groups the rows (JSON and HTML always hold everything); colour only on a terminal."""

    by: str = "language"
    color: bool = False
    width: int | None = None
