from django.db import migrations


def load(apps, schema_editor):
    from situation.reference_data import load_crime_categories

    load_crime_categories(apps)


class Migration(migrations.Migration):
    dependencies = [("situation", "0002_police_api_calls")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
