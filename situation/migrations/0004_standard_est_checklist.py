from django.db import migrations


def load(apps, schema_editor):
    from situation.est.reference_data import load_est_categories

    load_est_categories(apps)


class Migration(migrations.Migration):
    dependencies = [("situation", "0003_est_places_and_hot_spot_places")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
