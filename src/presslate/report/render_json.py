"""JSON status, as documented by ``docs/status-json-schema.json``."""

from __future__ import annotations

import json
from typing import Any

from presslate.report.options import RenderOptions


def render_json(data: dict[str, Any], options: RenderOptions) -> str:
    """The whole report (every grouping) as indented UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
