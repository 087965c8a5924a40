"""Every demo page passes axe-core's WCAG 2.0/2.1 A and AA rules and the Nu HTML Checker."""

import json
import urllib.error
import urllib.request

import pytest

from tests.browser.conftest import ARTIFACTS, AXE_JS, html_errors

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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


def _slug(path):
    return path.strip("/").replace("/", "_").replace("?", "_").replace("=", "-") or "start"


def _describe(violations):
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_every_page_has_no_axe_violations(demo_server, context_factory, viewport, tally):
    axe_source = AXE_JS.read_text()
    context = context_factory(viewport, bypass_csp=True)
    page = context.new_page()
    screenshots = ARTIFACTS / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    failures = {}
    for path in _page_paths(demo_server):
        page.goto(demo_server["url"] + path)
        page.add_script_tag(content=axe_source)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
        page.screenshot(path=str(screenshots / f"{_slug(path)}-{viewport}.png"), full_page=True)
        if result["violations"]:
            failures[path] = _describe(result["violations"])
        else:
            tally(path)
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=2)


def test_every_page_is_valid_html(demo_server, tmp_path, tally):
    files = {}
    for path in _page_paths(demo_server):
        try:
            html = urllib.request.urlopen(demo_server["url"] + path).read()
        except urllib.error.HTTPError as error:
            html = error.read()
        target = tmp_path / f"{_slug(path)}.html"
        target.write_bytes(html)
        files[str(target)] = path
    errors = html_errors(files)
    assert not errors, "\n".join(errors)
    for path in files.values():
        tally(path)
