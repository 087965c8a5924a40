"""Helpers that write the demo pages' fields: upserts, rich text and StreamField values."""

REGISTRATION_URL = "https://example.se/anmalan/"


def upsert(parent, page_class, slug, **fields):
    """The child with this slug, created or updated, and published; loading twice creates nothing twice."""
    existing = parent.get_children().filter(slug=slug).first()
    children = fields.pop("parts", None)
    topics = fields.pop("topics", None)
    if existing:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
    else:
        page = page_class(slug=slug, **fields)
    if topics is not None:
        page.topics = topics
    if children is not None:
        page.parts = children
    if existing:
        page.save()
    else:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def speaker(person=None, name="", title=""):
    return {"type": "speaker", "value": {"person": person.pk if person else None, "name": name, "title": title}}


def contact(heading, people=(), text=""):
    return {
        "type": "contact",
        "value": {"heading": heading, "custom_heading": "", "people": [person.pk for person in people], "text": text},
    }


def session(title, topics=(), start=None, end=None, text=""):
    return {
        "type": "session",
        "value": {
            "title": title,
            "topics": list(topics),
            "start_time": start,
            "end_time": end,
            "text": text,
            "speakers": [],
        },
    }


ADVICE_NOTE = rich(
    "<strong>Gäller din fråga arbetsrätt eller kollektivavtal/förhandling?</strong>",
    "Vår rådgivning vänder sig till personalchefer och förhandlingschefer i kommuner och regioner. "
    "Ställer du frågan för deras räkning, skriv gärna det.",
)
