"""Existing people and notices are Swedish, each with a translation key of its own (before the key is unique)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("core", "0006_translatable_people_and_notices")]

    operations = [
        BootstrapTranslatableModel("core.Person"),
        BootstrapTranslatableModel("core.SiteNotice"),
    ]
