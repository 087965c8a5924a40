"""A sweep of generated bad input over every public endpoint and every page type's fields: never a 500,
never stored garbage, and every download (calendar, vCard, RSS, CSV) still parses strictly."""

import re
from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, models
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models

from core.models import Person, Topic
from events.models import EventIndexPage, SeminarPart, SeminarSeriesPage
from feedback.models import FeedbackResponse
from knowledge.models import KnowledgeIndexPage
from registrations.links import make_token
from registrations.models import Registration, Status
from tests.downloads import parse_csv, parse_ics, parse_rss, parse_vcard

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


# Odd encodings and bodies


FEW = settings(SWEEP, max_examples=30)
CHARSETS = [None, "utf-8", "UTF8", "us-ascii", "iso-8859-1", "utf-16", "rot13", "zlib", "base64", "idna", "finns-inte"]
ANSWER_PART = b'--x\r\nContent-Disposition: form-data; name="svar"\r\n\r\nja\r\n--x--\r\n'
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "multipart/form-data",
    "text/plain",
    "application/json",
]


def post_endpoints(demo):
    """Every public POST endpoint, with an id that exists where one is needed."""
    series = demo["SeminarSeriesPage"]
    registration = Registration.objects.filter(event=series).first() or Registration.objects.create(
        event=series, name="Anna", email="anna@kommun.se", status=Status.CONFIRMED, consent_at="2026-01-01T00:00Z"
    )
    return [
        "/aterkoppling/",
        "/aterkoppling/kommentar/",
        f"/anmalan/{series.pk}/",
        f"/anmalan/min-anmalan/{make_token(registration)}/",
    ]


@FEW
@given(body=st.binary(max_size=400), content_type=st.sampled_from(CONTENT_TYPES), charset=st.sampled_from(CHARSETS))
# The case that answered 500 on both endpoints: a text-transform codec as the charset.
@example(body=ANSWER_PART, content_type=CONTENT_TYPES[1], charset="rot13")
def test_odd_bodies_and_charsets_never_fail_and_store_nothing(client, demo, body, content_type, charset):
    header = content_type + (f"; charset={charset}" if charset else "")
    paths = post_endpoints(demo)
    # (A well-formed empty POST to the personal link does cancel: the link itself is the request.)
    before = FeedbackResponse.objects.count(), Registration.objects.count()
    for path in paths:
        response = client.generic(
            "POST",
            path,
            body,
            content_type="application/octet-stream",
            CONTENT_TYPE=header,
            HTTP_ORIGIN="http://testserver",
        )
        _ok(response)
    assert (FeedbackResponse.objects.count(), Registration.objects.count()) == before


@FEW
@given(raw=st.binary(max_size=60), name=st.sampled_from(["q", "amne", "typ", "sida", "arkiv", "format", "tack"]))
def test_query_strings_of_any_bytes_never_fail(client, demo, raw, name):
    query = f"{name}={quote_from_bytes(raw)}"
    try:
        raw.decode("utf-8")
        is_utf8 = True
    except UnicodeDecodeError:
        is_utf8 = False
    for url in (
        "/sok/",
        demo["EventIndexPage"].url,
        demo["KnowledgeIndexPage"].url,
        demo["KnowledgeIndexPage"].url + "rss/",
        demo["EventIndexPage"].url + "kalender/",
        demo["ContentPage"].url,
        "/amnen/",
    ):
        response = client.get(f"{url}?{query}")
        _ok(response)
        if not is_utf8:
            assert response.status_code == 400, url


@FEW
@given(token=st.text(max_size=60), tack=st.text(max_size=60))
def test_the_other_public_gets_never_fail(client, demo, token, tack):
    for url in ("/robots.txt", "/sitemap.xml", "/amnen/", "/healthz", "/"):
        _ok(client.get(url))
    _ok(client.get(f"/anmalan/min-anmalan/{quote(token, safe='') or 'x'}/"))
    _ok(client.get(demo["ContentPage"].url, {"tack": tack}))


# Stored text: what an editor or a script may have saved before the rules, in every page type's fields


def plain_text_fields(model):
    """The text fields of a model that end up in pages and downloads (not rich text, slugs, URLs or choices)."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, RichTextField | models.SlugField | models.URLField | models.EmailField)
        and field.editable
        and not field.choices
        and field.name != "path"
    ]


def stored_text(field):
    """Text a field might hold: control characters, separators, quotes and markup, any letters, or the longest value."""
    # PostgreSQL stores no NUL character in text at all, so it cannot be there.
    excluded = "\x00" if connection.vendor == "postgresql" else ""
    alphabet = st.one_of(
        st.characters(categories=["Cc"], exclude_characters=excluded),
        st.sampled_from(list("\u2028\u2029\u0085\u202e\ufeff\ufffe\uffff\"'<>&;,:=@\\")),
        st.characters(codec="utf-8", exclude_characters=excluded),
    )
    longest = field.max_length or 3000
    return st.one_of(st.text(alphabet, max_size=min(longest, 80)), st.just("Å" * longest))


PAGE_TYPES = sorted(model.__name__ for model in get_page_models() if model is not Page)


def downloads_of(page, html):
    """The calendars, feeds and vCards a visitor can download from this page and its listing."""
    urls = set(re.findall(r'href="(/personer/\d+/vcard/)"', html))
    for candidate in (page, page.get_parent().specific):
        if getattr(candidate, "has_calendar", False):
            urls.add(candidate.ics_url)
        if isinstance(candidate, EventIndexPage):
            urls.add(candidate.feed_url)
        if isinstance(candidate, KnowledgeIndexPage):
            urls.add(candidate.url + "rss/")
    if isinstance(page, SeminarSeriesPage):
        urls |= {part.ics_url for part in SeminarPart.objects.filter(page=page)}
    return urls


def assert_parses(url, response):
    assert response.status_code == 200, (url, response.status_code)
    if "/vcard/" in url:
        parse_vcard(response.content)
    elif url.endswith("rss/"):
        parse_rss(response.content)
    else:
        parse_ics(response.content)


@settings(SWEEP, max_examples=40)
@given(data=st.data(), page_type=st.sampled_from(PAGE_TYPES))
def test_stored_text_in_any_field_never_breaks_a_page_or_a_download(client, admin_client, demo, data, page_type):
    page = demo[page_type]
    model = type(page)
    values = {field.name: data.draw(stored_text(field), label=field.name) for field in plain_text_fields(model)}
    model.objects.filter(pk=page.pk).update(**values)
    people = Person.objects.filter(pk__in=re.findall(r"/personer/(\d+)/vcard/", client.get(page.url).content.decode()))
    people.update(**{field.name: data.draw(stored_text(field)) for field in plain_text_fields(Person)})
    topic_name = data.draw(stored_text(Topic._meta.get_field("name")))
    topic = page.topics.first() if hasattr(page, "topics") else None
    if topic:
        # Topic names are unique: the topic's id keeps this one apart from the others.
        Topic.objects.filter(pk=topic.pk).update(name=f"{topic_name[:90]}#{topic.pk}")
    SeminarPart.objects.filter(page_id=page.pk).update(
        theme=data.draw(stored_text(SeminarPart._meta.get_field("theme")))
    )
    FeedbackResponse.objects.create(
        page=page, helpful=False, comment=data.draw(stored_text(FeedbackResponse._meta.get_field("comment")))
    )
    Registration.objects.create(
        event=demo["SeminarSeriesPage"],
        name=data.draw(stored_text(Registration._meta.get_field("name"))),
        needs=data.draw(stored_text(Registration._meta.get_field("needs"))),
        email=f"person{Registration.objects.count()}@kommun.se",
        status=Status.WAITLISTED,
        consent_at="2026-01-01T00:00Z",
    )
    for alias in ("default", "template_fragments"):
        caches[alias].clear()  # the sweep changes the database behind the page cache's back
    page = Page.objects.get(pk=page.pk).specific

    response = client.get(page.url)

    assert response.status_code == 200
    for url in downloads_of(page, response.content.decode()):
        assert_parses(url, client.get(url))
    for report in ("/admin/reports/aterkoppling/", f"/admin/reports/aterkoppling/{page.pk}/", "/admin/anmalningar/"):
        assert len(parse_csv(admin_client.get(report, {"export": "csv"}))) >= 2
