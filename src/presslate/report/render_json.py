"""JSON status, as documented by ``docs/status-json-schema.json``."""

from __future__ import annotations

import json
from typing import Any

from presslate.report.options import RenderOptions

# Lists printed one item per line: readable in a diff, and C-speed to encode (indent= is not).
_LINE_PER_ITEM = ("releases", "translators", "broken")


def render_json(data: dict[str, Any], options: RenderOptions) -> str:
    """The whole report (every grouping) as UTF-8 JSON: top-level keys and each release on a line of their own."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    parts = []
    for key, value in data.items():
        if key in _LINE_PER_ITEM and value:
            items = ",\n    ".join(encode(item) for item in value)
            parts.append(f"  {encode(key)}: [\n    {items}\n  ]")
        elif key == "languages" and value:
            items = ",\n    ".join(f"{encode(code)}: {encode(language)}" for code, language in value.items())
            parts.append(f"  {encode(key)}: {{\n    {items}\n  }}")
        else:
            parts.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
