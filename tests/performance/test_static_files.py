"""Static files as production serves them: hashed names, compressed copies, cached for a year."""

import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path):
    """A real collectstatic with the production storage into a temporary STATIC_ROOT."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    return settings.STATIC_ROOT


def test_hashed_static_files_are_immutable_for_a_year(collected):
    url = staticfiles_storage.url("css/site.css")
    assert re.search(r"/static/css/site\.[0-9a-f]{12}\.css$", url)

    response = Client().get(url)  # a new client loads whitenoise afresh, over the new STATIC_ROOT

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_static_files_are_served_compressed(collected):
    url = staticfiles_storage.url("css/site.css")

    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_pages_link_the_hashed_files(collected, client):
    html = client.get("/").content.decode()

    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', html)
    assert re.search(r'src="/static/js/site\.[0-9a-f]{12}\.js"', html)


def test_each_static_address_is_worked_out_once_per_process(collected):
    first = staticfiles_storage.url("css/site.css")
    # The manifest is read once at start-up; an address already found no longer consults it.
    staticfiles_storage.hashed_files.clear()

    assert staticfiles_storage.url("css/site.css") == first
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        staticfiles_storage.url("css/print.css")
