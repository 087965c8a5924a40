"""The e-mails to subscribers, built from a stored AlertEmail; sent by alerts/outbox.py.

Alerts and digests carry RFC 8058 one-click unsubscribe headers and links to manage or leave. Each
e-mail is written in the subscriber's language (a confirmation in the language it was asked for in),
and its links lead to the pages in that language (/en/bevaka/... for English)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.excerpts import summary
from core.models import Topic
from core.text import single_line

from .links import CONFIRM_SALT, confirm_max_age, confirm_url, manage_max_age, manage_url, unsubscribe_url
from .models import EmailKind, Language
from .sending import page_topics

SUMMARY_WORDS = 40


def message_domain():
    """The host of the site's address, for Message-IDs."""
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host or "example.se"


def message_id(email):
    """The same Message-ID on every try of one e-mail, so a receiver can drop a copy sent twice."""
    return f"<alert-{email.kind}-{email.pk}-{email.subscription.public_id.hex}@{message_domain()}>"


def entry(page, followed_ids):
    """What an alert says about one page: title, intro, date and place (events), link, topics."""
    topics = [topic for topic in page_topics(page) or [] if topic.pk in followed_ids]
    return {
        "title": single_line(page.title),
        "summary": Truncator(single_line(summary(page))).words(SUMMARY_WORDS),
        "meta": single_line(getattr(page, "card_meta", "") or ""),
        "url": page.get_full_url() or "",
        "topics": topics,
        "topic_names": ", ".join(topic.name for topic in topics),
    }


def live_pages(email):
    """The public, live pages an alert or digest carries, in the order they were published."""
    pages = []
    for item in email.items.select_related("page").order_by("created_at", "pk"):
        page = item.page.specific
        if page.live and not page.get_view_restrictions().exists():
            pages.append(page)
    return pages


def grouped(entries):
    """Digest entries under the first (by name) followed topic of each page, topics by name."""
    groups = {}
    for item in entries:
        topic = min(item["topics"], key=lambda topic: topic.name, default=None)
        groups.setdefault(topic.name if topic else _("Övrigt"), []).append(item)
    return sorted(groups.items())


def email_language(email):
    """The language of an e-mail: a confirmation's is carried by its link, every other the subscriber's."""
    if email.kind == EmailKind.CONFIRM:
        payload = signing.loads(email.link_token, salt=CONFIRM_SALT)
        return Language.of(payload.get("l") or email.subscription.language)
    return Language.of(email.subscription.language)


def build_message(email):
    """The EmailMessage for a stored AlertEmail, in its language."""
    with translation.override(email_language(email)):
        return _build_message(email)


def _build_message(email):
    subscription = email.subscription
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "subscription": subscription}
    headers = {"Message-ID": message_id(email)}
    if email.kind == EmailKind.CONFIRM:
        payload = signing.loads(email.link_token, salt=CONFIRM_SALT)
        context |= {
            "confirm_url": confirm_url(email.link_token),
            "topics": Topic.objects.filter(pk__in=payload["t"]).order_by("name"),
            "frequency": dict(subscription._meta.get_field("frequency").choices).get(payload["f"], ""),
            "hours": int(confirm_max_age().total_seconds() // 3600),
        }
        subject = _("Bekräfta din bevakning")
        template = "alerts/email/confirm.txt"
    else:
        followed = set(subscription.topics.values_list("pk", flat=True))
        entries = [entry(page, followed) for page in live_pages(email)]
        unsubscribe = unsubscribe_url(subscription)
        context |= {
            "entries": entries,
            "groups": grouped(entries),
            "manage_url": manage_url(subscription),
            "unsubscribe_url": unsubscribe,
            "link_days": manage_max_age().days,
        }
        headers |= {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
        if email.kind == EmailKind.ALERT:
            subject = (
                _("Nytt på {site}: {title}").format(site=settings.WAGTAIL_SITE_NAME, title=entries[0]["title"])
                if entries
                else ""
            )
            template = "alerts/email/alert.txt"
        else:
            subject = _("Veckans nyheter från {site}").format(site=settings.WAGTAIL_SITE_NAME)
            template = "alerts/email/digest.txt"
    return EmailMessage(
        subject=single_line(subject),
        body=render_to_string(template, context),
        to=[subscription.email],
        headers=headers,
    )
