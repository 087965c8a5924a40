"""`load_demo_content` builds the whole demo site once, and `--reset` rebuilds it."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from core.models import ContactSettings, FooterSettings, Person, SiteNotice, SiteText, Topic

pytestmark = pytest.mark.django_db

SEED_TITLES = [
    "Fullmäktiges presidiekonferens, Göteborg",
    "Korruptionsbekämpning, nätverk",
    "Ledning, styrning och organisation för att digitalisera",
    "Att fatta svåra beslut och möta motstånd - webbseminarium",
]


def _counts():
    return {
        "pages": Page.objects.count(),
        "people": Person.objects.count(),
        "topics": Topic.objects.count(),
        "notices": SiteNotice.objects.count(),
        "site_texts": SiteText.objects.count(),
    }


def test_demo_content_has_every_seed_page_live(home_page):
    call_command("load_demo_content")
    live_titles = set(Page.objects.live().values_list("title", flat=True))
    for title in SEED_TITLES:
        assert title in live_titles
    assert FooterSettings.objects.get().accessibility_page.title == "Tillgänglighetsredogörelse"
    assert ContactSettings.objects.get().link_page.title == "Covid-19 och det nya coronaviruset"
    assert SiteText.objects.get(locale__language_code="sv").contact_heading == "Kontakt"
    assert SiteNotice.objects.active().filter(message__contains="coronaviruset").exists()


def test_loading_twice_duplicates_nothing(home_page):
    call_command("load_demo_content")
    first = _counts()
    call_command("load_demo_content")
    assert _counts() == first


def test_reset_rebuilds_the_same_site(home_page):
    call_command("load_demo_content")
    first = _counts()
    Page.objects.get(title="Om oss").specific.unpublish()
    call_command("load_demo_content", "--reset")
    assert _counts() == first
    assert Page.objects.get(title="Om oss").live


def test_if_empty_leaves_an_existing_site_alone(home_page, capsys):
    call_command("load_demo_content")
    about = Page.objects.get(title="Om oss")
    about.title = "Om föreningen"
    about.save()
    call_command("load_demo_content", "--if-empty")
    assert Page.objects.filter(title="Om föreningen").exists()
    assert "finns redan" in capsys.readouterr().out


def test_every_demo_page_renders(client, home_page):
    call_command("load_demo_content")
    for page in Page.objects.live().descendant_of(home_page, inclusive=True).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


# Every seed page ends with the site's shared parts; each app's tests check the page's own elements.
SHARED_ELEMENTS = [
    "Så påverkas kurser och konferenser av det nya coronaviruset",  # the site notice
    "Har du en fråga med anledning av det pågående virusutbrottet?",  # the site-wide Kontakt block
    "Covid-19 och det nya coronaviruset",
    "Hjälpte informationen på sidan dig?",  # the feedback widget
    "Tillgänglighetsredogörelse",  # the footer
]


@pytest.mark.parametrize("title", [*SEED_TITLES, "Kommek: Tema och sessioner"])
def test_every_seed_page_has_the_notice_contact_feedback_and_footer(client, home_page, title):
    call_command("load_demo_content")
    page = Page.objects.get(title=title)
    html = client.get(page.url).content.decode()
    for element in SHARED_ELEMENTS:
        assert element in html, f"{element!r} missing on {title}"


def test_the_demo_pages_have_owners_one_overdue_review_triaged_comments_and_a_story_over_versions(home_page):
    from django.utils import timezone

    from core.reviews import due_for_review
    from feedback.models import FeedbackResponse, FeedbackState
    from feedback.trends import shares_by_revision
    from knowledge.models import KnowledgePage

    call_command("load_demo_content")
    call_command("load_demo_content")
    today = timezone.localdate()
    overdue = [row for row in due_for_review() if row[2] < today]
    # The demo has the knowledge page in English too (a translation); the story is the Swedish original.
    story = KnowledgePage.objects.get(locale__language_code="sv")
    assert [row[1] for row in overdue] == [story.title]
    assert all(row[3] for row in due_for_review(until=today + timezone.timedelta(days=3650)))
    states = set(FeedbackResponse.objects.filter(page=story).with_comment().values_list("state", flat=True))
    assert states == {FeedbackState.NEW, FeedbackState.HANDLED, FeedbackState.SPAM}
    before, after = shares_by_revision(story)
    assert after.share - before.share > 20 and before.total >= 30 and after.total >= 30


def test_demo_images_are_drawn_here_described_and_placeholders_marked(home_page):
    from wagtail.images.models import Image

    from core.demo_images import PLACEHOLDER_TAG
    from home.demo_images import ILLUSTRATIONS

    call_command("load_demo_content")
    images = Image.objects.count()
    call_command("load_demo_content")
    assert Image.objects.count() == images, "loading twice draws nothing twice"

    with_top_image = [page.specific for page in Page.objects.live().filter(title__in=SEED_TITLES)]
    assert all(page.top_image_id for page in with_top_image)
    for page in with_top_image:
        assert page.top_image_alt.startswith("Illustration: ")
        assert page.top_image_alt == page.top_image.description
    assert Image.objects.filter(title__startswith="Illustration: ").count() == len(ILLUSTRATIONS)

    for person in Person.objects.select_related("photo"):
        assert person.photo.title == f"Platshållare: {person.name}"
        assert PLACEHOLDER_TAG in person.photo.tags.names()
        assert person.photo.description.startswith("Platshållarbild, inget foto")


def test_the_home_page_heading_says_what_the_site_is(client, home_page):
    call_command("load_demo_content")
    html = client.get("/").content.decode()
    assert "<h1>Sveriges Kommuner och Regioner: kurser, konferenser och kunskap" in html
