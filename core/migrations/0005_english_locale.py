"""The English locale next to the Swedish one that Wagtail made from LANGUAGE_CODE (docs/translation.md)."""

from django.db import migrations


def create_english(apps, schema_editor):
    apps.get_model("wagtailcore.Locale").objects.get_or_create(language_code="en")


def remove_english(apps, schema_editor):
    # Only while nothing is in English: pages and snippets protect their locale from deletion.
    Locale = apps.get_model("wagtailcore.Locale")
    Locale.objects.filter(language_code="en", page__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0004_page_review_and_link_alerts"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_english, remove_english)]
