"""Demo content of the knowledge app: the Kunskap listing and seed page 002.

Facts (titles, dates, names, roles, lengths) come from the seed; longer prose is our own. The players'
oEmbed data is stored directly as Embed records, so building the demo needs no network.
"""

import datetime as dt

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from knowledge.models import KnowledgeIndexPage, KnowledgePage

LECTURE_URLS = (
    "https://www.youtube.com/watch?v=kU7dW4pLq2A",
    "https://www.youtube.com/watch?v=m3XvR8tNc1E",
)
INTERVIEW_URLS = {
    "vesna-jovic": "https://www.youtube.com/watch?v=Vj5sKr20x19",
    "peder-bjork": "https://www.youtube.com/watch?v=Pb7sUndsv4L",
    "marie-larsson": "https://www.youtube.com/watch?v=Ml2sKelft3A",
    "mikael-lindfors": "https://www.youtube.com/watch?v=Mk8nOrsj0E5",
    "kerstin-westerberg": "https://www.youtube.com/watch?v=Kw4nOrrk6Pg",
}
PODCAST_URL = "https://soundcloud.com/skr-podd/kjell-ringer-en-digitaliseringsdirektor"
WEBINAR_URLS = (
    "https://www.youtube.com/watch?v=Dk1fOrtr0V1",
    "https://www.youtube.com/watch?v=Dk2tJnst0P2",
)
COURSE_URL = "https://example.se/webbkurser/att-leda-i-en-digital-tid/"

INTERVIEWEES = (
    ("vesna-jovic", "Vesna Jovic", "VD SKR 2017-2019"),
    ("peder-bjork", "Peder Björk", "Kommunstyrelsens ordförande i Sundsvalls kommun"),
    ("marie-larsson", "Marie Larsson", "avdelningschef i Skellefteå kommun"),
    ("mikael-lindfors", "Mikael Lindfors", "Kommunstyrelsens ordförande i Norsjö kommun"),
    ("kerstin-westerberg", "Kerstin Westerberg", "Cesam Öst i Norrköpings kommun"),
)
WEBINAR_PEOPLE = (
    ("anders-knape", "Anders Knape", "ordförande, SKR"),
    ("vesna-jovic", "Vesna Jovic", "tidigare vd, SKR"),
    ("jorgen-sandstrom", "Jörgen Sandström", "digitaliseringsdirektör, Västerås stad"),
    ("elin-wihlborg", "Elin Wihlborg", "professor, Linköpings Universitet"),
)


def _upsert(parent, page_class, slug, topics=None, **fields):
    """The child with this slug, created or updated, and published; building twice creates nothing twice."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
        page.save()
    else:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
    if topics is not None:
        page.topics.set(topics)
    page.save_revision().publish()
    return page


def _speaker(ctx, key, name, title):
    person = ctx.people.get(key)
    return {"person": person.pk if person else None, "name": "" if person else name, "title": title}


def _rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _store_embed(url, title):
    """An Embed record as wagtail.embeds stores it after an editor's save, made without asking the provider."""
    if "soundcloud.com" in url:
        html = (
            '<iframe width="100%" height="166" scrolling="no" frameborder="no" allow="autoplay" '
            f'src="https://w.soundcloud.com/player/?url={url}&amp;color=%2300446b"></iframe>'
        )
        defaults = {"type": "rich", "provider_name": "SoundCloud", "width": None, "height": 166}
    else:
        video_id = url.rsplit("=", 1)[-1]
        html = (
            f'<iframe width="200" height="113" src="https://www.youtube.com/embed/{video_id}?feature=oembed" '
            'frameborder="0" allow="accelerometer; encrypted-media; picture-in-picture; web-share" '
            "allowfullscreen></iframe>"
        )
        defaults = {"type": "video", "provider_name": "YouTube", "width": 200, "height": 113}
    defaults.update({"url": url, "html": html, "title": title, "author_name": "SKR", "thumbnail_url": ""})
    Embed.objects.update_or_create(hash=get_embed_hash(url), defaults=defaults)


def _webcast(title, url, length=None, people=(), heading_level="h2"):
    _store_embed(url, title)
    return {
        "title": title,
        "length": length,
        "people": list(people),
        "people_heading": "Medverkande",
        "heading_level": heading_level,
        "video_url": url,
        "captions_on_platform": True,
    }


def _body(ctx):
    elin = _speaker(ctx, "elin-wihlborg", "Elin Wihlborg", "professor i statsvetenskap")
    jorgen = _speaker(ctx, "jorgen-sandstrom", "Jörgen Sandström", "digitaliseringsdirektör, Västerås stad")
    podcast_title = "Kjell ringer en digitaliseringsdirektör"
    _store_embed(PODCAST_URL, podcast_title)
    return [
        {
            "type": "web_course",
            "value": {
                "title": "Att leda i en digital tid",
                "description": _rich(
                    "Kursen handlar om vilka roller förtroendevalda och andra ledare har när verksamheten "
                    "digitaliseras, och om varför samverkan blir viktigare. Den är gjord tillsammans med "
                    "professor Elin Wihlborg, Linköpings Universitet."
                ),
                "length": 45,
                "people": [],
                "link": {"external_url": COURSE_URL},
                "link_text": "Att leda i en digital tid, webbkurs",
            },
        },
        {"type": "heading", "value": {"text": "Digitalisering och det politiska uppdraget", "level": "h2"}},
        {
            "type": "paragraph",
            "value": _rich(
                "Elin Wihlborg, professor i statsvetenskap vid Linköpings universitet, resonerar i två inspelade "
                "föreläsningar (8 respektive 12 minuter) om ledarskap i en digital värld: hur man styr "
                "demokratiskt när mycket förändras, och vad som gör ett digitalt samhälle legitimt."
            ),
        },
        {
            "type": "webcast",
            "value": _webcast(
                "Digitalisering och det politiska uppdraget, del 1: Att styra i en föränderlig tid",
                LECTURE_URLS[0],
                8,
                [elin],
                "h3",
            ),
        },
        {
            "type": "webcast",
            "value": _webcast(
                "Digitalisering och det politiska uppdraget, del 2: Ett legitimt digitalt samhälle",
                LECTURE_URLS[1],
                12,
                [elin],
                "h3",
            ),
        },
        {
            "type": "interview_series",
            "value": {
                "title": "Fem perspektiv på utmaningar och ledarskap",
                "description": _rich(
                    "Kommuner och regioner står inför stora utmaningar, och invånarna har höga förväntningar. "
                    "Då behöver digitaliseringens möjligheter tas till vara, och det kräver att de högsta "
                    "förtroendevalda, tjänstepersonerna och andra nyckelpersoner engagerar sig och styr åt rätt "
                    "håll. Lyssna till fem intervjuer om utmaningar och ledarskap."
                ),
                "people_heading": "Medverkande",
                "interviews": [
                    {
                        "speaker": _speaker(ctx, key, name, role),
                        "media": [{"type": "webcast", "value": _webcast(f"Intervju med {name}", INTERVIEW_URLS[key])}],
                    }
                    for key, name, role in INTERVIEWEES
                ],
            },
        },
        {
            "type": "podcast",
            "value": {
                "series_title": "Jakten på den perfekta digitaliseringen",
                "title": podcast_title,
                "length": 11,
                "people": [jorgen],
                "people_heading": "Medverkande",
                "heading_level": "h2",
                "audio_url": PODCAST_URL,
                "quote": (
                    "Vår kundtjänst svarar redan på tusentals frågor. Med hjälp av AI kan invånarna få svar "
                    "när de behöver det, dygnet runt och året om, inte bara när kontoret är öppet."
                ),
                "quote_source": "Jörgen Sandström, Västerås stad",
                "transcript": _rich(
                    "Sammanfattning av avsnittet: Kjell pratar med Jörgen Sandström, digitaliseringsdirektör i "
                    "Västerås stad, om hur staden vill använda artificiell intelligens i kundtjänsten så att "
                    "invånarna kan få svar på sina frågor när som helst på dygnet."
                ),
            },
        },
        {
            "type": "webinar",
            "value": {
                "title": "Digitalt kompetenslyft för förtroendevalda och tjänstepersoner",
                "description": _rich(
                    "Vill du fördjupa dig finns ett längre webbinarium i två delar. Det ger en introduktion till "
                    "hur man leder och driver utveckling av verksamheten med hjälp av digitaliseringen, och "
                    "diskuterar varför ledningens engagemang och en strategisk styrning betyder så mycket.",
                    "Webbinariet hölls 2019 och startade en satsning på mer strategisk kompetens om "
                    "digitalisering, både i den politiska ledningen och i tjänstemannaledningen i kommuner "
                    "och regioner.",
                ),
                "people_heading": "Medverkande, urval",
                "people": [_speaker(ctx, key, name, title) for key, name, title in WEBINAR_PEOPLE],
                "parts": [
                    _webcast("Del 1: Att leda digitaliseringsarbetet som förtroendevald", WEBINAR_URLS[0]),
                    _webcast("Del 2: Att leda digitaliseringsarbetet som tjänsteperson", WEBINAR_URLS[1]),
                ],
            },
        },
    ]


def build(ctx):
    """Create or update the Kunskap listing and seed page 002, and register them in ctx.pages."""
    index = _upsert(
        ctx.home,
        KnowledgeIndexPage,
        "kunskap",
        title="Kunskap",
        show_in_menus=True,
        intro=(
            "Webbkurser, inspelade föreläsningar, poddar och webbinarier för förtroendevalda och medarbetare "
            "i kommuner och regioner."
        ),
    )
    ctx.pages["knowledge_index"] = index

    topic_keys = ("digitalisering", "ledarskap-och-styrning", "demokrati")
    page = _upsert(
        index,
        KnowledgePage,
        "ledning-styrning-och-organisation-for-att-digitalisera",
        topics=[ctx.topics[key] for key in topic_keys if key in ctx.topics],
        title="Ledning, styrning och organisation för att digitalisera",
        publication_date=dt.date(2021, 6, 22),
        intro=(
            "Förtroendevalda har en viktig roll när kommuner och regioner digitaliserar: de lyfter fram behov, "
            "värnar demokratiska värden och driver på en utveckling som inkluderar alla. Här har vi samlat "
            "material om just de förtroendevaldas roll i digitaliseringen."
        ),
        key_points=[
            {"type": "point", "value": point}
            for point in (
                "Det politiska uppdraget handlar om att sätta mål, fördela resurser och följa upp resultaten.",
                "Som förtroendevald ser du till att digitaliseringen är rättssäker, kommer alla till del och "
                "använder resurserna effektivt.",
                "Ställ klargörande frågor om vad digitaliseringen ska uppnå, och undvik att fastna i detaljer.",
                "Bidra till att offentliga digitala lösningar är legitima, alltså både lagliga och betrodda av "
                "allmänheten, och lyft frågor om likabehandling och opartiskhet.",
            )
        ],
        body=_body(ctx),
        contacts=[
            {
                "type": "contact",
                "value": {
                    "heading": "Kontakt",
                    "custom_heading": "Kontakta SKR",
                    "people": [],
                    "text": _rich("Har du frågor om materialet? Ring växeln på 08-452 70 00."),
                },
            }
        ],
    )
    ctx.pages["knowledge"] = page
