from django.db import migrations

def load(apps, schema_editor):
    from promises.reference_data import load_standard_focus_areas

    load_standard_focus_areas(apps)


class Migration(migrations.Migration):
    dependencies = [("promises", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
