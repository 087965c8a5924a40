"""Answers given before the site had languages were given on their page's (Swedish) version."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    FeedbackResponse = apps.get_model("feedback.FeedbackResponse")
    Page = apps.get_model("wagtailcore.Page")
    page_locale = Page.objects.filter(pk=OuterRef("page_id")).values("locale_id")[:1]
    FeedbackResponse.objects.filter(locale__isnull=True).update(locale_id=Subquery(page_locale))


class Migration(migrations.Migration):
    dependencies = [("feedback", "0003_answer_locale")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
