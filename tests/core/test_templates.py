"""Templates keep to the house line length, as the Python code does (ruff: 120 characters)."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LIMIT = 120


def long_lines():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if len(line) > LIMIT:
                yield f"{name}:{number} ({len(line)} characters)"


def test_no_template_line_is_longer_than_120_characters():
    assert list(long_lines()) == []
