"""Grows the site to a given number of pages, feedback answers and registrations (the scale benchmark)."""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from feedback.summary import rebuild
from home.growth.pages import grow_pages
from home.growth.records import grow_answers, grow_busiest_page, grow_registrations


class Command(BaseCommand):
    help = (
        "Fyller på sajten med realistiska sidor, svar på återkoppling och anmälningar upp till angivna antal "
        "(för prestandamätning). Samma frö ger samma innehåll."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=0, help="Antal sidor sajten ska ha totalt.")
        parser.add_argument("--answers", type=int, default=0, help="Antal svar på återkoppling totalt.")
        parser.add_argument("--registrations", type=int, default=0, help="Antal anmälningar totalt.")
        parser.add_argument(
            "--busiest-page-answers",
            type=int,
            default=0,
            help="Antal svar som sidan med flest svar ska ha (utöver --answers), för att mäta borttagning av den.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Frö för slumpen (standard 1).")

    def handle(self, *args, pages, answers, registrations, seed, busiest_page_answers=0, **options):
        if min(pages, answers, registrations, busiest_page_answers) < 0:
            raise CommandError("Antalen kan inte vara negativa.")
        verbose = options["verbosity"] > 1
        log = self.stdout.write if verbose else (lambda message: None)
        steps = (
            ("sidor", grow_pages, pages),
            ("svar", grow_answers, answers),
            ("anmälningar", grow_registrations, registrations),
            ("svar på en sida", grow_busiest_page, busiest_page_answers),
        )
        for index, (label, grow, total) in enumerate(steps):
            # Each kind from its own stream, so growing one kind does not change what the others get.
            rng = random.Random(f"{seed}-{index}-{total}")
            started = time.monotonic()
            try:
                with transaction.atomic():
                    added = grow(total, rng, log=log)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{label}: {added} nya på {time.monotonic() - started:.1f} s")
            if grow in (grow_answers, grow_busiest_page) and added:
                # The new answers are dated over the pages' lifetimes: the reports' daily summary sums anew.
                started = time.monotonic()
                rebuild()
                self.stdout.write(f"sammanställning av svaren: {time.monotonic() - started:.1f} s")
