"""Apps know nothing about caching: only the signal wiring imports the caching package; settings
name its middleware, context processor, backend and route lookup."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("core", "home", "events", "knowledge", "feedback", "registrations", "editorial", "website")
ALLOWED = {"core/apps.py"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def test_no_module_outside_the_caching_package_imports_it_but_the_signal_wiring():
    importers = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith("core/caching/"):
                continue
            if any(name == "core.caching" or name.startswith("core.caching.") for name in imported_modules(path)):
                importers.add(relative)

    assert importers == ALLOWED
