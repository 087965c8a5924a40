"""In a real browser the widget answers in place, moves focus sensibly and announces the thanks."""

import os
from pathlib import Path

import pytest

from feedback.models import FeedbackResponse
from tests.home.factories import ContentPageFactory

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    # The live server sees only committed data; serialized_rollback brings back the home page after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"needs Chromium at {CHROMIUM}"),
]


@pytest.fixture
def browser_page(monkeypatch):
    playwright_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(locale="sv-SE")
        yield page
        browser.close()


def test_answering_no_and_commenting_happen_in_place(live_server, home_page, browser_page):
    content = ContentPageFactory(parent=home_page, title="Korruptionsbekämpning", slug="korruption")
    browser_page.goto(live_server.url + content.url)
    browser_page.evaluate("window.notReloaded = true")

    browser_page.get_by_role("button", name="Nej").click()

    status = browser_page.locator("[data-feedback-status]")
    status.get_by_text("Tack för att du hjälper oss!").wait_for()
    assert browser_page.get_by_role("button", name="Ja").count() == 0
    textarea = browser_page.get_by_label("Vad saknade du?")
    assert textarea.evaluate("element => element === document.activeElement")

    textarea.fill("Jag hittade inte <anmälan>")
    browser_page.get_by_role("button", name="Skicka kommentar").click()

    status.get_by_text("Tack för din kommentar!").wait_for()
    assert browser_page.evaluate("window.notReloaded") is True
    assert browser_page.evaluate("document.activeElement.id") == "feedback-heading"
    answer = FeedbackResponse.objects.get()
    assert (answer.page_id, answer.helpful, answer.comment) == (content.pk, False, "Jag hittade inte <anmälan>")


def test_answering_yes_with_the_keyboard_keeps_focus_in_the_widget(live_server, home_page, browser_page):
    content = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    browser_page.goto(live_server.url + content.url)

    browser_page.get_by_role("button", name="Ja").focus()
    browser_page.keyboard.press("Enter")

    browser_page.get_by_role("status").get_by_text("Tack för att du hjälper oss!").wait_for()
    assert browser_page.evaluate("document.activeElement.id") == "feedback-heading"
    assert browser_page.get_by_label("Vad saknade du?").count() == 0
    assert FeedbackResponse.objects.get().helpful is True


def test_without_javascript_the_forms_still_work(live_server, home_page, browser_page):
    content = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    context = browser_page.context.browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + content.url)

    page.get_by_role("button", name="Nej").click()
    page.get_by_text("Tack för att du hjälper oss!").wait_for()
    assert "?tack=" in page.url
    page.get_by_label("Vad saknade du?").fill("Mer om tider")
    page.get_by_role("button", name="Skicka kommentar").click()
    page.get_by_text("Tack för din kommentar!").wait_for()

    context.close()
    assert FeedbackResponse.objects.get().comment == "Mer om tider"


AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page):
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "async () => (await axe.run('#feedback', {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations"
    )
    return [(violation["id"], [node["html"] for node in violation["nodes"]]) for violation in result]


@pytest.mark.skipif(not AXE_JS.exists(), reason="needs axe-core (npm ci)")
def test_the_widget_passes_axe_in_each_state(live_server, home_page, browser_page):
    content = ContentPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    browser_page.goto(live_server.url + content.url)
    assert axe_violations(browser_page) == []

    browser_page.get_by_role("button", name="Nej").click()
    browser_page.get_by_label("Vad saknade du?").wait_for()
    assert axe_violations(browser_page) == []

    browser_page.get_by_label("Vad saknade du?").fill("Mer")
    browser_page.get_by_role("button", name="Skicka kommentar").click()
    browser_page.get_by_text("Tack för din kommentar!").wait_for()
    assert axe_violations(browser_page) == []
