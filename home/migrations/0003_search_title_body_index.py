"""A GIN index on the expression the database search filters by, on PostgreSQL.

Wagtail's database search on PostgreSQL matches `title || body` against the query, and its own GIN
indexes cover title and body one at a time, so every search read the whole index table; with an
index on the expression, a rare word at 10,000 pages is found in milliseconds. SQLite and
OpenSearch are unaffected.
"""

from django.db import migrations

INDEX = "home_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
