"""Demo records of the ground floor: people and topics from the seed pages, notice, settings."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Locale

from core.models import ContactSettings, FooterSettings, Person, SiteNotice, SiteText, Topic

# Keyed by slug so every app's demo builder can refer to the same person.
PEOPLE = {
    "martin-lidhamn": ("Martin Lidhamn", "Handläggare", "SKR"),
    "cecilia-berglin": ("Cecilia Berglin", "Handläggare", "SKR"),
    "ann-sofi-agnevik": ("Ann-Sofi Agnevik", "Förbundsjurist", "SKR"),
    "anders-nordh": ("Anders Nordh", "Handläggare", "SKR"),
    "elin-wihlborg": ("Elin Wihlborg", "Professor i statsvetenskap", "Linköpings universitet"),
    "anna-lena-pogulis": ("Anna-Lena Pogulis", "Projektledare", "SKR"),
    "lena-lindgren": ("Lena Lindgren", "Projektledare", "SKR"),
    "lena-langlet": ("Lena Langlet", "Samordnare Demokratifrågor", "SKR"),
    "vian-tahir": ("Vian Tahir", "Nätsäkerhetsexpert", ""),
    "lennart-koskinen": ("Lennart Koskinen", "Professionell medmänniska, före detta biskop och föreläsare", ""),
    "vesna-jovic": ("Vesna Jovic", "VD SKR 2017-2019", "SKR"),
    "peder-bjork": ("Peder Björk", "Kommunstyrelsens ordförande", "Sundsvalls kommun"),
    "marie-larsson": ("Marie Larsson", "Avdelningschef", "Skellefteå kommun"),
    "mikael-lindfors": ("Mikael Lindfors", "Kommunstyrelsens ordförande", "Norsjö kommun"),
    "kerstin-westerberg": ("Kerstin Westerberg", "Cesam Öst", "Norrköpings kommun"),
    "jorgen-sandstrom": ("Jörgen Sandström", "Digitaliseringsdirektör", "Västerås stad"),
    "anders-knape": ("Anders Knape", "Ordförande", "SKR"),
}

TOPICS = {
    "demokrati": "Demokrati",
    "digitalisering": "Digitalisering",
    "korruptionsbekampning": "Korruptionsbekämpning",
    "ledarskap-och-styrning": "Ledarskap och styrning",
    "ekonomi-och-samverkan": "Ekonomi och samverkan",
    "arbetsliv": "Arbetstid och arbetsliv",
}


def build_people():
    """Create or update the seed people; returns them keyed by slug."""
    people = {}
    for key, (name, role, organisation) in PEOPLE.items():
        email = f"{key.replace('-', '.')}@example.se"
        person, _ = Person.objects.update_or_create(
            name=name,
            locale=Locale.get_default(),
            defaults={"role": role, "organisation": organisation, "email": email, "phone": "08-452 70 00"},
        )
        people[key] = person
    return people


def build_topics():
    """Create or update the shared (Swedish) topics; returns them keyed by slug."""
    return {
        slug: Topic.objects.sources().update_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in TOPICS.items()
    }


def build_notice(notice_page):
    """The coronavirus notice from the seeds, active for a year from today."""
    message = "Så påverkas kurser och konferenser av det nya coronaviruset"
    now = timezone.now()
    SiteNotice.objects.update_or_create(
        message=message,
        locale=Locale.get_default(),
        defaults={
            "link_page": notice_page,
            "level": SiteNotice.Level.WARNING,
            "starts_at": now - dt.timedelta(days=1),
            "ends_at": now + dt.timedelta(days=365),
        },
    )


def build_settings(site, accessibility_page, privacy_page, faq_page):
    """Footer and the site-wide Kontakt box: the settings, and their words in Swedish (a SiteText)."""
    FooterSettings.objects.update_or_create(
        site=site,
        defaults={
            "address": "Hornsgatan 20\n118 82 Stockholm",
            "phone": "08-452 70 00",
            "email": "info@example.se",
            "accessibility_page": accessibility_page,
            "privacy_page": privacy_page,
            "social_links": [
                {"type": "social", "value": {"service": "linkedin", "url": "https://www.linkedin.com/company/example"}},
                {"type": "social", "value": {"service": "youtube", "url": "https://www.youtube.com/@example"}},
            ],
        },
    )
    ContactSettings.objects.update_or_create(site=site, defaults={"link_page": faq_page})
    SiteText.objects.update_or_create(
        locale=Locale.get_default(),
        defaults={
            "organisation_name": "Sveriges Kommuner och Regioner",
            "contact_heading": "Kontakt",
            "contact_body": (
                "<p>Har du en fråga med anledning av det pågående virusutbrottet?</p>"
                "<p>Titta först på våra frågor och svar som finns här på webbplatsen.</p>"
            ),
            "contact_link_text": "Covid-19 och det nya coronaviruset",
        },
    )


# Demo editors who own the seed pages; they have no password (an administrator sets one to log in as them).
DEMO_OWNERS = [
    ("anna.lind", "Anna", "Lind", "Kommunikatörer"),
    ("erik.berg", "Erik", "Berg", "Publicister"),
]
# The seed page whose review is overdue, so "Mina sidor" and the review report have something to show.
OVERDUE_PAGE = "knowledge"
OVERDUE_DAYS = 14


def build_owners():
    """The demo editors, in their groups (made by the editorial migrations), without usable passwords."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    owners = []
    for username, first, last, group in DEMO_OWNERS:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.se"}
        )
        if created:
            user.set_unusable_password()
            user.save()
        if group_row := Group.objects.filter(name=group).first():
            user.groups.add(group_row)
        owners.append(user)
    return owners


def build_ownership(ctx):
    """Gives each seed page with a review date an owner and (by Wagtail's default on publishing) a review
    date; one page is overdue. Written to the pages' rows, so no new versions are made."""
    from core.models import OwnershipMixin

    owners = build_owners()
    for number, (key, page) in enumerate(sorted(ctx.pages.items())):
        page = page.specific
        if not isinstance(page, OwnershipMixin):
            continue
        # The same owner on every run: the pages are taken in the order of their keys.
        changes = {"owner": owners[number % len(owners)]}
        if key == OVERDUE_PAGE:
            changes["review_due"] = ctx.today - dt.timedelta(days=OVERDUE_DAYS)
            changes["last_reviewed"] = ctx.today - dt.timedelta(days=OVERDUE_DAYS + 365)
            changes["show_last_reviewed"] = True
        elif page.review_due is None or page.review_due < ctx.today:
            # A translation synced from the overdue page copies its date; only that one page is overdue.
            changes["review_due"] = ctx.today + dt.timedelta(days=180 + 30 * number)
        type(page).objects.filter(pk=page.pk).update(**changes)
