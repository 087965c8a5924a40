"""Demo content of the events app: the listing and seed pages 000, 001, 003 and 004.

Facts (titles, dates, times, names, roles, programme items) come from the seeds; longer prose is our own.
"""

import datetime as dt

from events.formatting import combine
from events.models import ConferencePage, EventIndexPage, NetworkPage, SeminarPart, SeminarSeriesPage

REGISTRATION_URL = "https://example.se/anmalan/"


def _upsert(parent, page_class, slug, **fields):
    """The child with this slug, created or updated, and published; loading twice creates nothing twice."""
    existing = parent.get_children().filter(slug=slug).first()
    children = fields.pop("parts", None)
    topics = fields.pop("topics", None)
    if existing:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
    else:
        page = page_class(slug=slug, **fields)
    if topics is not None:
        page.topics = topics
    if children is not None:
        page.parts = children
    if existing:
        page.save()
    else:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _speaker(person=None, name="", title=""):
    return {"type": "speaker", "value": {"person": person.pk if person else None, "name": name, "title": title}}


def _contact(heading, people=(), text=""):
    return {
        "type": "contact",
        "value": {"heading": heading, "custom_heading": "", "people": [person.pk for person in people], "text": text},
    }


def _session(title, topics=(), start=None, end=None, text=""):
    return {
        "type": "session",
        "value": {
            "title": title,
            "topics": list(topics),
            "start_time": start,
            "end_time": end,
            "text": text,
            "speakers": [],
        },
    }


ADVICE_NOTE = _rich(
    "<strong>Gäller din fråga arbetsrätt eller kollektivavtal/förhandling?</strong>",
    "Vår rådgivning vänder sig till personalchefer och förhandlingschefer i kommuner och regioner. "
    "Ställer du frågan för deras räkning, skriv gärna det.",
)


def build(ctx):
    """Create or update the events listing and the seed pages, and register them in ctx.pages."""
    index = _upsert(
        ctx.home,
        EventIndexPage,
        "kurser-och-konferenser",
        title="Kurser och konferenser",
        show_in_menus=True,
        intro="Konferenser, webbseminarier, nätverk och utbildningar för förtroendevalda och medarbetare.",
    )
    ctx.pages["events_index"] = index
    ctx.pages["conference"] = build_conference(ctx, index)
    ctx.pages["network"] = build_network(ctx, index)
    ctx.pages["webinar_series"] = build_webinar_series(ctx, index)
    ctx.pages["themes_conference"] = build_themes_conference(ctx, index)


def build_conference(ctx, index):
    """Seed 000: Fullmäktiges presidiekonferens, Göteborg, about two months ahead."""
    people = ctx.people
    day = ctx.today + dt.timedelta(days=60)
    body = [
        {"type": "heading", "value": {"text": "Stärka de politiska institutionerna", "level": "h2"}},
        {
            "type": "paragraph",
            "value": _rich(
                "Kommuner och regioner arbetar på uppdrag av invånarna. Deras förtroende för den lokala "
                "demokratin bygger på att förtroendevalda och medarbetare agerar sakligt och opartiskt och "
                "inte låter sig påverkas av ovidkommande hänsyn.",
                "Var går gränsen för muta eller jäv? Under dagen reder vi ut begreppen och kopplar dem till "
                "arbetet med att respektera och skydda de mänskliga rättigheterna.",
            ),
        },
        {"type": "heading", "value": {"text": "Digitalisering som ledningsfråga", "level": "h2"}},
        {
            "type": "paragraph",
            "value": _rich(
                "Digitalisering handlar om ledarskap och styrning. Fullmäktige sätter mål och inriktning, och "
                "tydliga mål behövs för att kunna styra och följa upp arbetet. Vi diskuterar hur mål "
                "kommuniceras och hur nämnderna redovisar tillbaka till fullmäktige."
            ),
        },
        {
            "type": "programme",
            "value": {
                "heading": "Programinnehåll",
                "items": [
                    _session("Inledning", start="09:30:00", end="09:45:00"),
                    _session(
                        "Korruption och jäv",
                        [
                            "Vad är korrupt beteende?",
                            "Var går gränsen för muta eller jäv?",
                            "Fullmäktige och jäv",
                            "Nämnd och jäv",
                            "Rättsfall om jäv",
                        ],
                        start="09:45:00",
                        end="12:00:00",
                    ),
                    {"type": "pause", "value": {"title": "Lunch", "start_time": "12:00:00", "end_time": "13:00:00"}},
                    _session(
                        "Mänskliga rättigheter",
                        [
                            "Mänskliga rättigheter, objektivitet och rättssäkerhet",
                            "Vad innebär det att arbeta rättighetsbaserat?",
                            "Vad utmärker en MR kommun?",
                        ],
                        start="13:00:00",
                        end="14:15:00",
                    ),
                    _session(
                        "Digitaliseringens möjligheter",
                        [
                            "Varför behöver kommun och region ta tillvara digitaliseringens möjligheter?",
                            "Vilka möjligheter finns med digitalisering av den kommunala verksamheten?",
                            "Hur kan fullmäktige arbeta strategiskt med frågan?",
                            "Hur kan fullmäktige leda digitaliseringsarbetet?",
                            "Hur kan fullmäktige styra nämnderna?",
                        ],
                        start="14:30:00",
                        end="16:00:00",
                    ),
                ],
            },
        },
    ]
    return _upsert(
        index,
        ConferencePage,
        "fullmaktiges-presidiekonferens-goteborg",
        title="Fullmäktiges presidiekonferens, Göteborg",
        intro=(
            "Dagen handlar om hur vi motverkar mutor och jäv. Vi tar också upp hur fullmäktige kan ta tillvara "
            "digitaliseringens möjligheter, möta dess utmaningar och bidra till en modernare välfärd."
        ),
        start=combine(day, dt.time(9, 30)),
        end=combine(day, dt.time(16, 0)),
        event_format="konferens",
        topics=[ctx.topics["korruptionsbekampning"], ctx.topics["digitalisering"]],
        subject_to_change=True,
        venue="Svenska Mässan",
        address="Mässans gata 10",
        city="Göteborg",
        registration_url=REGISTRATION_URL + "presidiekonferens-goteborg",
        registration_deadline=day - dt.timedelta(days=14),
        body=body,
        speakers=[
            _speaker(people["elin-wihlborg"], title="professor, Linköpings universitet"),
            _speaker(people["cecilia-berglin"], title="SKL"),
            _speaker(people["ann-sofi-agnevik"], title="SKL"),
            _speaker(people["anders-nordh"], title="SKL"),
            _speaker(people["martin-lidhamn"], title="SKL"),
        ],
        contacts=[
            _contact(
                "Frågor om anmälan",
                text=_rich('Mejla <a href="mailto:konferens@example.se">konferens@example.se</a>.'),
            ),
            _contact("Informationsansvarig", [people["martin-lidhamn"]]),
        ],
    )


def build_network(ctx, index):
    """Seed 001: Korruptionsbekämpning, nätverk, an ongoing network without fixed dates."""
    people = ctx.people
    return _upsert(
        index,
        NetworkPage,
        "korruptionsbekampning-natverk",
        title="Korruptionsbekämpning, nätverk",
        published_date=dt.date(2019, 9, 23),
        intro=(
            "Sedan 2019 driver vi ett nätverk för korruptionsbekämpning. Deltagarna får kunskap och verktyg för "
            "att stärka den egna kommunens eller regionens arbete med att förebygga, upptäcka och hantera "
            "korruption."
        ),
        event_format="natverkstraff",
        topics=[ctx.topics["korruptionsbekampning"]],
        prerequisites=_rich(
            "Varje kommun eller region utser en eller två deltagare med mandat att driva frågan i den egna "
            "organisationen. Det underlättar om arbetet är politiskt förankrat. Deltagarna delar med sig av "
            "sina erfarenheter och för arbetet vidare på hemmaplan."
        ),
        target_group=_rich(
            "Nätverket vänder sig till ekonomer, jurister, controllers, HR-personal, säkerhetsansvariga, "
            "revisorer med flera i ledning och förvaltning."
        ),
        meeting_contents=_rich(
            "Experter och processledare stödjer nätverkets arbete. På träffarna varvas praktik och teori med "
            "omvärldsspaning, erfarenhetsutbyte och gemensam reflektion."
        )
        + _ul(
            "Fördjupad kunskap om lagstiftning, guidelines och rekommendationer inom korruptionsområdet.",
            "Kunskap, metoder och goda exempel kring hur korruptionsskyddet kan stärkas.",
            "Stöd i hur du kan använda verktyg och metoder för korruptionsbekämpning i egna "
            "utbildningsinsatser eller utvecklingsarbeten.",
            "Erfarenhetsutbyte och nätverksbyggande.",
        ),
        facts_heading="Fakta",
        facts=_rich(
            "Sakliga och opartiska institutioner hänger ihop med förtroendet för det offentliga och kvaliteten "
            "i välfärden. Korruption kostar pengar men skadar också legitimiteten för det politiska systemet "
            "och organisationens anseende.",
            "Satsningen stödjer medlemmarna i att stärka sitt skydd mot korruption, från brott som mutor och "
            "förskingring till frågor om etik, värdegrund och lämpligt beteende.",
        ),
        contacts=[
            _contact("Informationsansvarig", [people["cecilia-berglin"], people["ann-sofi-agnevik"]]),
            _contact("Kontakt", text=_rich("Välkommen att skicka din fråga till oss!") + ADVICE_NOTE),
        ],
    )


def _series_dates(today):
    """The seed's four dates keep their spacing (29, 27 and 28 days); the first part lies two weeks back."""
    first = today - dt.timedelta(days=14)
    second = first + dt.timedelta(days=29)
    third = second + dt.timedelta(days=27)
    fourth = third + dt.timedelta(days=28)
    return first, second, third, fourth


def build_webinar_series(ctx, index):
    """Seed 003: a webinar series in four parts, the first already held."""
    people = ctx.people
    first, second, third, fourth = _series_dates(ctx.today)
    parts = [
        SeminarPart(
            sort_order=0,
            date=first,
            start_time=dt.time(13, 15),
            end_time=dt.time(14, 0),
            theme="Ökad delaktighet vid förändringar av välfärdstjänster",
            text=_rich(
                "Medborgardialog hjälper oss att lyssna, förklara och lära när välfärden förändras. Den skapar "
                "öppenhet och delaktighet, men kan också få andra följder än vi tänkt oss. Behövs nya "
                "arbetssätt när det demokratiska samtalet förändras?"
            ),
            speakers=[_speaker(people["lena-langlet"], title="samordnare Demokratifrågor på SKL")],
            webcast_url="https://example.se/webbsandning/del-1",
            recording_url="https://example.se/inspelning/del-1",
        ),
        SeminarPart(
            sort_order=1,
            date=second,
            start_time=dt.time(9, 0),
            end_time=dt.time(9, 45),
            theme="Det demokratiska samtalet har fått en hårdare ton",
            text=_rich(
                "Sociala medier samlar människor men används också för hot och hat. Hur skiljer man kritik från "
                "drev, och hur hanterar man ett drev? Vi ger tips för att stå emot troll och hatdrev."
            ),
            speakers=[_speaker(people["vian-tahir"], title="Nätsäkerhetsexpert")],
            webcast_url="https://example.se/webbsandning/del-2",
        ),
        SeminarPart(
            sort_order=2,
            date=third,
            theme="Att möta andra värderingar och attityder",
            text=_rich(
                "Mänskliga rättigheter, värdegrund och jämställdhet berör och upprör. Hur möter vi personer med "
                "andra värderingar, och hur skapar vi goda samtal i de mötena?"
            ),
            speakers=[
                _speaker(
                    people["lennart-koskinen"], title="professionell medmänniska, före detta biskop och föreläsare"
                )
            ],
        ),
        SeminarPart(
            sort_order=3,
            date=fourth,
            start_time=dt.time(9, 0),
            end_time=dt.time(9, 45),
            theme="Strategier för att inte censurera beslut",
            text=_rich(
                "Hot och hat kan rubba tilliten till omgivningen. Hur hanterar du rädslan, och vilka strategier "
                "hjälper dig att fatta beslut utan att censurera dig själv?"
            ),
            speakers=[],
        ),
    ]
    webcast_notes = (
        "<ul>"
        "<li>Varje webbsändning pågår i 45 minuter, och du kan ställa frågor under sändningen.</li>"
        "<li>Efter sändningen kan ni samtala lokalt om vilka strategier ni behöver för att trygga de politiska "
        "processerna."
        "<ul>"
        "<li>Hur kan du som förtroendevald bygga tillit i beslut där invånare tycker annorlunda?</li>"
        "<li>Vilka strategier hjälper dig att bli medveten om och undvika självcensur?</li>"
        "</ul></li>"
        "</ul>"
        "<p>Till sist får ni förslag på frågor att arbeta vidare med.</p>"
    )
    return _upsert(
        index,
        SeminarSeriesPage,
        "att-fatta-svara-beslut-och-mota-motstand-webbseminarium",
        title="Att fatta svåra beslut och möta motstånd - webbseminarium",
        intro=(
            "En seminarieserie i fyra delar för ledande förtroendevalda, med möjlighet att fortsätta samtalet i "
            "kommunen eller regionen. Vi pratar om svåra prioriteringar och ger underlag för strategier i de "
            "politiska processerna."
        ),
        event_format="webbseminarium",
        topics=[ctx.topics["demokrati"], ctx.topics["ledarskap-och-styrning"]],
        # The series takes sign-ups on the site itself (the registrations app), with a seat limit.
        registration_url="",
        onsite_registration=True,
        seat_limit=50,
        waitlist_enabled=True,
        ask_organisation=True,
        ask_municipality=True,
        ask_role=True,
        ask_parts=True,
        webcast_url="https://example.se/webbsandning",
        webcast_heading="Om webbsändningen och efterföljande diskussioner",
        webcast_notes=webcast_notes,
        responsible=[
            _speaker(people["anna-lena-pogulis"], title="projektledare för hot och hat mot förtroendevalda"),
            _speaker(
                people["lena-lindgren"], title="projektledare för att stärka och utveckla det politiska ledarskapet"
            ),
        ],
        contacts=[
            _contact(
                "Frågor om anmälan",
                text=_rich('Mejla <a href="mailto:anmalan@example.se">anmalan@example.se</a>.'),
            ),
            _contact("Informationsansvarig", [people["anna-lena-pogulis"], people["lena-lindgren"]]),
            _contact("Kontakt", text=ADVICE_NOTE),
        ],
        parts=parts,
    )


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
            "description": _rich(description),
            "seminars": [
                {"title": seminar, "start_time": None, "end_time": None, "room": "", "speakers": []}
                for seminar in seminars
            ],
        }
        for title, description, seminars in THEMES
    ]
    return _upsert(
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
