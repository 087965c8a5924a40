"""Demo answers to "Hjälpte informationen på sidan dig?" so the reports have something to show."""

import datetime as dt
import random

from django.utils import timezone
from wagtail.models import PageLogEntry

from . import summary
from .models import FeedbackResponse, FeedbackState

COMMENTS = [
    "Jag hittade inte hur man anmäler sig.",
    "Det saknas uppgift om var konferensen hålls.",
    "Länken till programmet fungerar inte.",
    "Mer om vem nätverket riktar sig till, tack.",
]


def build(ctx) -> None:
    """Adds a handful of answers (and a couple of comments) to each demo page that shows the widget.

    Pages that already have answers are left alone, so running the demo again adds nothing.
    """
    now = timezone.make_aware(dt.datetime.combine(ctx.today, dt.time(12)))
    if story := ctx.pages.get(STORY_PAGE):
        build_story(story.specific, now)
    for page in ctx.pages.values():
        page = page.specific
        if not page.live or not getattr(page, "feedback_enabled", False):
            continue
        if FeedbackResponse.objects.filter(page=page).exists():
            continue
        # Seeded by the page id: the same page always gets the same answers.
        rng = random.Random(page.pk)
        # Every other "Nej" carries a comment, so each page has at least one.
        answers = [(True, "")] * rng.randint(4, 12) + [
            (False, "" if number % 2 else COMMENTS[(page.pk + number) % len(COMMENTS)])
            for number in range(rng.randint(1, 5))
        ]
        responses = [
            FeedbackResponse(
                page=page,
                revision_id=page.live_revision_id,
                locale_id=page.locale_id,
                helpful=helpful,
                comment=comment,
                created_at=now - dt.timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 600)),
            )
            for helpful, comment in answers
        ]
        FeedbackResponse.objects.bulk_create(responses)
    # The answers are dated in the past, which the daily summary of the reports would not see otherwise.
    summary.rebuild()


# The page whose chart tells a story: many "Nej" on its first version, an edit six weeks ago, mostly "Ja" after.
STORY_PAGE = "knowledge"
STORY_WEEKS_BEFORE, STORY_WEEKS_AFTER = 8, 6
STORY_COMMENTS = [
    ("Det framgår inte vem materialet riktar sig till.", FeedbackState.HANDLED, "Ingressen omskriven i nya versionen."),
    ("Webbsändningen går inte att spela upp.", FeedbackState.HANDLED, "Länken rättad."),
    ("Köp billiga klockor på vår webbplats!", FeedbackState.SPAM, ""),
    ("Saknar en sammanfattning av rapporten.", FeedbackState.NEW, ""),
    ("Poddavsnittet saknar textversion.", FeedbackState.NEW, ""),
]


def build_story(page, now):
    """Answers spread over two published versions of `page`, the edit between them backdated, and comments
    in every triage state; skipped if the page already has answers (so the demo runs any number of times)."""
    if not page.live or FeedbackResponse.objects.filter(page=page).exists():
        return
    edited_at = now - dt.timedelta(weeks=STORY_WEEKS_AFTER)
    first = page.live_revision or page.save_revision()
    page.intro = (page.intro or "").rstrip() + " Uppdaterad med en sammanfattning och vem materialet är till för."
    second = page.save_revision()
    second.publish()
    # The edit happened six weeks ago, as far as the chart and the revision history are concerned.
    type(second).objects.filter(pk=second.pk).update(created_at=edited_at)
    PageLogEntry.objects.filter(page=page, revision=second, action="wagtail.publish").update(timestamp=edited_at)
    first_published = edited_at - dt.timedelta(weeks=STORY_WEEKS_BEFORE)
    type(first).objects.filter(pk=first.pk).update(created_at=first_published)
    PageLogEntry.objects.filter(page=page, revision=first, action="wagtail.publish").update(timestamp=first_published)
    rng = random.Random(page.pk)
    responses = []
    for revision, start, weeks, yes_share in ((first, first_published, 8, 0.35), (second, edited_at, 6, 0.8)):
        for week in range(weeks):
            for _ in range(rng.randint(6, 14)):
                at = start + dt.timedelta(days=week * 7 + rng.random() * 7)
                if at < now:
                    responses.append(
                        FeedbackResponse(page=page, revision=revision, helpful=rng.random() < yes_share, created_at=at)
                    )
    for number, (comment, state, note) in enumerate(STORY_COMMENTS):
        revision = first if state == FeedbackState.HANDLED else second
        at = (first_published if revision == first else edited_at) + dt.timedelta(days=3 + number * 4)
        responses.append(
            FeedbackResponse(
                page=page, revision=revision, helpful=False, comment=comment, state=state, note=note, created_at=at
            )
        )
    FeedbackResponse.objects.bulk_create(responses)
