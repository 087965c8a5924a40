"""Demo content of the events app: the listing and seed pages 000, 001, 003 and 004.

Facts (titles, dates, times, names, roles, programme items) come from the seeds; longer prose is our own.
"""

from events.models import EventIndexPage

from .conference import build_conference
from .content import upsert
from .network import build_network
from .series import build_webinar_series
from .themes import THEMES, build_themes_conference

__all__ = ["THEMES", "build"]


def build(ctx):
    """Create or update the events listing and the seed pages, and register them in ctx.pages."""
    index = upsert(
        ctx.home,
        EventIndexPage,
        "kurser-och-konferenser",
        title="Kurser och konferenser",
        show_in_menus=True,
        intro="Konferenser, webbseminarier, nätverk och utbildningar för förtroendevalda och medarbetare.",
    )
    ctx.pages["events_index"] = index
    ctx.pages["conference"] = build_conference(ctx, index)
    ctx.pages["network"] = build_network(ctx, index)
    ctx.pages["webinar_series"] = build_webinar_series(ctx, index)
    ctx.pages["themes_conference"] = build_themes_conference(ctx, index)
