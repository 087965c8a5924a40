"""Editor help: every rule that guards a page rejects the bad case in Swedish and accepts the good one."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import querydict_from_html

from core.blocks import BaseStreamBlock, ImageBlock
from core.text import CONTROL_CHARACTERS
from events.blocks import ConferenceStreamBlock
from events.formatting import STOCKHOLM
from tests.core.factories import PersonFactory, TopicFactory
from tests.events.factories import ConferencePageFactory, SeminarPartFactory, SeminarSeriesPageFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def headings(*levels):
    return [{"type": "heading", "value": {"text": f"Rubrik {n}", "level": level}} for n, level in enumerate(levels)]


def clean_stream(block, items):
    return block.clean(block.to_python(items))


def level_errors(error):
    """The messages on each offending heading's level field, keyed by block index."""
    return {index: " ".join(e.block_errors["level"].messages) for index, e in error.block_errors.items()}


# Heading levels


@pytest.mark.parametrize("levels", [("h2",), ("h2", "h3", "h4"), ("h2", "h3", "h2", "h3"), ("h2", "h3", "h4", "h2")])
def test_headings_that_descend_one_level_at_a_time_are_accepted(levels):
    assert len(clean_stream(BaseStreamBlock(), headings(*levels))) == len(levels)


def test_a_heading_that_skips_a_level_is_rejected_on_that_block():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean_stream(BaseStreamBlock(), headings("h2", "h4"))
    errors = level_errors(caught.value)
    assert list(errors) == [1]
    assert "Rubrik 4 kan inte följa direkt efter Rubrik 2" in errors[1]


def test_the_first_heading_must_be_level_two():
    with pytest.raises(StreamBlockValidationError) as caught:
        clean_stream(BaseStreamBlock(), headings("h3", "h4"))
    errors = level_errors(caught.value)
    assert list(errors) == [0]
    assert "Den första rubriken i texten ska vara Rubrik 2" in errors[0]


def test_other_blocks_between_headings_do_not_count_and_app_bodies_share_the_rule():
    items = headings("h2")
    items.append({"type": "paragraph", "value": "<p>Text</p>"})
    items += headings("h4")
    with pytest.raises(StreamBlockValidationError) as caught:
        clean_stream(ConferenceStreamBlock(), items)
    assert list(level_errors(caught.value)) == [2]


def test_the_admin_shows_the_heading_error_and_does_not_save(client_for, superuser, home_page):
    page = ContentPageFactory(parent=home_page, body=headings("h2"))
    client = client_for(superuser)
    form = client.get(f"/admin/pages/{page.pk}/edit/")
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "body-count": "2",
            "body-0-type": "heading",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-value-text": "Bakgrund",
            "body-0-value-level": "h2",
            "body-1-type": "heading",
            "body-1-deleted": "",
            "body-1-order": "1",
            "body-1-value-text": "Detaljer",
            "body-1-value-level": "h4",
            "contacts-count": "0",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    assert "Rubrik 4 kan inte följa direkt efter Rubrik 2" in str(error.as_json_data()["blockErrors"][1])
    page.refresh_from_db()
    assert [child.value["text"] for child in page.get_latest_revision_as_object().body] == ["Rubrik 0"]


# Alternative text


@pytest.fixture
def image():
    return Image.objects.create(title="Konferens", file=get_test_image_file(size=(800, 600)))


def test_an_image_without_alt_text_is_rejected_in_swedish(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": image.pk, "alt_text": "  ", "caption": ""}))
    message = " ".join(caught.value.block_errors["alt_text"].messages)
    assert "Skriv en alternativtext" in message


def test_an_image_with_alt_text_is_accepted(image):
    block = ImageBlock()
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "Deltagare i en sal", "caption": ""}))
    assert value["alt_text"] == "Deltagare i en sal"


def test_a_missing_image_keeps_its_own_error(image):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python({"image": None, "alt_text": "En bild", "caption": ""}))
    assert "image" in caught.value.block_errors
    assert "alt_text" not in caught.value.block_errors


# Registration deadline


@pytest.fixture
def conference(event_index):
    start = dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM)
    return ConferencePageFactory(parent=event_index, start=start, end=start + dt.timedelta(hours=7))


@pytest.mark.parametrize("deadline", [dt.date(2027, 3, 12), dt.date(2027, 3, 20)])
def test_a_registration_deadline_on_or_after_the_start_day_is_rejected(conference, deadline):
    conference.registration_deadline = deadline
    with pytest.raises(ValidationError) as caught:
        conference.clean()
    message = " ".join(caught.value.message_dict["registration_deadline"])
    assert "Sista anmälningsdag måste vara före den dag evenemanget börjar (12 mars 2027)" in message


def test_a_registration_deadline_before_the_start_is_accepted(conference):
    conference.registration_deadline = dt.date(2027, 3, 5)
    conference.clean()


# Seminar series parts


@pytest.fixture
def series(event_index):
    page = SeminarSeriesPageFactory(parent=event_index)
    page.parts = [
        SeminarPartFactory.build(date=dt.date(2027, 4, 1), theme="Första delen"),
        SeminarPartFactory.build(date=dt.date(2027, 4, 8), theme="Andra delen"),
    ]
    page.save_revision().publish()
    return page


def post_series_parts(client, series, dates):
    url = f"/admin/pages/{series.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for index, date in enumerate(dates):
        data[f"parts-{index}-date"] = date.isoformat()
        data[f"parts-{index}-ORDER"] = str(index + 1)
        data.setdefault(f"parts-{index}-speakers-count", "0")
    for name in ("body", "responsible", "speakers", "contacts"):
        data.setdefault(f"{name}-count", "0")
    return client.post(url, data)


def test_series_parts_out_of_date_order_are_rejected(client_for, superuser, series):
    response = post_series_parts(client_for(superuser), series, [dt.date(2027, 4, 8), dt.date(2027, 4, 1)])
    assert response.status_code == 200
    part_errors = [form.errors for form in response.context["form"].formsets["parts"].forms]
    assert not part_errors[0]
    assert "Delarna ska stå i datumordning" in " ".join(part_errors[1]["date"])


def test_series_parts_in_date_order_are_saved(client_for, superuser, series):
    response = post_series_parts(client_for(superuser), series, [dt.date(2027, 4, 1), dt.date(2027, 4, 15)])
    assert response.status_code == 302
    series.refresh_from_db()
    latest = series.get_latest_revision_as_object()
    assert [part.date for part in latest.parts.all()] == [dt.date(2027, 4, 1), dt.date(2027, 4, 15)]


# Control characters


def test_a_title_or_intro_with_control_characters_is_refused_in_swedish(client_for, superuser, home_page):
    page = ContentPageFactory(parent=home_page, title="Om oss", intro="Vi är en förening.")
    client = client_for(superuser)
    data = querydict_from_html(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), form_id="page-edit-form")
    data.update({"title": "Om\ross", "intro": "Vi är\x0ben förening.\nPå två rader."})
    for name in ("body", "contacts"):
        data.setdefault(f"{name}-count", "0")

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["title"] == ["Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken."]
    assert errors["intro"] == ["Texten får inte innehålla andra styrtecken än radbrytningar och tabbar."]
    assert page.get_latest_revision_as_object().title == "Om oss"


def test_an_intro_may_have_line_breaks_and_tabs(home_page):
    page = ContentPageFactory(parent=home_page, title="Om oss", intro="Rad ett\r\nRad två\tmed tabb")

    page.full_clean()


@pytest.mark.parametrize("field", ["name", "role", "organisation", "phone"])
def test_a_person_with_a_control_character_is_refused(field):
    person = PersonFactory.build(**{field: "Anna\rBerg"})

    with pytest.raises(ValidationError) as caught:
        person.full_clean()
    assert caught.value.message_dict[field] == [CONTROL_CHARACTERS]


def test_a_topic_name_and_a_series_part_theme_with_a_line_break_are_refused(series):
    with pytest.raises(ValidationError) as topic:
        TopicFactory.build(name="Digital\nisering", slug="digital").full_clean()
    part = series.parts.first()
    part.theme = "Första\ndelen"
    with pytest.raises(ValidationError) as theme:
        part.full_clean()

    assert "name" in topic.value.message_dict
    assert "theme" in theme.value.message_dict


# Early and together: alt text and heading order on every save, all errors at once


def test_an_image_without_alt_text_and_a_skipped_heading_are_reported_together(image):
    items = headings("h2") + [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}]
    items += headings("h4")
    with pytest.raises(StreamBlockValidationError) as caught:
        clean_stream(BaseStreamBlock(), items)
    errors = caught.value.block_errors
    assert sorted(errors) == [1, 2]
    assert "Skriv en alternativtext" in " ".join(errors[1].block_errors["alt_text"].messages)
    assert "Rubrik 4 kan inte följa direkt efter Rubrik 2" in " ".join(errors[2].block_errors["level"].messages)


def body_with_problems(image):
    """Form data for a body with a heading, an image without alternative text and a heading that skips a level."""
    data = {"body-count": "3", "contacts-count": "0"}
    blocks = [
        ("heading", {"text": "Bakgrund", "level": "h2"}),
        ("image", {"image": str(image.pk), "alt_text": "", "caption": ""}),
        ("heading", {"text": "Detaljer", "level": "h4"}),
    ]
    for index, (block_type, value) in enumerate(blocks):
        data.update({f"body-{index}-type": block_type, f"body-{index}-deleted": "", f"body-{index}-order": str(index)})
        data.update({f"body-{index}-value-{name}": field for name, field in value.items()})
    return data


@pytest.mark.parametrize("action", [{}, {"action-submit": "1"}], ids=["draft", "submission"])
def test_a_draft_or_a_submission_shows_every_body_error_at_once(client_for, communicator, home_page, image, action):
    page = ContentPageFactory(parent=home_page, body=headings("h2"))
    client = client_for(communicator)
    data = querydict_from_html(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), form_id="page-edit-form")
    data.update({**body_with_problems(image), **action})
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    block_errors = response.context["form"].errors.as_data()["body"][0].as_json_data()["blockErrors"]
    assert "Skriv en alternativtext" in str(block_errors[1])
    assert "Rubrik 4 kan inte följa direkt efter Rubrik 2" in str(block_errors[2])
    page.refresh_from_db()
    assert len(page.get_latest_revision_as_object().body) == 1


def test_a_draft_may_still_hold_an_empty_image_block(client_for, communicator, home_page):
    page = ContentPageFactory(parent=home_page, body=headings("h2"))
    client = client_for(communicator)
    data = querydict_from_html(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), form_id="page-edit-form")
    data.update({"body-count": "1", "contacts-count": "0", "body-0-type": "image", "body-0-deleted": ""})
    data.update({"body-0-order": "0", "body-0-value-image": "", "body-0-value-alt_text": ""})
    data["body-0-value-caption"] = ""
    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302


def test_an_image_described_in_the_library_brings_its_description_as_alt_text():
    described = Image.objects.create(
        title="Sal", file=get_test_image_file(size=(800, 600)), description="Deltagare i en konferenssal"
    )
    block = ImageBlock()
    value = block.clean(block.to_python({"image": described.pk, "alt_text": "", "caption": ""}))
    assert value["alt_text"] == "Deltagare i en konferenssal"
