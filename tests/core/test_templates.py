"""Templates keep to the house line length, as the Python code does (ruff: 120 characters).

A line that holds one template tag and nothing else may be longer: Django cannot split a tag over lines
(e.g. a {% picture %} with its renditions, sizes and attributes).
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LIMIT = 120
ONE_TAG = re.compile(r"^\s*\{%[^%]*%\}\s*$")


def long_lines():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if len(line) > LIMIT and not ONE_TAG.match(line):
                yield f"{name}:{number} ({len(line)} characters)"


def test_no_template_line_is_longer_than_120_characters():
    assert list(long_lines()) == []
