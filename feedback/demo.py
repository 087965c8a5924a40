"""Demo answers to "Hjälpte informationen på sidan dig?" so the reports have something to show."""

import datetime as dt
import random

from django.utils import timezone

from .models import FeedbackResponse

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
                helpful=helpful,
                comment=comment,
                created_at=now - dt.timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 600)),
            )
            for helpful, comment in answers
        ]
        FeedbackResponse.objects.bulk_create(responses)
