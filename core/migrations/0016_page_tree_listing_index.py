"""A covering index on Wagtail's page table for the listings, on PostgreSQL.

Every listing joins its pages' rows for the tree and the state (`child_of`: path and depth; `live`;
the locale), and counts them. The table's own path index holds only the path, so PostgreSQL read
every page row (about 10,000) for each count; this index holds the columns those joins read, so the
counts read the index alone. SQLite is unaffected.
"""

from django.db import migrations

INDEX = "core_page_tree_listing"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(path varchar_pattern_ops) INCLUDE (id, depth, live, locale_id, content_type_id)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("core", "0015_settings_keep_what_every_language_shares"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
