"""Feedback answers and registrations in bulk for the scale benchmark, spread over the pages' lifetimes."""

import datetime as dt
import uuid

from django.db.models import Count
from django.utils import timezone
from wagtail.models import Page

from events.models import ConferencePage
from feedback.models import FeedbackResponse
from registrations.models import Registration, Role, Status

from . import words

MUNICIPALITIES = ("Ale", "Boden", "Eda", "Gnosjö", "Kiruna", "Lund", "Mora", "Nora", "Skara", "Tanum", "Ystad")


def grow_answers(total, rng, batch=10_000, log=print):
    """Adds answers to the live pages until there are `total`; about one in five is Nej, some with a comment."""
    missing = total - FeedbackResponse.objects.count()
    if missing <= 0:
        return 0
    pages = list(Page.objects.live().filter(depth__gt=2).values_list("pk", "first_published_at"))
    if not pages:
        raise ValueError("Sajten saknar publicerade sidor att svara på.")
    return add_answers(pages, missing, rng, batch, log)


def grow_busiest_page(total, rng, batch=10_000, log=print):
    """Adds answers to the page with the most until it has `total` (deleting a much-answered page is measured)."""
    busiest = (
        FeedbackResponse.objects.filter(page__live=True, page__depth__gt=2)
        .values("page", "page__first_published_at")
        .annotate(n=Count("pk"))
        .order_by("-n", "page")
        .first()
    )
    if busiest is None:
        raise ValueError("Sajten saknar svar att bygga vidare på.")
    missing = total - busiest["n"]
    if missing <= 0:
        return 0
    return add_answers([(busiest["page"], busiest["page__first_published_at"])], missing, rng, batch, log)


def add_answers(pages, missing, rng, batch, log):
    now = timezone.now()
    added = 0
    while added < missing:
        rows = []
        for _ in range(min(batch, missing - added)):
            page_id, published_at = rng.choice(pages)
            since = published_at or now - dt.timedelta(days=365)
            helpful = rng.random() < 0.8
            rows.append(
                FeedbackResponse(
                    page_id=page_id,
                    helpful=helpful,
                    comment="" if helpful or rng.random() < 0.7 else rng.choice(words.COMMENTS),
                    created_at=since + (now - since) * rng.random(),
                    token=f"{rng.getrandbits(128):032x}",
                )
            )
        FeedbackResponse.objects.bulk_create(rows)
        added += len(rows)
        log(f"  {added}/{missing} svar")
    return added


def grow_registrations(total, rng, batch=10_000, log=print):
    """Adds registrations to conferences until there are `total`: most confirmed, some waitlisted or cancelled."""
    missing = total - Registration.objects.count()
    if missing <= 0:
        return 0
    events = list(ConferencePage.objects.live().exclude(start=None).values_list("pk", "start"))
    if not events:
        raise ValueError("Sajten saknar konferenser att anmäla sig till.")
    serial = Registration.objects.count()
    added = 0
    while added < missing:
        rows = []
        for _ in range(min(batch, missing - added)):
            serial += 1
            event_id, start = rng.choice(events)
            created = start - dt.timedelta(days=rng.randint(1, 90), seconds=rng.randint(0, 86_400))
            draw = rng.random()
            status = Status.CONFIRMED if draw < 0.85 else Status.WAITLISTED if draw < 0.9 else Status.CANCELLED
            municipality = rng.choice(MUNICIPALITIES)
            rows.append(
                Registration(
                    public_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    event_id=event_id,
                    status=status,
                    # Unique per row: one active registration per address and event is a database rule.
                    name=f"Deltagare {serial}",
                    email=f"deltagare.{serial}@{municipality.lower()}.se",
                    organisation=f"{municipality} kommun",
                    municipality=municipality,
                    role=rng.choice(Role.values),
                    needs="Vegetarisk kost" if rng.random() < 0.1 else "",
                    consent_at=created,
                    created_at=created,
                    cancelled_at=created + dt.timedelta(days=1) if status == Status.CANCELLED else None,
                    confirmation_sent_at=created,
                )
            )
        Registration.objects.bulk_create(rows)
        added += len(rows)
        log(f"  {added}/{missing} anmälningar")
    return added
