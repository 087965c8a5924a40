"""Seed 004: a conference with themes and sessions."""

import datetime as dt

from events.formatting import combine
from events.models import ConferencePage

from .content import REGISTRATION_URL, rich, upsert

THEMES = [
    (
        "Styrning för att samverka och effektivisera?",
        "Många av det offentligas uppdrag kräver samarbete mellan professioner och organisationer. Kostnaden "
        "syns direkt medan vinsten kommer senare, och en stark budgetstyrning kan skapa konflikter om vem som "
        "betalar och vem som får nyttan. Vi delar erfarenheter av styrning när samverkan krävs.",
        [
            "Vart är den offentliga sektorns resursfördelningsmodeller på väg och hur påverkar de möjligheter "
            "till samverkan?",
            "Samverkan mellan kommuner och med regionen: det ekonomiska gränssnittet, ansvar och "
            "aktivitetsförflyttning.",
        ],
    ),
    (
        "Reformutrymme och flernivåsamordning - hur löser vi det?",
        "Hur undviker vi politisk närsynthet och får ett större systemperspektiv på nya samhällsutmaningar? "
        "Med ett närhistoriskt perspektiv ser vi på hur kommuner och regioner samordnat hållbarhetsarbetet, "
        "och blickar framåt.",
        [
            "Arbetet med att samordna regionala samhällsutmaningar - hur löser vi det?",
            "Arbetet med att samordna kommunala samhällsutmaningar - hur löser vi det?",
        ],
    ),
    (
        "Digitalisering, AI och samverkan",
        "Digitalisering och AI ses ofta som lösningen på välfärdens utmaningar, men de för med sig egna frågor: "
        "att kunna använda tekniken, att använda den säkert och att samverka kring den, inom en organisation "
        "och mellan huvudmän.",
        [
            "Digitalisering och AI som medel för samverkan inom kommuner och regioner och mellan olika huvudmän",
            "Digitalisering och AI – det här med data, hur svårt kan det vara? Användningen av data som medel "
            "för genomförande, utveckling och samverkan",
        ],
    ),
    (
        "Arbetstiden - varva ner eller kavla upp?",
        "Välfärden saknar personal och arbetsgivare vill att fler arbetar mer, samtidigt som kortare arbetstid "
        "åter diskuteras. Går det att korta arbetstiden när det råder personalbrist, och är ett hållbart "
        "arbetsliv en förutsättning för ett längre?",
        [
            "Kortare arbetstid och personalbrist i kommunal sektor - kan man få det att gå ihop?",
            "Kortare arbetstid och personalbrist i regional sektor - kan man få det att gå ihop?",
        ],
    ),
]


def build_themes_conference(ctx, index):
    """Seed 004: a two-day conference's themes and sessions, held six weeks ago (so the archive has one)."""
    first_day = ctx.today - dt.timedelta(days=42)
    themes = [
        {
            "title": title,
            "description": rich(description),
            "seminars": [
                {"title": seminar, "start_time": None, "end_time": None, "room": "", "speakers": []}
                for seminar in seminars
            ],
        }
        for title, description, seminars in THEMES
    ]
    return upsert(
        index,
        ConferencePage,
        "kommek-tema-och-sessioner",
        title="Kommek: Tema och sessioner",
        intro="Konferensens fyra teman, vart och ett med två seminarier om ekonomi, styrning och samverkan.",
        start=combine(first_day, dt.time(9, 0)),
        end=combine(first_day + dt.timedelta(days=1), dt.time(15, 0)),
        event_format="konferens",
        topics=[ctx.topics["ekonomi-och-samverkan"]],
        venue="Malmömässan",
        city="Malmö",
        registration_url=REGISTRATION_URL + "kommek",
        body=[{"type": "themes_sessions", "value": {"heading": "Tema och sessioner", "themes": themes}}],
    )
