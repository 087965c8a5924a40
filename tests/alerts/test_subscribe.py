"""The "Bevaka ämnet" form: on topic, event and knowledge pages, answered the same for every address."""

import re

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Subscription

from .factories import SubscriptionFactory, publish_conference, publish_knowledge

URL = "/bevaka/"


def subscribe(client, *topics, email="asa@kommun.se", frequency="direkt", **extra):
    data = {"epost": email, "amnen": [topic.pk for topic in topics], "frekvens": frequency, **extra}
    return client.post(URL, data)


def ticked(html, topic):
    """True if the form offers the topic with its box ticked."""
    return re.search(rf'name="amnen"\s+value="{topic.pk}"\s+checked', html) is not None


def answer_text(response):
    """The visible answer without the address typed in."""
    html = response.content.decode()
    return re.sub(r"[\w.+-]+@[\w.-]+", "ADRESS", html)


class TestTheFormOnPages:
    def test_a_topic_page_offers_its_topic(self, client, digitalisering):
        html = client.get("/amnen/digitalisering/").content.decode()
        assert "Bevaka ämnet" in html
        assert "ny kunskap inom digitalisering." in html
        assert ticked(html, digitalisering)

    def test_knowledge_and_event_pages_offer_their_topics(self, client, knowledge, events, digitalisering, demokrati):
        article = publish_knowledge(knowledge, [digitalisering, demokrati])
        conference = publish_conference(events, [demokrati])
        article_html = client.get(article.url).content.decode()
        conference_html = client.get(conference.url).content.decode()
        assert "Bevaka ämnet" in article_html
        assert ticked(article_html, digitalisering) and ticked(article_html, demokrati)
        assert "inom demokrati eller digitalisering." in article_html
        assert ticked(conference_html, demokrati)
        assert f'value="{digitalisering.pk}"' not in conference_html

    def test_a_page_without_topics_has_no_form(self, client, knowledge):
        article = publish_knowledge(knowledge, [])
        assert "Bevaka ämnet" not in client.get(article.url).content.decode()

    def test_the_page_with_the_form_stays_cacheable(self, client, knowledge, digitalisering):
        article = publish_knowledge(knowledge, [digitalisering])
        response = client.get(article.url)
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert not response.cookies
        assert "private" not in response.get("Cache-Control", "")
        assert client.get(article.url)["X-Page-Cache"] == "hit"


class TestSubscribing:
    def test_a_new_address_gets_only_a_confirmation(self, visitor, digitalisering):
        response = subscribe(visitor, digitalisering)

        assert response.status_code == 200
        assert "Vi har skickat ett e-postmeddelande till asa@kommun.se" in response.content.decode()
        subscription = Subscription.objects.get()
        assert subscription.consented_at is None
        assert list(subscription.topics.all()) == [digitalisering]
        (message,) = mail.outbox
        assert message.to == ["asa@kommun.se"]
        assert message.subject == "Bekräfta din bevakning"
        assert "/bevaka/bekrafta/" in message.body
        assert "List-Unsubscribe" not in message.extra_headers

    def test_known_and_new_addresses_get_the_same_answer(self, visitor, digitalisering, demokrati):
        SubscriptionFactory(email="kand@kommun.se", topics=[demokrati])

        known = subscribe(visitor, digitalisering, email="kand@kommun.se")
        new = subscribe(visitor, digitalisering, email="ny@kommun.se")

        assert known.status_code == new.status_code == 200
        assert answer_text(known) == answer_text(new)
        # Both addresses get a confirmation, so the e-mail does not tell either.
        assert sorted(message.to[0] for message in mail.outbox) == ["kand@kommun.se", "ny@kommun.se"]
        assert {message.subject for message in mail.outbox} == {"Bekräfta din bevakning"}

    def test_a_known_address_keeps_its_topics_until_it_confirms(self, visitor, digitalisering, demokrati):
        subscription = SubscriptionFactory(email="kand@kommun.se", topics=[demokrati])
        subscribe(visitor, digitalisering, email="KAND@kommun.se", frequency="veckovis")
        subscription.refresh_from_db()
        assert list(subscription.topics.all()) == [demokrati]
        assert subscription.frequency == "direkt"
        assert Subscription.objects.count() == 1

    def test_the_honeypot_gets_the_same_answer_and_nothing_is_stored(self, visitor, digitalisering):
        bot = subscribe(visitor, digitalisering, email="bot@kommun.se", webbplats="http://spam.example")
        person = subscribe(visitor, digitalisering, email="pers@kommun.se")
        assert answer_text(bot) == answer_text(person)
        assert list(Subscription.objects.values_list("email", flat=True)) == ["pers@kommun.se"]
        assert len(mail.outbox) == 1

    def test_bad_input_gets_swedish_messages_and_keeps_what_was_typed(self, visitor, digitalisering):
        response = visitor.post(URL, {"epost": "inte-en-adress", "amnen": ["999999", "x"], "frekvens": "ibland"})
        html = response.content.decode()
        assert response.status_code == 400
        assert "Skriv en giltig e-postadress" in html
        assert "Ett av ämnena finns inte längre" in html
        assert "Välj Direkt eller Veckovis" in html
        assert 'value="inte-en-adress"' in html
        assert not Subscription.objects.exists() and not mail.outbox

    def test_no_topic_chosen(self, visitor, digitalisering):
        response = subscribe(visitor)
        assert response.status_code == 400
        assert "Välj minst ett ämne." in response.content.decode()

    def test_a_post_from_another_site_is_refused(self, digitalisering):
        response = subscribe(Client(HTTP_ORIGIN="https://evil.example"), digitalisering)
        assert response.status_code == 403
        assert not Subscription.objects.exists()

    def test_no_csrf_token_is_needed(self, digitalisering):
        client = Client(enforce_csrf_checks=True, HTTP_ORIGIN="http://testserver")
        assert subscribe(client, digitalisering).status_code == 200

    def test_too_many_submissions_are_refused_with_retry_after(self, visitor, digitalisering, settings):
        settings.ALERTS_RATE_LIMIT = 2
        for n in range(2):
            assert subscribe(visitor, digitalisering, email=f"a{n}@kommun.se").status_code == 200
        response = subscribe(visitor, digitalisering, email="a3@kommun.se")
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "Vänta en stund" in response.content.decode()
        assert Subscription.objects.count() == 2

    def test_the_form_page_preselects_a_topic_and_is_never_cached(self, client, digitalisering, demokrati):
        response = client.get(URL, {"amne": "digitalisering"})
        html = response.content.decode()
        assert re.search(rf'value="{digitalisering.pk}"[^>]*checked', html)  # Django's own widget
        assert not re.search(rf'value="{demokrati.pk}"[^>]*checked', html)
        assert "no-cache" in response["Cache-Control"]


@pytest.fixture(autouse=True)
def _db(db):
    pass
