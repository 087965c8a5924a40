"""Factories for the event pages."""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from events.formatting import STOCKHOLM
from events.models import ConferencePage, EventIndexPage, NetworkPage, SeminarPart, SeminarSeriesPage


def in_days(days, hour=9, minute=0):
    """An aware Stockholm datetime `days` from today at the given time."""
    day = timezone.localdate(timezone=STOCKHOLM) + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=STOCKHOLM)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Kurser och konferenser"
    slug = "kurser-och-konferenser"
    intro = "Här hittar du våra kommande kurser, konferenser och webbseminarier."


class ConferencePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConferencePage

    title = factory.Sequence(lambda n: f"Konferens {n}")
    intro = "En dag om korruptionsbekämpning."
    start = factory.LazyFunction(lambda: in_days(30, 9, 30))
    end = factory.LazyAttribute(lambda page: page.start + dt.timedelta(hours=7))
    city = "Göteborg"
    venue = "Svenska Mässan"
    registration_url = "https://example.se/anmalan"


class NetworkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkPage

    title = factory.Sequence(lambda n: f"Nätverk {n}")
    intro = "Ett nätverk för korruptionsbekämpning."
    published_date = dt.date(2019, 9, 23)


class SeminarSeriesPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeminarSeriesPage

    title = factory.Sequence(lambda n: f"Webbseminarium {n}")
    intro = "En seminarieserie i flera delar."
    registration_url = "https://example.se/anmalan-serie"


class SeminarPartFactory(factory.django.DjangoModelFactory):
    """A part of a series; build it and add it to the page's parts, then save the page."""

    class Meta:
        model = SeminarPart

    date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=10))
    start_time = dt.time(13, 15)
    end_time = dt.time(14, 0)
    theme = factory.Sequence(lambda n: f"Tema {n}")
    text = "<p>Om temat.</p>"


def publish_part_change(series, theme, **changes):
    """Change the part with this theme in the editor's way, a new revision of the series published; the
    part as stored afterwards."""
    page = SeminarSeriesPage.objects.get(pk=series.pk)
    parts = list(page.parts.all())
    for part in parts:
        if part.theme == theme:
            for name, value in changes.items():
                setattr(part, name, value)
    page.parts = parts
    page.save_revision().publish()
    return SeminarSeriesPage.objects.get(pk=series.pk).parts.get(theme=theme)
