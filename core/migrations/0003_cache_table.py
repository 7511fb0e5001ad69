"""The database cache's table (CACHE_URL=db://, the default when DEBUG=0; config/cache_url.py),
so that `manage.py migrate` makes it and no separate createcachetable step is needed. Always the
default table django_cache, plus any other table a db:// cache names (for a table named later,
run `manage.py createcachetable`)."""

from django.conf import settings
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

from config.cache_url import database_tables


def _tables() -> list[str]:
    return database_tables(settings.CACHES)


def create_cache_tables(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    for table in _tables():
        command.create_table(schema_editor.connection.alias, table, dry_run=False)


def drop_cache_tables(apps, schema_editor):
    existing = schema_editor.connection.introspection.table_names()
    for table in _tables():
        if table in existing:
            schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(table)}")


class Migration(migrations.Migration):
    dependencies = [("core", "0002_task_progress")]

    operations = [migrations.RunPython(create_cache_tables, drop_cache_tables)]
