"""Pages of every type with n items of each kind (blocks, people, programme items, parts, listed pages).

Used by the query budget tests and by scripts/bench.py's render measurements.
"""

import datetime as dt

from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from core.models import Topic
from tests.core.factories import PersonFactory, TopicFactory
from tests.events.factories import (
    ConferencePageFactory,
    EventIndexPageFactory,
    NetworkPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
)
from tests.home.factories import ContentPageFactory
from tests.knowledge.factories import (
    YOUTUBE_URL,
    KnowledgeIndexPageFactory,
    KnowledgePageFactory,
    make_embed,
    webcast,
)


def _publish(page):
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def people(n):
    return [PersonFactory(name=f"Person {i}") for i in range(n)]


def topics(n):
    return [TopicFactory(name=f"Ämne {i}", slug=f"amne-{i}") for i in range(n)]


def speakers(persons):
    return [{"type": "speaker", "value": {"person": p.pk, "name": "", "title": ""}} for p in persons]


def contacts(persons):
    return [{"type": "contact", "value": {"heading": "Kontakt", "people": [p.pk for p in persons], "text": ""}}]


def body_blocks(n, persons, link_pages=(), with_images=True):
    """n blocks of each common kind: headings, paragraphs, images, link lists and contact boxes."""
    image = Image.objects.create(title="Bild", file=get_test_image_file(size=(1200, 800))) if with_images else None
    blocks = []
    for i in range(n):
        blocks.append({"type": "heading", "value": {"text": f"Rubrik {i}", "level": "h2"}})
        blocks.append({"type": "paragraph", "value": f"<p>Stycke {i} med <b>fet</b> text.</p>"})
        if image:
            blocks.append({"type": "image", "value": {"image": image.pk, "alt_text": f"Bild {i}", "caption": ""}})
    links = [{"page": page.pk, "text": "", "document": None, "external_url": ""} for page in link_pages]
    if links:
        blocks.append({"type": "link_list", "value": {"heading": "Läs mer", "links": links}})
    blocks.append({"type": "contact", "value": {"heading": "Kontakt", "people": [p.pk for p in persons], "text": ""}})
    return blocks


def menu_pages(parent, n, prefix="Meny"):
    return [_publish(ContentPageFactory(parent=parent, title=f"{prefix} {i}", show_in_menus=True)) for i in range(n)]


def event_index(home):
    existing = Page.objects.filter(slug="kurser-och-konferenser").first()
    return existing.specific if existing else _publish(EventIndexPageFactory(parent=home))


def knowledge_index(home):
    existing = Page.objects.filter(slug="kunskap").first()
    return existing.specific if existing else _publish(KnowledgeIndexPageFactory(parent=home))


def conferences(index, n, topic_list=(), persons=()):
    return [
        _publish(
            ConferencePageFactory(
                parent=index, title=f"Konferens {i}", topics=list(topic_list), speakers=speakers(persons)
            )
        )
        for i in range(n)
    ]


def knowledge_pages(index, n, topic_list=()):
    return [_publish(KnowledgePageFactory(parent=index, topics=list(topic_list))) for i in range(n)]


# One builder per page type: build(home, n) -> the URL to render.


def build_home(home, n):
    menu_pages(home, n)
    events = event_index(home)
    knowledge = knowledge_index(home)
    conferences(events, n, topics(n), people(n))
    knowledge_pages(knowledge, n, Topic.objects.all())
    home.body = body_blocks(n, people(n), link_pages=menu_pages(home, n, prefix="Länkad"))
    _publish(home)
    return "/"


def build_content(home, n):
    menu_pages(home, n)
    persons = people(n)
    linked = menu_pages(home, n, prefix="Länkad")
    page = ContentPageFactory(
        parent=home, title="Om oss", slug="om-oss", body=body_blocks(n, persons, linked), contacts=contacts(persons)
    )
    return _publish(page).url


def programme(n, persons):
    items = []
    for i in range(n):
        items.append(
            {
                "type": "session",
                "value": {
                    "title": f"Pass {i}",
                    "start_time": "09:00:00",
                    "end_time": "10:00:00",
                    "text": "<p>Om passet.</p>",
                    "topics": [f"Punkt {j}" for j in range(3)],
                    "speakers": [{"person": persons[i % len(persons)].pk, "name": "", "title": ""}],
                },
            }
        )
        items.append({"type": "pause", "value": {"title": "Paus", "start_time": "10:00:00", "end_time": "10:15:00"}})
    return {"type": "programme", "value": {"heading": "Programinnehåll", "items": items}}


def themes(n, persons):
    def seminar(i, j):
        speaker = {"person": persons[(i + j) % len(persons)].pk, "name": "", "title": ""}
        return {"title": f"Seminarium {i}.{j}", "start_time": "13:00:00", "room": "Sal A", "speakers": [speaker]}

    theme_list = [
        {"title": f"Tema {i}", "description": "<p>Om temat.</p>", "seminars": [seminar(i, j) for j in range(2)]}
        for i in range(n)
    ]
    return {"type": "themes_sessions", "value": {"heading": "Tema och sessioner", "themes": theme_list}}


def build_conference(home, n):
    persons = people(n)
    page = ConferencePageFactory(
        parent=event_index(home),
        title="Presidiekonferens",
        topics=topics(n),
        body=[*body_blocks(n, persons), programme(n, persons), themes(n, persons)],
        speakers=speakers(persons),
        contacts=contacts(persons),
    )
    return _publish(page).url


def build_series(home, n):
    persons = people(n)
    page = SeminarSeriesPageFactory(
        parent=event_index(home),
        title="Svåra beslut",
        topics=topics(n),
        body=body_blocks(n, persons),
        responsible=speakers(persons),
        speakers=speakers(persons),
        contacts=contacts(persons),
    )
    today = timezone.localdate()
    page.parts = [
        SeminarPartFactory.build(date=today + dt.timedelta(days=i - n // 2), speakers=speakers(persons[i : i + 2]))
        for i in range(n)
    ]
    page.save()
    return _publish(page).url


def build_network(home, n):
    persons = people(n)
    today = timezone.localdate()
    meetings = [
        {
            "type": "meeting",
            "value": {"date": str(today + dt.timedelta(days=7 * i)), "start_time": "10:00:00", "place": "Stockholm"},
        }
        for i in range(n)
    ]
    page = NetworkPageFactory(
        parent=event_index(home),
        title="Korruptionsbekämpning, nätverk",
        topics=topics(n),
        meetings=meetings,
        body=body_blocks(n, persons),
        speakers=speakers(persons),
        contacts=contacts(persons),
    )
    return _publish(page).url


def build_event_index(home, n):
    index = event_index(home)
    topic_list, persons = topics(n), people(n)
    conferences(index, n, topic_list, persons)
    for i in range(n):
        series = SeminarSeriesPageFactory(parent=index, title=f"Serie {i}", topics=topic_list)
        series.parts = [SeminarPartFactory.build()]
        series.save()
        _publish(series)
        _publish(NetworkPageFactory(parent=index, title=f"Nätverk {i}", topics=topic_list))
    return index.url


def build_knowledge_index(home, n):
    index = knowledge_index(home)
    knowledge_pages(index, n, topics(n))
    return index.url


def build_knowledge(home, n):
    index = knowledge_index(home)
    persons = people(n)
    related = knowledge_pages(index, n, topics(n))
    make_embed(YOUTUBE_URL)
    page = KnowledgePageFactory(
        parent=index,
        title="Digitalisering",
        slug="digitalisering",
        topics=topics(n),
        key_points=[{"type": "point", "value": f"Punkt {i}"} for i in range(n)],
        body=[*body_blocks(n, persons), *[webcast() for _ in range(n)]],
        contacts=contacts(persons),
        related_pages=[{"type": "page", "value": p.pk} for p in related],
    )
    return _publish(page).url


def build_search(home, n):
    index = knowledge_index(home)
    for i in range(n):
        _publish(KnowledgePageFactory(parent=index, title=f"Digitalisering {i}", intro="Om digitalisering."))
        _publish(ContentPageFactory(parent=home, title=f"Digitalisering i kommunen {i}"))
    conferences(event_index(home), n)
    return "/sok/?q=digitalisering"


def build_topic(home, n):
    topic = TopicFactory(name="Digitalisering", slug="digitalisering")
    conferences(event_index(home), n, [topic], people(n))
    knowledge_pages(knowledge_index(home), n, [topic])
    return "/amnen/digitalisering/"


BUILDERS = {
    "home.HomePage": build_home,
    "home.ContentPage": build_content,
    "events.ConferencePage": build_conference,
    "events.SeminarSeriesPage": build_series,
    "events.NetworkPage": build_network,
    "events.EventIndexPage": build_event_index,
    "knowledge.KnowledgeIndexPage": build_knowledge_index,
    "knowledge.KnowledgePage": build_knowledge,
    "search /sok/": build_search,
    "topic /amnen/<slug>/": build_topic,
}
