"""Many pages at once for the scale benchmark: knowledge pages and conferences, inserted in bulk.

Wagtail's add_child costs a dozen queries and signals per page, an hour at 10,000 pages, so pages
are written the way a fixture load would: the tree paths computed here (treebeard's materialised
path: the parent's path plus one base-36 step per level), the Page rows in one bulk_create, then
each specific table's rows in one executemany.
"""

import datetime as dt
import uuid

from django.db import connection
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from core.models import Topic
from events.models import ConferencePage, EventIndexPage
from events.models.choices import EventFormat
from knowledge.models import KnowledgeIndexPage, KnowledgePage

from . import words

YEARS = 10
CITIES = ("Stockholm", "Göteborg", "Malmö", "Umeå", "Luleå", "Örebro", "Växjö", "Karlstad", "Visby", "Falun")


def child_path(parent_path, number):
    """The tree path of a parent's child number `number` (1-based), as treebeard's MP_Node writes it."""
    digits = ""
    while number:
        number, rest = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[rest] + digits
    return parent_path + digits.rjust(Page.steplen, Page.alphabet[0])


def last_child_number(parent):
    last = parent.get_last_child()
    return int(last.path[-Page.steplen :], len(Page.alphabet)) if last else 0


def insert_pages(parent, pages):
    """Adds pages of one specific type below `parent` as its last children; returns them with their ids."""
    model = type(pages[0])
    first = last_child_number(parent) + 1
    for offset, page in enumerate(pages):
        page.path = child_path(parent.path, first + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(page, field.attname) for field in page_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    # The specific table's own columns (page_ptr and the type's fields), which bulk_create can't
    # write for a model that inherits from another table.
    own_fields = [field for field in model._meta.concrete_fields if field.model is model]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in own_fields)
    placeholders = ", ".join(["%s"] * len(own_fields))
    values = [
        [field.get_db_prep_save(getattr(page, field.attname), connection) for field in own_fields] for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.refresh_from_db(fields=["numchild"])
    return pages


def published(rng, page, moment):
    """Sets the fields a page published once at `moment` has, the way Wagtail's publish sets them."""
    page.live = True
    page.has_unpublished_changes = False
    moment = min(moment, timezone.now())  # announced ahead of the event, never published in the future
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = moment
    page.draft_title = page.title
    page.translation_key = uuid.UUID(int=rng.getrandbits(128), version=4)
    page.locale_id = Locale.get_default().pk
    return page


def random_moment(rng, now, years_back=YEARS, days_ahead=0):
    """A moment between `years_back` years ago and `days_ahead` days ahead of now."""
    span = dt.timedelta(days=365 * years_back + days_ahead).total_seconds()
    return now - dt.timedelta(days=365 * years_back) + dt.timedelta(seconds=rng.random() * span)


def body(rng, extra=()):
    blocks = []
    for _ in range(rng.randint(2, 4)):
        blocks.append({"type": "heading", "value": {"text": words.title(rng), "level": "h2"}})
        blocks.extend({"type": "paragraph", "value": f"<p>{words.sentences(rng, 4)}</p>"} for _ in range(2))
    return [*blocks, *extra]


def knowledge_page(rng, number, now):
    title = words.title(rng)
    moment = random_moment(rng, now)
    page = KnowledgePage(
        title=title,
        slug=f"{slugify(title)[:60]}-{number}",
        intro=words.sentences(rng, 2),
        publication_date=timezone.localdate(moment),
        key_points=[("point", words.sentences(rng, 1)) for _ in range(3)],
        body=body(rng),
    )
    return published(rng, page, moment)


def conference_page(rng, number, now):
    title = words.title(rng)
    start = random_moment(rng, now, days_ahead=365).replace(minute=0, second=0, microsecond=0)
    page = ConferencePage(
        title=title,
        slug=f"{slugify(title)[:60]}-{number}",
        intro=words.sentences(rng, 2),
        start=start,
        end=start + dt.timedelta(hours=rng.choice((2, 3, 7, 31))),
        event_format=rng.choice(EventFormat.values),
        city=rng.choice(CITIES),
        venue="Konferenscentret",
        body=body(rng),
    )
    return published(rng, page, start - dt.timedelta(days=rng.randint(20, 120)))


def add_topics(pages, rng):
    """One or two of the site's topics on each page, as an editor would tag them."""
    topic_ids = list(Topic.objects.sources().values_list("pk", flat=True))
    if not topic_ids:
        return
    through = type(pages[0]).topics.through
    source = through._meta.get_field(type(pages[0])._meta.model_name).attname
    rows = []
    for page in pages:
        for topic_id in rng.sample(topic_ids, min(len(topic_ids), rng.randint(1, 2))):
            rows.append(through(**{source: page.pk, "topic_id": topic_id}))
    through.objects.bulk_create(rows)


def grow_pages(total, rng, batch=1000, log=print):
    """Adds knowledge pages and conferences, half each, until the site has `total` pages."""
    missing = total - Page.objects.count()
    if missing <= 0:
        return 0
    now = timezone.now()
    listings = [
        (KnowledgeIndexPage.objects.first(), knowledge_page),
        (EventIndexPage.objects.first(), conference_page),
    ]
    listings = [(parent, build) for parent, build in listings if parent is not None]
    if not listings:
        raise ValueError("Sajten saknar listor att lägga sidor under; kör load_demo_content först.")
    backend = get_search_backend()
    added = 0
    while added < missing:
        for position, (parent, build) in enumerate(listings):
            # What is left, shared among the listings still to come in this round.
            count = min(batch, -(-(missing - added) // (len(listings) - position)))
            if count <= 0:
                break
            start = Page.objects.count() + 1
            pages = insert_pages(parent, [build(rng, start + offset, now) for offset in range(count)])
            add_topics(pages, rng)
            # Search finds them as it finds pages an editor published.
            backend.add_bulk(type(pages[0]), pages)
            added += count
            log(f"  {added}/{missing} sidor")
    return added
