"""What the demo-content builders of each app receive: the site's root and the shared records."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class DemoContext:
    """The home page, today's date and the shared records that every app's demo builder uses.

    `people` and `topics` are keyed by a short slug (see core/demo.py for the keys).
    """

    home: object
    today: dt.date
    people: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    notice_page: object = None
    pages: dict = field(default_factory=dict)


def get_or_create_child(parent, page_class, slug, **fields):
    """The child page with this slug under parent, created and published if missing.

    Demo builders call this so that loading the demo twice creates nothing twice.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
