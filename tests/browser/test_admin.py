"""The admin as a communicator meets it: previews with their checks, and nothing from another origin."""

from urllib.parse import urlparse

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_privacy_and_calendar import RECORD_CSP_VIOLATIONS
from tests.servers import shell

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "screenshots" / "admin"


@pytest.fixture(scope="module", autouse=True)
def screenshots_folder():
    """The folder the screenshots of this module go to."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


def off_origin_requests(page, admin_site):
    """Every request the page makes to another origin, aborted (there is no network here)."""
    own = urlparse(admin_site["url"]).netloc
    seen = []

    def guard(route):
        url = route.request.url
        if urlparse(url).scheme in {"http", "https", "ws", "wss"} and urlparse(url).netloc != own:
            seen.append(url)
            return route.abort()
        return route.continue_()

    page.route("**/*", guard)
    return seen


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


@pytest.mark.parametrize("role", ["admin", "kommunikator"])
def test_the_admin_requests_nothing_from_another_origin(admin_site, context_factory, role, tally):
    page = log_in(context_factory(), admin_site, role)
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    seen = off_origin_requests(page, admin_site)
    paths = [
        "/admin/",
        f"/admin/pages/{admin_site['conference']}/edit/",
        f"/admin/pages/{admin_site['planted_page']}/edit/",
        "/admin/snippets/core/person/add/",
        "/admin/snippets/core/topic/add/",
        "/admin/snippets/core/sitenotice/add/",
    ]
    for path in paths:
        page.goto(admin_site["url"] + path)
        page.wait_for_load_state("networkidle")
        # A request the policy blocks never reaches the network: it shows as a violation or a broken image.
        assert page.evaluate("window.__cspViolations") == [], path
        # (An img without a src, such as a placeholder for a user's avatar, loads nothing.)
        broken = page.locator("img").evaluate_all(
            "imgs => imgs.filter(i => i.getAttribute('src') && !i.naturalWidth).map(i => i.src)"
        )
        assert broken == [], path
        page.screenshot(path=str(SCREENSHOTS / f"{role}-{path.strip('/').replace('/', '_')}.png"))
        tally(path)
    assert seen == []


def test_a_copys_slug_follows_the_new_title_typed_in_the_copy_form(admin_site, context_factory, tally):
    page = log_in(context_factory(), admin_site, "admin")
    page.goto(f"{admin_site['url']}/admin/pages/{admin_site['annual_meeting']}/copy/")
    assert page.locator("#id_new_slug").input_value() == "arsmote-2027"
    page.locator("#id_new_title").click()
    page.locator("#id_new_title").fill("")
    page.locator("#id_new_title").press_sequentially("Årsmöte i Östra Göinge 2028")
    # Wagtail writes the slug a moment after the last key: wait up to 5 s for it on a busy machine.
    page.wait_for_function(
        "() => document.querySelector('#id_new_slug').value === 'arsmote-i-ostra-goinge-2028'", timeout=5000
    )
    page.screenshot(path=str(SCREENSHOTS / "copy-slug.png"))
    assert page.locator("#id_new_slug").input_value() == "arsmote-i-ostra-goinge-2028"
    tally(page.url)


def test_the_save_bar_is_reachable_on_a_phone(admin_site, context_factory, tally):
    page = log_in(context_factory("mobile"), admin_site, "admin")
    page.goto(f"{admin_site['url']}/admin/pages/{admin_site['planted_page']}/edit/")
    save = page.get_by_role("button", name="Spara utkast")
    save.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "phone-save-bar.png"))
    box = save.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    # Playwright clicks only what is visible and not covered by anything else.
    save.click()
    page.locator(".messages .success").wait_for()
    tally(page.url, checks=2)


ASK_FOR_EXPORT = """
from django.contrib.auth import get_user_model
from core.models import ExportFile
user = get_user_model().objects.get(username={username!r})
print(ExportFile.objects.create(user=user, source="/admin/anmalningar/", filename="anmalningar.xlsx").pk)
"""
WRITE_EXPORT = "from core.exports.files import write_export; print(write_export.call({export_id!r}))"


def test_the_export_page_offers_the_file_as_soon_as_the_worker_has_written_it(admin_site, context_factory, tally):
    page = log_in(context_factory(), admin_site, "admin")
    export_id = shell(admin_site["env"], ASK_FOR_EXPORT.format(username=admin_site["users"]["admin"]))
    page.goto(f"{admin_site['url']}/admin/exporter/{export_id}/")
    status = page.locator("[data-export-status]")
    assert "Filen förbereds." in status.inner_text()

    # The worker writes the file; the page, left alone, looks again and offers it.
    shell(admin_site["env"], WRITE_EXPORT.format(export_id=export_id))
    link = page.get_by_role("link", name="Ladda ner anmalningar.xlsx")
    link.wait_for(timeout=15_000)
    page.screenshot(path=str(SCREENSHOTS / "export-ready.png"))
    with page.expect_download() as download:
        link.click()

    assert download.value.suggested_filename == "anmalningar.xlsx"
    tally(page.url, 2)
