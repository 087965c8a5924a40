"""Users and a page with planted problems for the admin's browser tests, made in the server's database.

Run by the tests with `manage.py shell -c`; prints the users and ids as JSON.
"""

import io
import json
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.models import Site

from events.models import ConferencePage
from home.models import ContentPage

ROLES = {"admin": None, "kommunikator": "Kommunikatörer", "feedbacklasare": "Feedbackläsare"}
# An alternative text that is only a file name says nothing to someone who cannot see the image.
FILE_NAME_ALT = "IMG_2041.jpg"


def _user(username, group, password):
    users = get_user_model().objects
    user = users.filter(username=username).first() or users.create_user(username, f"{username}@example.se")
    user.set_password(password)
    user.is_superuser = user.is_staff = group is None
    user.save()
    if group:
        user.groups.set([Group.objects.get(name=group)])
    return user


def _image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (800, 600), (40, 90, 160)).save(buffer, "JPEG")
    return Image.objects.create(title="Konferenssal", file=ImageFile(buffer, name="konferenssal.jpg"))


def seed():
    password = secrets.token_urlsafe(16)
    users = {name: _user(name, group, password).username for name, group in ROLES.items()}
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(
        instance=ContentPage(
            title="Sida med planterade problem",
            slug="planterade-problem",
            intro="En sida för att pröva kontrollerna i förhandsvisningen.",
            body=[
                {"type": "heading", "value": {"text": "Bakgrund", "level": "h2"}},
                {"type": "image", "value": {"image": _image().pk, "alt_text": FILE_NAME_ALT, "caption": ""}},
            ],
        )
    )
    page.save_revision().publish()
    # A page whose slug was made from its title, for the copy form's title-to-slug sync.
    annual = home.add_child(instance=ContentPage(title="Årsmöte 2027", slug="arsmote-2027", intro="Årsmötet."))
    conference = ConferencePage.objects.live().order_by("pk").first()
    print(
        json.dumps(
            {
                "password": password,
                "users": users,
                "planted_page": page.pk,
                "conference": conference.pk,
                "annual_meeting": annual.pk,
            }
        )
    )
