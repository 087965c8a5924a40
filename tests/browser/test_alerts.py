"""Bevaka ämnet in a real browser: the form on a cached topic page works, and the form and the pages
behind the e-mail's links pass axe-core (WCAG 2.1 A/AA) and the Nu HTML Checker with zero errors."""

import json

import pytest

from tests.browser.checks import axe, fetch, html_errors
from tests.servers import shell

pytestmark = pytest.mark.browser

LINKS = """
import json
from django.utils import timezone
from alerts.links import make_confirm_token, make_manage_token
from alerts.models import Subscription
from core.models import Topic
topic = Topic.objects.get(slug="digitalisering", locale__language_code="sv")
now = {"consented_at": timezone.now()}
subscription, _ = Subscription.objects.get_or_create(email="webbtest@example.se", defaults=now)
subscription.topics.set([topic])
left, _ = Subscription.objects.get_or_create(email="lamnar@example.se", defaults=now)
left.topics.set([topic])
print(json.dumps({
    "confirm": "/bevaka/bekrafta/%s/" % make_confirm_token(subscription, [topic.pk], "veckovis"),
    "manage": "/bevaka/hantera/%s/" % make_manage_token(subscription),
    "unsubscribe": "/bevaka/avsluta/%s/" % make_manage_token(subscription),
    "unsubscribe_post": "/bevaka/avsluta/%s/" % make_manage_token(left),
}))
"""


@pytest.fixture(scope="module")
def links(demo_server):
    return json.loads(shell(demo_server["env"], LINKS))


def test_subscribing_on_a_cached_topic_page_and_the_answer_pass_axe(demo_server, context_factory, tally):
    page = context_factory(bypass_csp=True).new_page()
    base = demo_server["url"]
    page.goto(base + "/amnen/digitalisering/")
    page.goto(base + "/amnen/digitalisering/")  # now from the page cache
    assert axe(page) == []
    form = page.get_by_role("region", name="Bevaka ämnet")
    form.get_by_label("E-postadress").fill("ny.bevakare@example.se")
    form.get_by_label("Veckovis", exact=False).check()
    form.get_by_role("button", name="Bevaka").click()
    status = page.get_by_role("status")
    status.wait_for()
    assert "Vi har skickat ett e-postmeddelande till ny.bevakare@example.se" in status.inner_text()
    assert axe(page) == []

    page.goto(base + "/bevaka/")
    page.get_by_role("button", name="Bevaka").click()  # nothing filled in
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Skriv din e-postadress." in alert.inner_text()
    assert axe(page) == []
    tally("/amnen/digitalisering/", checks=4)


def test_the_pages_behind_the_links_pass_axe(demo_server, context_factory, links, tally):
    page = context_factory(bypass_csp=True).new_page()
    base = demo_server["url"]
    failures = {}
    for name in ("confirm", "manage", "unsubscribe"):
        page.goto(base + links[name])
        failures[name] = axe(page)
    page.goto(base + links["confirm"])
    page.get_by_role("button", name="Bekräfta").click()
    page.get_by_role("heading", name="Bevakningen är bekräftad").wait_for()
    failures["confirmed"] = axe(page)
    page.goto(base + links["unsubscribe"])
    page.get_by_role("button", name="Avsluta bevakningen").click()
    page.get_by_role("heading", name="Bevakningen är avslutad").wait_for()
    failures["unsubscribed"] = axe(page)
    page.goto(base + links["manage"])  # the address is gone
    failures["gone"] = axe(page)
    assert not any(failures.values()), json.dumps(failures, ensure_ascii=False, indent=2)
    tally("/bevaka/", checks=len(failures))


def test_the_form_and_the_link_pages_are_valid_html(demo_server, links, tmp_path, tally):
    base = demo_server["url"]
    knowledge = next(row["path"] for row in demo_server["pages"] if row["type"] == "KnowledgePage")
    pages = {
        "topic": fetch(base, "/amnen/digitalisering/"),
        "knowledge": fetch(base, knowledge),
        "form": fetch(base, "/bevaka/?amne=digitalisering"),
        "invalid": fetch(base, "/bevaka/", {"epost": "fel", "frekvens": "ibland"}),
        "confirm": fetch(base, links["confirm"]),
        "manage": fetch(base, links["manage"]),
        "unsubscribe": fetch(base, links["unsubscribe_post"]),
        "unsubscribed": fetch(base, links["unsubscribe_post"], {"List-Unsubscribe": "One-Click"}),
        "expired": fetch(base, "/bevaka/avsluta/fel/"),
    }
    assert b"Bevaka" in pages["topic"] and b"Bevaka" in pages["knowledge"]
    assert "Bevakningen är avslutad".encode() in pages["unsubscribed"]
    errors = html_errors(pages, tmp_path)
    assert not errors, "\n".join(errors)
    tally("/bevaka/ (HTML)", checks=len(pages))
