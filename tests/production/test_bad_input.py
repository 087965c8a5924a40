"""A sweep of generated bad input over every public endpoint: never a 500, never stored garbage."""

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from feedback.models import FeedbackResponse

pytestmark = pytest.mark.django_db

SWEEP = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text that stresses parsers: control characters, quotes, operators, surrogate-free unicode, long runs.
nasty_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", " ", "%00", "\x00", "'; DROP TABLE x; --", '"', "<script>", "../../etc/passwd", "a" * 5000]),
)
path_segment = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/?#"), min_size=1, max_size=40
)


@pytest.fixture
def demo(client, home_page):
    call_command("load_demo_content")
    pages = {page.specific_class.__name__: page for page in Page.objects.live().specific()}
    return pages


def _ok(response):
    assert response.status_code < 500, response.status_code


@SWEEP
@given(segments=st.lists(path_segment, min_size=1, max_size=4))
def test_odd_paths_never_fail(client, demo, segments):
    from urllib.parse import quote

    _ok(client.get("/" + "/".join(quote(s, safe="") for s in segments) + "/"))


@SWEEP
@given(params=st.dictionaries(st.sampled_from(["format", "amne", "typ", "sida", "arkiv", "q"]), nasty_text))
def test_listing_filters_and_search_never_fail(client, demo, params):
    for page_type in ("EventIndexPage", "KnowledgeIndexPage"):
        _ok(client.get(demo[page_type].url, params))
    _ok(client.get("/sok/", params))


@SWEEP
@given(part=st.integers(min_value=-(2**63), max_value=2**63), slug=path_segment)
def test_calendars_feeds_topics_and_cards_never_fail(client, demo, part, slug):
    from urllib.parse import quote

    series = demo["SeminarSeriesPage"]
    _ok(client.get(f"{series.url}del/{abs(part)}/kalender/"))
    _ok(client.get(demo["ConferencePage"].url + "kalender/"))
    _ok(client.get(demo["EventIndexPage"].url + "kalender/", {"amne": slug}))
    _ok(client.get(demo["KnowledgeIndexPage"].url + "rss/", {"amne": slug}))
    _ok(client.get(f"/amnen/{quote(slug, safe='')}/"))
    _ok(client.get(f"/personer/{abs(part) % 10**12}/vcard/"))


@SWEEP
@given(
    fields=st.dictionaries(
        st.sampled_from(["page", "svar", "webbplats", "kommentar", "token", "extra"]),
        st.one_of(nasty_text, st.integers().map(str)),
    )
)
def test_feedback_never_fails_and_stores_only_valid_answers(client, demo, fields):
    before = FeedbackResponse.objects.count()
    for endpoint in ("/aterkoppling/", "/aterkoppling/kommentar/"):
        response = client.post(endpoint, fields, HTTP_ORIGIN="http://testserver", HTTP_ACCEPT="application/json")
        _ok(response)
    stored = FeedbackResponse.objects.count() - before
    valid_answer = (
        fields.get("svar") in {"ja", "nej"}
        and not fields.get("webbplats")
        and fields.get("page", "").strip().isdigit()
        and Page.objects.live().filter(pk=int(fields["page"].strip())).exists()
    )
    assert stored == (1 if valid_answer else 0)
    for response in FeedbackResponse.objects.all():
        assert "\x00" not in response.comment


@SWEEP
@given(
    fields=st.dictionaries(
        st.sampled_from(
            ["name", "email", "organisation", "municipality", "role", "needs", "parts", "consent", "webbplats"]
        ),
        st.one_of(nasty_text, st.integers().map(str)),
    ),
    token=path_segment,
)
def test_registration_never_fails_and_stores_only_complete_sign_ups(client, demo, fields, token):
    from urllib.parse import quote

    from registrations.models import Registration

    series = demo["SeminarSeriesPage"]
    before = Registration.objects.count()
    _ok(client.post(f"/anmalan/{series.pk}/", fields))
    _ok(client.get(f"/anmalan/min-anmalan/{quote(token, safe='')}/"))
    _ok(client.post(f"/anmalan/min-anmalan/{quote(token, safe='')}/", {"avboka": "1"}))
    stored = Registration.objects.count() - before
    if stored:
        # Only a sign-up with a name, a valid e-mail and consent may be stored.
        registration = Registration.objects.order_by("-pk").first()
        assert registration.name.strip() and "@" in registration.email
        assert fields.get("consent") and not fields.get("webbplats")
