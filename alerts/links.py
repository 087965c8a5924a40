"""Signed, expiring links in alert e-mail: confirm a choice, manage, unsubscribe. Nothing is stored
for them; a link names the subscription's random id (and, to confirm, the choice it confirms)."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

CONFIRM_SALT = "alerts.confirm"
MANAGE_SALT = "alerts.manage"
INVALID = _("Länken är ogiltig. Kontrollera att du har kopierat hela länken från e-postmeddelandet.")
EXPIRED_CONFIRM = _("Länken har gått ut. Anmäl bevakningen igen, så skickar vi en ny länk.")
EXPIRED_MANAGE = _("Länken har gått ut. Använd länken i ett senare e-postmeddelande eller anmäl bevakningen igen.")


class LinkError(Exception):
    """A tampered or expired link; the message is shown to the visitor."""


def confirm_max_age():
    return dt.timedelta(hours=settings.ALERTS_CONFIRM_HOURS)


def manage_max_age():
    return dt.timedelta(days=settings.ALERTS_LINK_DAYS)


def make_confirm_token(subscription, topic_ids, frequency, language=None):
    """A link that applies this choice of topics and frequency to the subscription when followed; it
    carries the language the choice was made in, which the confirmation e-mail is written in."""
    payload = {"s": subscription.public_id.hex, "t": sorted(topic_ids), "f": frequency}
    if language:
        payload["l"] = language
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token):
    """(public id, topic ids, frequency) from a confirmation token, or LinkError."""
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise LinkError(EXPIRED_CONFIRM) from error
    except signing.BadSignature as error:
        raise LinkError(INVALID) from error
    return payload["s"], payload["t"], payload["f"]


def make_manage_token(subscription):
    return signing.TimestampSigner(salt=MANAGE_SALT).sign(subscription.public_id.hex)


def read_manage_token(token):
    """The subscription's public id from a manage or unsubscribe token, or LinkError."""
    try:
        return signing.TimestampSigner(salt=MANAGE_SALT).unsign(token, max_age=manage_max_age())
    except signing.SignatureExpired as error:
        raise LinkError(EXPIRED_MANAGE) from error
    except signing.BadSignature as error:
        raise LinkError(INVALID) from error


def absolute(path):
    """The path on the default site's address (the admin's base address if there is no site)."""
    site = Site.objects.filter(is_default_site=True).first()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def confirm_url(token):
    return absolute(reverse("alerts:confirm", kwargs={"token": token}))


def manage_url(subscription):
    return absolute(reverse("alerts:manage", kwargs={"token": make_manage_token(subscription)}))


def unsubscribe_url(subscription):
    return absolute(reverse("alerts:unsubscribe", kwargs={"token": make_manage_token(subscription)}))
