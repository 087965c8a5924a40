"""The Swedish SiteText from the footer and contact settings as they are (the default site's, else
any site's), so nothing an editor wrote is lost when 0015 removes those fields from the settings."""

import uuid

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant


def _first(model):
    """The default site's row, else the first one."""
    return model.objects.order_by("-site__is_default_site", "pk").first()


def copy_texts(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    SiteText = apps.get_model("core.SiteText")
    footer = _first(apps.get_model("core.FooterSettings"))
    contact = _first(apps.get_model("core.ContactSettings"))
    if footer is None and contact is None:
        return
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _created = Locale.objects.get_or_create(language_code=language)
    if SiteText.objects.filter(locale=locale).exists():
        return
    text = SiteText.objects.create(
        locale=locale,
        translation_key=uuid.uuid4(),
        organisation_name=footer.organisation_name if footer else "",
        contact_heading=contact.heading if contact else "Kontakt",
        contact_body=contact.body if contact else "",
        contact_link_text=contact.link_text if contact else "",
    )
    if footer is not None:
        # The links' stored JSON as it is: the migration's StreamField knows no blocks to read it with.
        table = schema_editor.quote_name(SiteText._meta.db_table)
        source = schema_editor.quote_name(footer._meta.db_table)
        schema_editor.execute(
            f"UPDATE {table} SET footer_links = (SELECT links FROM {source} WHERE id = %s) WHERE id = %s",
            [footer.pk, text.pk],
        )


def copy_back(apps, schema_editor):
    SiteText = apps.get_model("core.SiteText")
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    text = SiteText.objects.filter(locale__language_code=language).first()
    if text is None:
        return
    apps.get_model("core.ContactSettings").objects.update(
        heading=text.contact_heading, body=text.contact_body, link_text=text.contact_link_text
    )
    apps.get_model("core.FooterSettings").objects.update(organisation_name=text.organisation_name)
    table = schema_editor.quote_name(apps.get_model("core.FooterSettings")._meta.db_table)
    source = schema_editor.quote_name(SiteText._meta.db_table)
    schema_editor.execute(f"UPDATE {table} SET links = (SELECT footer_links FROM {source} WHERE id = %s)", [text.pk])


class Migration(migrations.Migration):
    dependencies = [("core", "0013_site_texts")]

    operations = [migrations.RunPython(copy_texts, copy_back)]
