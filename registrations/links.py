"""Personal links to view or cancel a registration: signed, timestamped and expiring, nothing stored."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "registrations.manage"
INVALID = "Länken till anmälan är ogiltig. Kontrollera att du har kopierat hela länken från e-postmeddelandet."
EXPIRED = "Länken till anmälan har gått ut. Kontakta arrangören om du vill ändra eller avboka din anmälan."


class LinkError(Exception):
    """A tampered or expired link; the message is shown to the visitor."""


def _signer():
    return signing.TimestampSigner(salt=SALT)


def max_age():
    return dt.timedelta(days=settings.REGISTRATION_LINK_MAX_AGE_DAYS)


def make_token(registration):
    return _signer().sign(registration.public_id.hex)


def read_token(token):
    """The registration's public id from a token, or LinkError with a Swedish message."""
    try:
        return _signer().unsign(token, max_age=max_age())
    except signing.SignatureExpired as error:
        raise LinkError(EXPIRED) from error
    except signing.BadSignature as error:
        raise LinkError(INVALID) from error


def manage_path(registration):
    return reverse("registrations:manage", kwargs={"token": make_token(registration)})
