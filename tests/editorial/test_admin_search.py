"""The admin's page search finds a page by any of its words, not only by its title."""

import pytest

from tests.core.factories import PersonFactory
from tests.events.factories import ConferencePageFactory, SeminarPartFactory, SeminarSeriesPageFactory
from tests.home.factories import ContentPageFactory
from tests.pages import texts

pytestmark = pytest.mark.django_db

PROGRAMME = [
    {
        "type": "programme",
        "value": {
            "heading": "Programinnehåll",
            "items": [{"type": "session", "value": {"title": "Visselblåsarlagen", "topics": [], "speakers": []}}],
        },
    }
]


@pytest.fixture
def pages(home_page, event_index):
    ContentPageFactory(parent=home_page, title="Om oss", intro="Vi samlar kommunernas förvaltningsjurister.")
    series = SeminarSeriesPageFactory(parent=event_index, title="Webbinarieserie i fyra delar")
    speaker = PersonFactory(name="Gunnel Ringblom", role="utredare")
    part = SeminarPartFactory.build(
        theme="Öppna data", speakers=[{"type": "speaker", "value": {"person": speaker.pk, "name": "", "title": ""}}]
    )
    series.parts = [part]
    series.save_revision().publish()
    ConferencePageFactory(parent=event_index, title="Konferens om jäv", body=PROGRAMME).save_revision().publish()


def found(client, query):
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "None" not in " ".join(texts(html, "main"))
    return texts(html, "main td.title a.w-title, main .title-wrapper a, main td.title a")


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("förvaltningsjurister", "Om oss"),
        ("Öppna data", "Webbinarieserie i fyra delar"),
        ("Ringblom", "Webbinarieserie i fyra delar"),
        ("Visselblåsarlagen", "Konferens om jäv"),
    ],
)
def test_admin_search_finds_a_page_by_words_beyond_its_title(admin_client, pages, query, title):
    assert any(title in link for link in found(admin_client, query))
