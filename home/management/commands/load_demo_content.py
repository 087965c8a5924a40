"""Build the demo site: the five seed pages with the real page types, plus the shared records."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from core import demo as core_demo
from home import demo_images
from home.demo import DemoContext, get_or_create_child
from home.models import ContentPage, HomePage

# Each app builds its own part; order matters (the English translations and feedback need the pages).
APP_BUILDERS = ["events.demo", "knowledge.demo", "home.demo_en", "feedback.demo"]


class Command(BaseCommand):
    help = "Läser in demoinnehållet (de fem exempelsidorna). Kan köras flera gånger; --reset bygger om."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Ta bort allt under startsidan och bygg om.")
        parser.add_argument("--if-empty", action="store_true", help="Gör ingenting om startsidan redan har undersidor.")

    def handle(self, *args, reset=False, if_empty=False, **options):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if if_empty and home.get_children().exists():
            self.stdout.write("Demoinnehållet finns redan (kör med --reset för att bygga om).")
            return
        with transaction.atomic():
            if reset:
                # The English start page and everything below it go too; the demo translates anew.
                for translation in home.get_translations():
                    translation.delete()
                for child in home.get_children():
                    child.delete()
                home.refresh_from_db()
            ctx = self.build(site, home)
        self.stdout.write(self.style.SUCCESS(f"Demoinnehåll klart: {len(ctx.pages)} sidor."))

    def build(self, site, home):
        ctx = DemoContext(home=home, today=timezone.localdate())
        ctx.people = core_demo.build_people()
        ctx.topics = core_demo.build_topics()
        self.build_home(home)
        self.build_content_pages(ctx, site)
        for module_name in APP_BUILDERS:
            if module_name == "feedback.demo":
                # The seed pages get their images before feedback tells its story over their revisions.
                demo_images.build(ctx)
            importlib.import_module(module_name).build(ctx)
        core_demo.build_ownership(ctx)
        return ctx

    def build_home(self, home: HomePage):
        home.title = "Startsida"
        home.heading = "Sveriges Kommuner och Regioner: kurser, konferenser och kunskap för kommuner och regioner"
        home.intro = (
            "<p>Här hittar förtroendevalda och medarbetare i kommuner och regioner kurser, konferenser, "
            "webbsändningar och kunskapsmaterial.</p>"
        )
        home.save_revision().publish()

    def build_content_pages(self, ctx, site):
        about = get_or_create_child(
            ctx.home,
            ContentPage,
            "om-oss",
            title="Om oss",
            show_in_menus=True,
            intro="Vi är en arbetsgivar- och intresseorganisation för Sveriges kommuner och regioner.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Föreningen stödjer och utvecklar den kommunala verksamheten och företräder "
                    "medlemmarna i frågor om demokrati, välfärd och arbetsgivarfrågor.</p>",
                }
            ],
        )
        accessibility = get_or_create_child(
            ctx.home,
            ContentPage,
            "tillganglighetsredogorelse",
            title="Tillgänglighetsredogörelse",
            intro="Så tillgänglig är webbplatsen och så rapporterar du problem.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Vi vill att så många som möjligt ska kunna använda webbplatsen. Den här "
                    "redogörelsen beskriver hur webbplatsen uppfyller lagen om tillgänglighet till digital "
                    "offentlig service, kända brister och hur du kan rapportera problem.</p>",
                },
                {"type": "heading", "value": {"text": "Rapportera brister", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": "<p>Om du upplever problem med webbplatsen kan du skicka e-post till "
                    '<a href="mailto:webb@example.se">webb@example.se</a>. Om du inte är nöjd med hur vi '
                    "hanterar dina synpunkter kan du kontakta Myndigheten för digital förvaltning (Digg).</p>",
                },
            ],
        )
        privacy = get_or_create_child(
            ctx.home,
            ContentPage,
            "personuppgifter",
            title="Personuppgifter",
            intro="Så behandlar vi dina personuppgifter.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Vi sparar inga IP-adresser och använder inga spårningskakor. Svar på frågan "
                    "om sidan hjälpte dig sparas utan uppgifter om vem du är.</p>",
                },
                {"type": "heading", "value": {"text": "Bevaka ämnen", "level": "h2"}},
                {
                    "type": "paragraph",
                    "value": "<p>Bevakar du ett ämne sparar vi bara din e-postadress, vilka ämnen du valt, hur "
                    "ofta du vill få e-post och när du bekräftade. Vi skickar ingenting annat än en länk för att "
                    "bekräfta förrän du har följt den; en bevakning som inte bekräftas tas bort efter tre dagar. "
                    "Varje meddelande har en länk där du kan ändra ämnen eller avsluta med ett klick, och när du "
                    "avslutar tas din e-postadress bort.</p>",
                },
            ],
        )
        faq = get_or_create_child(
            ctx.home,
            ContentPage,
            "covid-19",
            title="Covid-19 och det nya coronaviruset",
            intro="Frågor och svar om hur kurser och konferenser påverkas.",
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Här samlar vi frågor och svar om hur våra kurser och konferenser påverkas. "
                    "Anmälda deltagare får besked per e-post om ett evenemang ställs in eller flyttas.</p>",
                }
            ],
        )
        ctx.notice_page = faq
        ctx.pages.update({"about": about, "accessibility": accessibility, "privacy": privacy, "faq": faq})
        core_demo.build_notice(faq)
        core_demo.build_settings(site, accessibility, privacy, faq)
