"""In a real browser the widget answers in place, moves focus sensibly and announces the thanks."""

import json

import pytest

from tests.browser.checks import axe
from tests.servers import manage

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(context_factory):
    # bypass_csp lets the test inject axe-core; the site's own scripts are checked under the CSP elsewhere.
    return context_factory(bypass_csp=True).new_page()


def _latest_answer(demo_server, slug):
    """The newest stored answer on the page with this slug, read from the demo server's database."""
    code = (
        "import json; from feedback.models import FeedbackResponse as R; "
        f"r = R.objects.filter(page__slug='{slug}').order_by('-pk').first(); "
        "print(json.dumps({'helpful': r.helpful, 'comment': r.comment}))"
    )
    return json.loads(manage(demo_server["env"], "shell", "--no-imports", "-c", code).strip().splitlines()[-1])


def test_answering_no_and_commenting_happen_in_place(demo_server, browser_page, tally):
    browser_page.goto(demo_server["url"] + "/om-oss/")
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
    assert _latest_answer(demo_server, "om-oss") == {"helpful": False, "comment": "Jag hittade inte <anmälan>"}
    tally("/om-oss/", checks=3)


def test_answering_yes_with_the_keyboard_keeps_focus_in_the_widget(demo_server, browser_page, tally):
    browser_page.goto(demo_server["url"] + "/personuppgifter/")

    browser_page.get_by_role("button", name="Ja").focus()
    browser_page.keyboard.press("Enter")

    browser_page.get_by_role("status").get_by_text("Tack för att du hjälper oss!").wait_for()
    assert browser_page.evaluate("document.activeElement.id") == "feedback-heading"
    assert browser_page.get_by_label("Vad saknade du?").count() == 0
    assert _latest_answer(demo_server, "personuppgifter")["helpful"] is True
    tally("/personuppgifter/", checks=2)


def test_without_javascript_the_forms_still_work(demo_server, context_factory, tally):
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(demo_server["url"] + "/tillganglighetsredogorelse/")

    page.get_by_role("button", name="Nej").click()
    page.get_by_text("Tack för att du hjälper oss!").wait_for()
    assert "?tack=" in page.url
    page.get_by_label("Vad saknade du?").fill("Mer om tider")
    page.get_by_role("button", name="Skicka kommentar").click()
    page.get_by_text("Tack för din kommentar!").wait_for()

    assert _latest_answer(demo_server, "tillganglighetsredogorelse")["comment"] == "Mer om tider"
    tally("/tillganglighetsredogorelse/", checks=2)


def test_the_widget_passes_axe_in_each_state(demo_server, browser_page, tally):
    browser_page.goto(demo_server["url"] + "/covid-19/")
    assert axe(browser_page, "#feedback") == []

    browser_page.get_by_role("button", name="Nej").click()
    browser_page.get_by_label("Vad saknade du?").wait_for()
    assert axe(browser_page, "#feedback") == []

    browser_page.get_by_label("Vad saknade du?").fill("Mer")
    browser_page.get_by_role("button", name="Skicka kommentar").click()
    browser_page.get_by_text("Tack för din kommentar!").wait_for()
    assert axe(browser_page, "#feedback") == []
    tally("/covid-19/", checks=3)
