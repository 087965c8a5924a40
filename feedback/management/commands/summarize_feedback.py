"""Adds the finished days to the feedback reports' summary, or sums every answer again with --rebuild."""

from django.core.management.base import BaseCommand

from feedback.summary import rebuild, summarize, summarized_through


class Command(BaseCommand):
    help = (
        "Summerar svaren på återkoppling per sida och dag för rapporterna (görs varje timme av arbetsprocessen). "
        "--rebuild summerar alla svar på nytt, t.ex. efter att svar med tidigare datum lagts in."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Summera alla svar på nytt.")

    def handle(self, *args, **options):
        (rebuild if options["rebuild"] else summarize)()
        self.stdout.write(f"Sammanställningen omfattar svaren till och med {summarized_through()}.")
