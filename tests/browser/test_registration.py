"""A visitor signs up for the webinar series with the keyboard alone."""

import pytest

pytestmark = pytest.mark.browser


def test_sign_up_for_the_series_with_the_keyboard(demo_server, context_factory, tally):
    page = context_factory().new_page()
    series = next(row["path"] for row in demo_server["pages"] if row["type"] == "SeminarSeriesPage")
    page.goto(demo_server["url"] + series)

    # From the top of the page, Tab until the "Anmäl dig" button has focus, then follow it.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()").startswith("Anmäl dig"):
            break
    else:
        pytest.fail("the Anmäl dig button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/anmalan/**")

    page.get_by_label("Namn").focus()
    page.keyboard.type("Kim Tangentbord")
    page.keyboard.press("Tab")
    page.keyboard.type("kim.tangentbord@example.se")
    page.keyboard.press("Tab")
    page.keyboard.type("Exempelby kommun")  # organisation
    page.keyboard.press("Tab")
    page.keyboard.type("Exempelby")  # municipality
    page.get_by_label("Förtroendevald", exact=False).first.focus()
    page.keyboard.press("Space")
    part = page.locator(".registration-form__choices input[type=checkbox]").first
    part.focus()
    page.keyboard.press("Space")
    page.get_by_label("Jag samtycker", exact=False).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Skicka anmälan").focus()
    page.keyboard.press("Enter")

    answer = page.get_by_role("status")
    answer.wait_for()
    assert "Du är anmäld" in answer.inner_text()
    tally(series, checks=2)
