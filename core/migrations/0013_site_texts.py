"""The footer's and the Kontakt box's words move to a translatable SiteText (filled by 0014)."""

import uuid

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models

import core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0012_topic_names_unique_per_locale"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SiteText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "organisation_name",
                    models.CharField(
                        blank=True,
                        help_text="Som den ska stå i sidfoten.",
                        max_length=200,
                        verbose_name="organisationens namn",
                    ),
                ),
                (
                    "footer_links",
                    core.fields.StreamField(
                        [],
                        blank=True,
                        help_text="Några viktiga länkar, t.ex. Om oss och Press.",
                        verbose_name="länkar i sidfoten",
                    ),
                ),
                (
                    "contact_heading",
                    models.CharField(
                        default="Kontakt", help_text="Oftast Kontakt.", max_length=100, verbose_name="kontaktrutans rubrik"
                    ),
                ),
                (
                    "contact_body",
                    wagtail.fields.RichTextField(
                        blank=True, help_text="T.ex. växelnummer och öppettider.", verbose_name="kontaktrutans text"
                    ),
                ),
                (
                    "contact_link_text",
                    models.CharField(
                        blank=True,
                        help_text=(
                            "Texten på länken till sidan som väljs i inställningen Kontaktruta; tomt ger sidans titel."
                        ),
                        max_length=100,
                        verbose_name="kontaktrutans länktext",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "texter i sidfot och kontaktruta",
                "verbose_name_plural": "texter i sidfot och kontaktruta",
                "abstract": False,
                "constraints": [models.UniqueConstraint(fields=("locale",), name="core_sitetext_one_per_locale")],
                "unique_together": {("translation_key", "locale")},
            },
        ),
    ]
