"""Every demo page passes axe-core's WCAG 2.0/2.1 A and AA rules and the Nu HTML Checker."""

import json

import pytest

from tests.browser.checks import axe, fetch, html_errors, slug
from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

# Views outside the page tree: topic pages, search results, the alert form and the 404 page, in Swedish
# and English (the English demo pages come with the page list).
EXTRA_PATHS = [
    "/amnen/",
    "/amnen/digitalisering/",
    "/sok/?q=digitalisering",
    "/finns-inte-har/",
    "/en/sok/?q=digitalisation",
    "/en/no-such-page/",
    "/en/amnen/",
    "/en/amnen/digitalisering/",
    "/en/bevaka/",
]


def _page_paths(demo_server):
    return [row["path"] for row in demo_server["pages"]] + EXTRA_PATHS


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_every_page_has_no_axe_violations(demo_server, context_factory, viewport, tally):
    context = context_factory(viewport, bypass_csp=True)
    page = context.new_page()
    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    failures = {}
    for path in _page_paths(demo_server):
        page.goto(demo_server["url"] + path)
        violations = axe(page)
        page.screenshot(path=str(screenshots / f"{slug(path)}-{viewport}.png"), full_page=True)
        if violations:
            failures[path] = violations
        else:
            tally(path)
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=2)


def test_every_page_is_valid_html(demo_server, tmp_path, tally):
    paths = _page_paths(demo_server)
    errors = html_errors({path: fetch(demo_server["url"], path) for path in paths}, tmp_path)
    assert not errors, "\n".join(errors)
    for path in paths:
        tally(path)
