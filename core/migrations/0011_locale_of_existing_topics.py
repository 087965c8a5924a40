"""Existing topics are Swedish, each with a translation key of its own (before the key is unique)."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("core", "0010_translatable_topics")]

    operations = [BootstrapTranslatableModel("core.Topic")]
