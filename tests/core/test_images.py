"""Page images: responsive pictures in AVIF and WebP with a JPEG fallback, alt text or a decorative
choice before publishing, renditions made ahead of time, share images and cards that load in bulk."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Rendition
from wagtail.models import Page

from core.images import CARD_SPECS, PAGE_IMAGE_SPECS, PHOTO_SPECS
from core.models.images import ALT_OR_DECORATIVE
from tests.core.factories import ImageFactory, PersonFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory, KnowledgePageFactory

pytestmark = pytest.mark.django_db


def picture(html, css_class=None):
    """The first <picture> in the HTML (the one whose <img> has css_class, if given)."""
    for match in re.finditer(r"<picture>.*?</picture>", html, re.S):
        if css_class is None or f'class="{css_class}"' in match.group(0):
            return match.group(0)
    raise AssertionError(f"no picture{' with ' + css_class if css_class else ''} in the page")


def srcset_widths(tag):
    return [int(w) for w in re.findall(r" (\d+)w", re.search(r'srcset="([^"]*)"', tag).group(1))]


@pytest.fixture
def listing(home_page):
    return KnowledgeIndexPageFactory(parent=home_page, per_page=30)


@pytest.fixture
def page_with_images(listing):
    top = ImageFactory(title="Toppbild", file__width=1600, file__height=900)
    return KnowledgePageFactory(
        parent=listing,
        title="Ledning av digitalisering",
        top_image=top,
        top_image_alt="Färgade cirklar som överlappar varandra",
        image_credit="Kommuner och regioner",
    )


class TestTopImage:
    def test_is_a_picture_with_avif_and_webp_sources_and_a_jpeg_fallback(self, client, page_with_images):
        html = client.get(page_with_images.url).content.decode()
        tag = picture(html)

        sources = re.findall(r"<source [^>]*>", tag)
        assert [re.search(r'type="([^"]+)"', s).group(1) for s in sources] == ["image/avif", "image/webp"]
        for source in sources:
            assert srcset_widths(source) == [480, 768, 1024, 1536]
            assert 'sizes="(min-width: 52rem) 48rem, calc(100vw - 2rem)"' in source
        img = re.search(r"<img [^>]*>", tag).group(0)
        assert re.search(r'src="[^"]+\.jpg"', img)
        assert 'width="480"' in img and 'height="270"' in img, "width and height keep the layout from shifting"
        assert 'alt="Färgade cirklar som överlappar varandra"' in img

    def test_is_the_largest_paint_so_it_loads_at_once(self, client, page_with_images):
        img = re.search(r"<img [^>]*>", picture(client.get(page_with_images.url).content.decode())).group(0)
        assert 'loading="lazy"' not in img
        assert 'fetchpriority="high"' in img

    def test_carries_its_credit(self, client, page_with_images):
        html = client.get(page_with_images.url).content.decode()
        assert '<figcaption class="top-image__credit">Foto: Kommuner och regioner</figcaption>' in html

    def test_renditions_exist_in_each_format(self, client, page_with_images):
        client.get(page_with_images.url)
        files = Rendition.objects.filter(image=page_with_images.top_image).values_list("file", flat=True)
        extensions = {name.rsplit(".", 1)[1] for name in files}
        assert {"avif", "webp", "jpg"} <= extensions

    def test_a_decorative_image_has_an_empty_alt(self, client, listing):
        page = KnowledgePageFactory(parent=listing, top_image=ImageFactory(), top_image_decorative=True)
        img = re.search(r"<img [^>]*>", picture(client.get(page.url).content.decode())).group(0)
        assert 'alt=""' in img


class TestAltTextBeforePublishing:
    def test_an_image_without_alt_text_that_is_not_decorative_is_refused_in_swedish(self, listing):
        page = KnowledgePageFactory.build(title="Utan alt", slug="utan-alt", top_image=ImageFactory())
        with pytest.raises(ValidationError) as error:
            listing.add_child(instance=page)
        assert error.value.message_dict["top_image_alt"] == [ALT_OR_DECORATIVE]
        assert "alternativtext" in ALT_OR_DECORATIVE and "dekorativ" in ALT_OR_DECORATIVE.lower()

    def test_the_teaser_image_needs_one_too(self, listing):
        page = KnowledgePageFactory.build(slug="utan-alt", teaser_image=ImageFactory())
        with pytest.raises(ValidationError) as error:
            listing.add_child(instance=page)
        assert "teaser_image_alt" in error.value.message_dict

    def test_the_admin_keeps_the_page_unpublished_and_says_why(self, admin_client, listing):
        page = KnowledgePageFactory(parent=listing, title="Sidan", slug="sidan", live=False)
        image = ImageFactory()
        data = {
            "title": "Sidan",
            "slug": "sidan",
            "publication_date": "2021-06-22",
            "intro": "",
            "top_image": image.pk,
            "top_image_alt": "",
            "image_credit": "",
            "teaser_image_alt": "",
            "key_points-count": "0",
            "body-count": "0",
            "contacts-count": "0",
            "related_pages-count": "0",
            "action-publish": "action-publish",
        }
        response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)

        assert response.status_code == 200
        assert ALT_OR_DECORATIVE in response.content.decode()
        assert not Page.objects.get(pk=page.pk).live

    def test_decorative_or_described_images_publish(self, listing):
        decorative = KnowledgePageFactory(parent=listing, top_image=ImageFactory(), top_image_decorative=True)
        described = KnowledgePageFactory(
            parent=listing, teaser_image=ImageFactory(description="Två händer som håller en surfplatta")
        )
        assert decorative.live and described.live
        assert described.teaser_image_alt == "Två händer som håller en surfplatta"


class TestCards:
    def test_show_the_teaser_image_lazily_with_card_sizes(self, client, listing):
        older = {"publication_date": "2021-01-01", "teaser_image": ImageFactory(), "teaser_image_alt": "Ett diagram"}
        newer = {"publication_date": "2021-02-01", "top_image": ImageFactory(), "top_image_alt": "En karta"}
        KnowledgePageFactory(parent=listing, **older)
        KnowledgePageFactory(parent=listing, **newer)
        html = client.get(listing.url).content.decode()

        first, second = re.findall(r"<picture>.*?</picture>", html, re.S)
        assert 'alt="En karta"' in first and 'loading="lazy"' not in first, "the first card may be the largest paint"
        assert 'alt="Ett diagram"' in second and 'loading="lazy"' in second
        for source in re.findall(r"<source [^>]*>", second):
            assert srcset_widths(source) == [320, 480, 640]
            assert 'sizes="(min-width: 52rem) 15rem, (min-width: 34rem) 50vw, 100vw"' in source

    def test_without_an_image_stay_plain(self, client, listing):
        KnowledgePageFactory(parent=listing)
        html = client.get(listing.url).content.decode()
        assert "<picture>" not in html
        assert 'class="card"' in html

    def test_twenty_card_images_cost_no_more_queries_than_two(self, client, listing):
        def queries(n):
            for page in listing.get_children():
                page.delete()
            for i in range(n):
                KnowledgePageFactory(parent=listing, teaser_image=ImageFactory(), teaser_image_alt=f"Bild {i}")
            client.get(listing.url)  # renditions made, Wagtail's caches warm
            with CaptureQueriesContext(connection) as captured:
                html = client.get(listing.url).content.decode()
            assert html.count("<picture>") == n
            return len(captured)

        assert queries(20) <= queries(2)

    def test_two_pages_sharing_an_image_keep_their_own_alt_texts(self, client, listing):
        # The card's picture is a cached fragment: the alt text is part of its key.
        image = ImageFactory()
        KnowledgePageFactory(parent=listing, teaser_image=image, teaser_image_alt="Ett diagram över kostnader")
        KnowledgePageFactory(parent=listing, teaser_image=image, teaser_image_alt="Samma bild, en annan text")
        html = client.get(listing.url).content.decode()
        assert 'alt="Ett diagram över kostnader"' in html
        assert 'alt="Samma bild, en annan text"' in html


class TestRenditionsAheadOfTime:
    def test_saving_a_used_image_makes_the_renditions_of_its_uses(self, listing, django_capture_on_commit_callbacks):
        image = ImageFactory()
        KnowledgePageFactory(parent=listing, top_image=image, top_image_alt="En karta")
        PersonFactory(photo=image)
        Rendition.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True):
            image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 10, 10, 50, 50
            image.save()
        made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
        assert set(PAGE_IMAGE_SPECS) | set(PHOTO_SPECS) <= made

    def test_a_new_upload_waits_for_its_first_use(self, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            image = ImageFactory()
        assert not Rendition.objects.filter(image=image).exists()
        with django_capture_on_commit_callbacks(execute=True):
            PersonFactory(photo=image)
        made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
        assert set(PHOTO_SPECS) <= made

    def test_publishing_a_page_makes_its_images_renditions(self, listing, django_capture_on_commit_callbacks):
        image = ImageFactory()
        Rendition.objects.all().delete()
        with django_capture_on_commit_callbacks(execute=True):
            page = KnowledgePageFactory(parent=listing, teaser_image=image, teaser_image_alt="Ett diagram", live=False)
            page.save_revision().publish()
        made = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
        assert set(CARD_SPECS) <= made


class TestShareImage:
    def test_is_a_1200x630_rendition_of_the_teaser_image(self, client, page_with_images):
        html = client.get(page_with_images.url).content.decode()
        url = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
        assert url.startswith("http://testserver/") and ".fill-1200x630" in url
        assert '<meta property="og:image:width" content="1200">' in html
        assert '<meta property="og:image:alt" content="Färgade cirklar som överlappar varandra">' in html

    def test_falls_back_to_the_sites_image(self, client, listing):
        page = KnowledgePageFactory(parent=listing)
        html = client.get(page.url).content.decode()
        assert '<meta property="og:image" content="http://testserver/static/img/share.png">' in html


class TestPersonPhoto:
    def test_shows_beside_the_name_in_a_contact_box(self, client, listing):
        person = PersonFactory(name="Elin Wihlborg", photo=ImageFactory(file__width=200, file__height=200))
        contacts = [{"type": "contact", "value": {"heading": "Kontakt", "people": [person.pk], "text": ""}}]
        page = KnowledgePageFactory(parent=listing, contacts=contacts)
        tag = picture(client.get(page.url).content.decode(), "person__photo")
        assert 'alt=""' in tag, "the name beside it says who it is"
        assert srcset_widths(re.search(r"<source [^>]*>", tag).group(0)) == [64, 128]

    def test_sits_right_before_a_speakers_name_without_a_stray_space(self, client, listing):
        person = PersonFactory(
            name="Elin Wihlborg",
            role="professor",
            organisation="",
            photo=ImageFactory(file__width=200, file__height=200),
        )
        body = [
            {
                "type": "webcast",
                "value": {"title": "Föreläsning", "video_url": "", "people": [{"person": person.pk}], "transcript": ""},
            }
        ]
        page = KnowledgePageFactory(parent=listing, body=body)
        html = client.get(page.url).content.decode()
        speaker = re.search(
            r'<span class="speaker speaker--photo"><picture>.*?</picture><span class="speaker__name">', html, re.S
        )
        assert speaker, "the photo, then the name, with nothing between them"
        assert 'Elin Wihlborg</span><span class="speaker__title">, professor</span></span>' in html

    def test_a_new_photo_shows_at_once_although_the_markup_is_cached(self, client, listing):
        person = PersonFactory(name="Elin Wihlborg", photo=ImageFactory(file__width=200, file__height=200))
        contacts = [{"type": "contact", "value": {"heading": "Kontakt", "people": [person.pk], "text": ""}}]
        page = KnowledgePageFactory(parent=listing, contacts=contacts)
        before = picture(client.get(page.url).content.decode(), "person__photo")

        person.photo = ImageFactory(file__width=300, file__height=300)
        person.save()  # a new cache generation
        after = picture(client.get(page.url).content.decode(), "person__photo")
        assert after != before
        assert f"/images/{person.photo.file.name.rsplit('/', 1)[-1].rsplit('.', 1)[0]}" in after


def test_the_home_page_says_what_the_site_is(client, home_page):
    home_page.heading = "Sveriges Kommuner och Regioner: kurser, konferenser och kunskap"
    home_page.save_revision().publish()
    html = client.get("/").content.decode()
    assert "<h1>Sveriges Kommuner och Regioner: kurser, konferenser och kunskap</h1>" in html
    assert "<h1>Startsida</h1>" not in html
