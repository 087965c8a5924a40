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
