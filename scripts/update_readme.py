"""Regenerate the parts of README.md that come from code (the layer catalogue table).

Run: .venv/bin/python scripts/update_readme.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from asmap.layers.specs import catalogue_markdown  # noqa: E402

START, END = "<!-- catalogue:start -->", "<!-- catalogue:end -->"


def render(readme: str) -> str:
    """README text with the catalogue block replaced by the generated table."""
    block = f"{START}\n{catalogue_markdown()}{END}"
    return re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, readme,
                  flags=re.S)


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(render(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {path}")
