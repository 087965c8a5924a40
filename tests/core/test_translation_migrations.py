"""The migrations that make topics and the footer's words translatable keep what editors wrote:
existing topics become Swedish, and the footer and contact settings' texts become the Swedish SiteText."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("core", "0010_translatable_topics")]

# Migrating a database that earlier transactional tests emptied needs the rows the migrations made
# (the default site and locale): they are put back before the test and after it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_topics_become_swedish_and_the_settings_texts_move_to_a_swedish_site_text():
    old = _migrate(BEFORE)
    try:
        site = old.get_model("wagtailcore.Site").objects.get(is_default_site=True)
        old.get_model("core.Topic").objects.create(name="Demokrati", slug="demokrati")
        footer = old.get_model("core.FooterSettings").objects.create(
            site=site, organisation_name="Sveriges Kommuner och Regioner", phone="08-452 70 00"
        )
        # As stored JSON: a migration's StreamField knows no blocks (docs/migrations.md).
        links = [{"type": "link", "value": {"external_url": "https://example.se/press", "text": "Press"}, "id": "a1"}]
        with connection.cursor() as cursor:
            value = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
            sql = f"UPDATE core_footersettings SET links = {value} WHERE id = %s"
            cursor.execute(sql, [json.dumps(links), footer.pk])
        old.get_model("core.ContactSettings").objects.create(
            site=site, heading="Fråga oss", body="<p>Ring växeln.</p>", link_text="Kontaktvägar"
        )

        new = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

        topic = new.get_model("core.Topic").objects.get()
        assert topic.locale.language_code == "sv" and topic.translation_key is not None
        text = new.get_model("core.SiteText").objects.get()
        assert text.locale.language_code == "sv"
        assert (text.organisation_name, text.contact_heading, text.contact_body, text.contact_link_text) == (
            "Sveriges Kommuner och Regioner",
            "Fråga oss",
            "<p>Ring växeln.</p>",
            "Kontaktvägar",
        )
        assert new.get_model("core.FooterSettings").objects.get().phone == "08-452 70 00"
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from core.models import SiteText

    [link] = SiteText.objects.get().footer_links
    assert (link.value.url, link.value.label) == ("https://example.se/press", "Press")
