"""Demo: a series part starts in a few minutes, so a browser shows "Börjar om …", "Sänds nu" and the end."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from events.formatting import STOCKHOLM, clock
from events.models import SeminarPart, SeminarSeriesPage


def shift_part(part, minutes, length):
    """Let `part` start `minutes` from now (to the minute, Swedish time) and last `length` minutes.

    The new time is written as the demo's own truth, not as an editor's move: no "Flyttad från" and no
    e-mail to registrants. The series is then published again, which also renews the page cache.
    """
    start = (timezone.now() + dt.timedelta(minutes=minutes)).astimezone(STOCKHOLM).replace(second=0, microsecond=0)
    if start <= timezone.now():
        start += dt.timedelta(minutes=1)
    end = start + dt.timedelta(minutes=length)
    if end.date() != start.date():
        raise CommandError("Sändningen skulle gå över midnatt. Välj färre minuter eller vänta till efter midnatt.")
    with transaction.atomic():
        SeminarPart.objects.filter(pk=part.pk).update(
            date=start.date(), start_time=start.time(), end_time=end.time(), cancelled=False, moved_from=None
        )
        series = SeminarSeriesPage.objects.get(pk=part.page_id)
        series.save_revision().publish()
    return start, end


class Command(BaseCommand):
    help = "Demo: flyttar en del i en seminarieserie så att den börjar om några minuter."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=5, help="Minuter till start (standard 5).")
        parser.add_argument("--length", type=int, default=10, help="Sändningens längd i minuter (standard 10).")
        parser.add_argument("--series", default="", help="Seriens slug (standard: den första publicerade serien).")

    def handle(self, *args, minutes, length, series, **options):
        if minutes < 0 or length < 1:
            raise CommandError("Ange minuter till start (0 eller fler) och en längd på minst en minut.")
        pages = SeminarSeriesPage.objects.live().order_by("path")
        page = pages.filter(slug=series).first() if series else pages.first()
        if page is None:
            raise CommandError("Hittar ingen publicerad seminarieserie.")
        now = timezone.now()
        parts = sorted(page.parts.all(), key=lambda part: part.start)
        part = next((part for part in parts if part.end > now), None) or (parts[-1] if parts else None)
        if part is None:
            raise CommandError(f"Serien ”{page.title}” har inga delar.")
        start, end = shift_part(part, minutes, length)
        self.stdout.write(
            self.style.SUCCESS(
                f"”{part.theme}” börjar kl. {clock(start)} och slutar kl. {clock(end)}: {page.full_url}#del-{part.pk}"
            )
        )
