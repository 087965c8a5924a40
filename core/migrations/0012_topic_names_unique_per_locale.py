"""Every topic now has a locale: the translation key is required and unique per locale, and a name
and a slug are unique per locale (an English topic shares its Swedish topic's slug)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_locale_of_existing_topics"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="topic",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="topic",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="topic",
            name="name",
            field=models.CharField(help_text="T.ex. Digitalisering eller Demokrati.", max_length=100, verbose_name="namn"),
        ),
        migrations.AlterField(
            model_name="topic",
            name="slug",
            field=models.SlugField(
                allow_unicode=True,
                help_text="Används i webbadresser och filter, på alla språk.",
                max_length=100,
                verbose_name="kortnamn",
            ),
        ),
        migrations.AlterUniqueTogether(name="topic", unique_together={("translation_key", "locale")}),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(fields=("name", "locale"), name="core_topic_name_per_locale"),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(fields=("slug", "locale"), name="core_topic_slug_per_locale"),
        ),
    ]
