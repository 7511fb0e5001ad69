from django.db import migrations


def load(apps, schema_editor):
    from participation.reference_data import load_report_categories

    load_report_categories(apps)


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
