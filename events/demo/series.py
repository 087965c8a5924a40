"""Seed 003: the four-part webinar series."""

import datetime as dt

from events.models import SeminarPart, SeminarSeriesPage

from .content import ADVICE_NOTE, contact, rich, speaker, upsert


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
            text=rich(
                "Medborgardialog hjälper oss att lyssna, förklara och lära när välfärden förändras. Den skapar "
                "öppenhet och delaktighet, men kan också få andra följder än vi tänkt oss. Behövs nya "
                "arbetssätt när det demokratiska samtalet förändras?"
            ),
            speakers=[speaker(people["lena-langlet"], title="samordnare Demokratifrågor på SKL")],
            webcast_url="https://example.se/webbsandning/del-1",
            recording_url="https://example.se/inspelning/del-1",
        ),
        SeminarPart(
            sort_order=1,
            date=second,
            start_time=dt.time(9, 0),
            end_time=dt.time(9, 45),
            theme="Det demokratiska samtalet har fått en hårdare ton",
            text=rich(
                "Sociala medier samlar människor men används också för hot och hat. Hur skiljer man kritik från "
                "drev, och hur hanterar man ett drev? Vi ger tips för att stå emot troll och hatdrev."
            ),
            speakers=[speaker(people["vian-tahir"], title="Nätsäkerhetsexpert")],
            webcast_url="https://example.se/webbsandning/del-2",
        ),
        SeminarPart(
            sort_order=2,
            date=third,
            theme="Att möta andra värderingar och attityder",
            text=rich(
                "Mänskliga rättigheter, värdegrund och jämställdhet berör och upprör. Hur möter vi personer med "
                "andra värderingar, och hur skapar vi goda samtal i de mötena?"
            ),
            speakers=[
                speaker(people["lennart-koskinen"], title="professionell medmänniska, före detta biskop och föreläsare")
            ],
        ),
        SeminarPart(
            sort_order=3,
            date=fourth,
            start_time=dt.time(9, 0),
            end_time=dt.time(9, 45),
            theme="Strategier för att inte censurera beslut",
            text=rich(
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
    return upsert(
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
            speaker(people["anna-lena-pogulis"], title="projektledare för hot och hat mot förtroendevalda"),
            speaker(
                people["lena-lindgren"], title="projektledare för att stärka och utveckla det politiska ledarskapet"
            ),
        ],
        contacts=[
            contact(
                "Frågor om anmälan",
                text=rich('Mejla <a href="mailto:anmalan@example.se">anmalan@example.se</a>.'),
            ),
            contact("Informationsansvarig", [people["anna-lena-pogulis"], people["lena-lindgren"]]),
            contact("Kontakt", text=ADVICE_NOTE),
        ],
        parts=parts,
    )
