"""Embeds ask before they contact a third party, the CSP holds, and calendar links download."""

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.test_accessibility import EXTRA_PATHS

pytestmark = pytest.mark.browser

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def _path_of(demo_server, page_type):
    return next(row["path"] for row in demo_server["pages"] if row["type"] == page_type)


def test_embed_contacts_no_third_party_until_the_visitor_asks(demo_server, context_factory, tally):
    page = context_factory().new_page()
    third_party = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host not in {"127.0.0.1", "localhost"}:
            third_party.append(route.request.url)
            route.abort()  # no network here; what counts is that the request was attempted
        else:
            route.continue_()

    page.route("**/*", guard)
    path = _path_of(demo_server, "KnowledgePage")
    page.goto(demo_server["url"] + path)
    page.wait_for_load_state("networkidle")
    assert third_party == [], "third-party requests before consent"
    assert page.locator("iframe").count() == 0

    button = page.get_by_role("button", name="Visa innehåll från YouTube").first
    button.focus()
    page.keyboard.press("Enter")
    frame = page.locator(".embed iframe").first
    frame.wait_for(state="attached")
    assert frame.get_attribute("title")
    page.wait_for_timeout(500)
    assert any("youtube-nocookie.com" in url for url in third_party)
    assert not any("soundcloud" in url for url in third_party), "consent for YouTube only"
    tally(path, checks=3)


def test_calendar_link_downloads_an_ics_file(demo_server, context_factory, tally):
    page = context_factory(accept_downloads=True).new_page()
    path = _path_of(demo_server, "ConferencePage")
    page.goto(demo_server["url"] + path)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lägg till i din kalender").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in content
    tally(path)


def test_content_security_policy_holds_on_every_page(demo_server, context_factory, tally):
    context = context_factory()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    failures = {}
    for path in [row["path"] for row in demo_server["pages"]] + EXTRA_PATHS:
        page.goto(demo_server["url"] + path)
        page.wait_for_load_state("networkidle")
        for button in page.locator(".embed__show").all():
            if button.is_visible():
                button.click()
        page.wait_for_timeout(100)
        violations = page.evaluate("window.__cspViolations")
        if violations or errors:
            failures[path] = violations + errors
            errors.clear()
        else:
            tally(path)
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=2)
