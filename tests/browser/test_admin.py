"""The admin as a communicator meets it: previews with their checks, and nothing from another origin."""

import json

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.servers import manage

pytestmark = pytest.mark.browser

SEED = "from tests.browser.admin_seed import seed; seed()"
SCREENSHOTS = ARTIFACTS / "screenshots" / "admin"


@pytest.fixture(scope="module")
def admin_site(demo_server):
    """The demo server with a user per role and a page with a planted problem (tests/browser/admin_seed.py)."""
    output = manage(demo_server["env"], "shell", "--no-imports", "-c", SEED)
    seeded = json.loads(output.strip().splitlines()[-1])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return {**demo_server, **seeded}


def log_in(context, admin_site, role):
    """A page of the browser, logged in to the admin as the user of that role."""
    page = context.new_page()
    page.goto(admin_site["url"] + "/admin/login/")
    page.fill("#id_username", admin_site["users"][role])
    page.fill("#id_password", admin_site["password"])
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(admin_site["url"] + "/admin/")
    return page


def test_the_preview_panel_renders_the_page_and_its_checks_find_the_planted_problem(admin_site, context_factory, tally):
    page = log_in(context_factory(), admin_site, "admin")
    page.goto(f"{admin_site['url']}/admin/pages/{admin_site['planted_page']}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1").get_by_text("Sida med planterade problem").wait_for()
    page.screenshot(path=str(SCREENSHOTS / "preview.png"))

    page.locator('[data-side-panel-toggle="checks"]').click()
    count = page.locator("[data-content-checker-count]")
    problems = page.locator("[data-checks-panel] [data-content-checker-name]")
    problems.first.wait_for()
    page.screenshot(path=str(SCREENSHOTS / "checks.png"))
    names = problems.all_inner_texts()
    assert int(count.inner_text()) >= 1
    assert any("alt" in name.lower() for name in names), names
    tally(page.url, checks=2)


def test_a_typed_date_the_picker_cannot_read_is_kept_with_a_swedish_error(admin_site, context_factory, tally):
    page = log_in(context_factory(), admin_site, "admin")
    page.goto(f"{admin_site['url']}/admin/pages/{admin_site['conference']}/edit/")
    start = page.locator("#id_start")
    start.fill("10 maj 2027 9.00")
    start.press("Tab")
    page.locator("#id_title").click()  # leave the field, as an editor does
    assert start.input_value() == "10 maj 2027 9.00"
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_load_state()
    page.get_by_text("Skriv datum och tid som ÅÅÅÅ-MM-DD TT:MM, till exempel 2027-05-10 09:00.").first.wait_for()
    page.screenshot(path=str(SCREENSHOTS / "date-error.png"), full_page=False)
    assert page.locator("#id_start").input_value() == "10 maj 2027 9.00"
    tally(page.url, checks=2)
