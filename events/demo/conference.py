"""Seed 000: Fullmäktiges presidiekonferens."""

import datetime as dt

from events.formatting import combine
from events.models import ConferencePage

from .content import REGISTRATION_URL, contact, rich, session, speaker, upsert


def build_conference(ctx, index):
    """Seed 000: Fullmäktiges presidiekonferens, Göteborg, about two months ahead."""
    people = ctx.people
    day = ctx.today + dt.timedelta(days=60)
    body = [
        {"type": "heading", "value": {"text": "Stärka de politiska institutionerna", "level": "h2"}},
        {
            "type": "paragraph",
            "value": rich(
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
            "value": rich(
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
                    session("Inledning", start="09:30:00", end="09:45:00"),
                    session(
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
                    session(
                        "Mänskliga rättigheter",
                        [
                            "Mänskliga rättigheter, objektivitet och rättssäkerhet",
                            "Vad innebär det att arbeta rättighetsbaserat?",
                            "Vad utmärker en MR kommun?",
                        ],
                        start="13:00:00",
                        end="14:15:00",
                    ),
                    session(
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
    return upsert(
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
            speaker(people["elin-wihlborg"], title="professor, Linköpings universitet"),
            speaker(people["cecilia-berglin"], title="SKL"),
            speaker(people["ann-sofi-agnevik"], title="SKL"),
            speaker(people["anders-nordh"], title="SKL"),
            speaker(people["martin-lidhamn"], title="SKL"),
        ],
        contacts=[
            contact(
                "Frågor om anmälan",
                text=rich('Mejla <a href="mailto:konferens@example.se">konferens@example.se</a>.'),
            ),
            contact("Informationsansvarig", [people["martin-lidhamn"]]),
        ],
    )
