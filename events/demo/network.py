"""Seed 001: the anti-corruption network."""

import datetime as dt

from events.models import NetworkPage

from .content import ADVICE_NOTE, contact, rich, ul, upsert


def build_network(ctx, index):
    """Seed 001: Korruptionsbekämpning, nätverk, an ongoing network without fixed dates."""
    people = ctx.people
    return upsert(
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
        prerequisites=rich(
            "Varje kommun eller region utser en eller två deltagare med mandat att driva frågan i den egna "
            "organisationen. Det underlättar om arbetet är politiskt förankrat. Deltagarna delar med sig av "
            "sina erfarenheter och för arbetet vidare på hemmaplan."
        ),
        target_group=rich(
            "Nätverket vänder sig till ekonomer, jurister, controllers, HR-personal, säkerhetsansvariga, "
            "revisorer med flera i ledning och förvaltning."
        ),
        meeting_contents=rich(
            "Experter och processledare stödjer nätverkets arbete. På träffarna varvas praktik och teori med "
            "omvärldsspaning, erfarenhetsutbyte och gemensam reflektion."
        )
        + ul(
            "Fördjupad kunskap om lagstiftning, guidelines och rekommendationer inom korruptionsområdet.",
            "Kunskap, metoder och goda exempel kring hur korruptionsskyddet kan stärkas.",
            "Stöd i hur du kan använda verktyg och metoder för korruptionsbekämpning i egna "
            "utbildningsinsatser eller utvecklingsarbeten.",
            "Erfarenhetsutbyte och nätverksbyggande.",
        ),
        facts_heading="Fakta",
        facts=rich(
            "Sakliga och opartiska institutioner hänger ihop med förtroendet för det offentliga och kvaliteten "
            "i välfärden. Korruption kostar pengar men skadar också legitimiteten för det politiska systemet "
            "och organisationens anseende.",
            "Satsningen stödjer medlemmarna i att stärka sitt skydd mot korruption, från brott som mutor och "
            "förskingring till frågor om etik, värdegrund och lämpligt beteende.",
        ),
        contacts=[
            contact("Informationsansvarig", [people["cecilia-berglin"], people["ann-sofi-agnevik"]]),
            contact("Kontakt", text=rich("Välkommen att skicka din fråga till oss!") + ADVICE_NOTE),
        ],
    )
