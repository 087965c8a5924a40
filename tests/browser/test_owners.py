"""The page owners' views in a real browser: the helpfulness chart, the comment list and Mina sidor pass
axe-core's WCAG 2.1 A and AA rules, and the chart draws with no script and nothing from another origin."""

import json

import pytest

from tests.browser.checks import axe
from tests.browser.test_admin import log_in, off_origin_requests
from tests.servers import manage

pytestmark = pytest.mark.browser

STORY_PAGE_ID = (
    "from knowledge.models import KnowledgePage; print(KnowledgePage.objects.get(slug="
    "'ledning-styrning-och-organisation-for-att-digitalisera').pk)"
)


def test_the_chart_the_comments_and_mina_sidor_pass_axe(admin_site, context_factory, tally):
    page_id = int(manage(admin_site["env"], "shell", "--no-imports", "-c", STORY_PAGE_ID).strip().splitlines()[-1])
    context = context_factory("desktop", bypass_csp=True)
    page = log_in(context, admin_site, "admin")
    foreign = off_origin_requests(page, admin_site)
    failures = {}
    for path in (f"/admin/reports/aterkoppling/{page_id}/over-tid/", "/admin/reports/kommentarer/", "/admin/"):
        page.goto(admin_site["url"] + path)
        if "over-tid" in path:
            svg = page.locator("svg[role=img]")
            assert svg.get_attribute("aria-labelledby") == "trend-title trend-desc"
            assert svg.locator("rect").count() >= 10
            assert page.get_by_role("table", name="Andel ja per publicerad version av sidan").count() == 1
            assert page.get_by_role("table", name="Andel ja per vecka, samma siffror som i diagrammet").count() == 1
        violations = axe(page)
        if violations:
            failures[path] = violations
        else:
            tally(path)
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=2)
    assert foreign == []
