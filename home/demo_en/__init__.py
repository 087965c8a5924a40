"""The English pages of the demo: the start page, the conference (seed 000) and the knowledge page
(seed 002) with their listings, and the people, topics, notice, footer and Kontakt box they show, translated through
wagtail-localize from the PO file in this folder (as an outside translator would send it back).
Everything else stays Swedish only."""

from pathlib import Path

from wagtail.fields import StreamField

from core.models import SiteNotice, SiteText, Topic
from core.translation import read_po, translate

HERE = Path(__file__).resolve().parent

# The order matters: a page is translated after its parent, so it lands below the English parent.
TRANSLATED = ["home", "events_index", "conference", "knowledge_index", "knowledge"]


def build(ctx):
    """Create or sync the English translations and register them in ctx.pages as "<key>_en"."""
    strings = read_po(HERE / "pages.po")
    # People and the notice first: a translated page then shows the English person (role in English).
    for person in ctx.people.values():
        translate(person, "en", strings)
    for notice in SiteNotice.objects.filter(locale__language_code="sv", message__in=strings):
        translate(notice, "en", strings)
    # Every topic (they show on English pages, topic pages and filters), the footer's and Kontakt box's words.
    for snippet in [*Topic.objects.sources(), *SiteText.objects.filter(locale__language_code="sv")]:
        translate(snippet, "en", strings)
    pages = {"home": ctx.home, **ctx.pages}
    for key in TRANSLATED:
        page = with_block_ids(pages[key])
        ctx.pages[f"{key}_en"] = translate(page, "en", strings)


def with_block_ids(page):
    """The page as stored, every block of its streams with an id.

    The demo writes raw stream data, in which blocks of a stream inside a block (a programme's items)
    have no id; the page editor always gives them one, and wagtail-localize addresses each string by
    those ids. Reading every block and saving gives the missing ones.
    """
    page = type(page).objects.get(pk=page.pk)
    fields = [field for field in page._meta.fields if isinstance(field, StreamField)]
    for field in fields:
        list(getattr(page, field.name))  # each block read, so saving writes it anew, with its id
    page.save(update_fields=[field.name for field in fields] or None)
    return page
