from django.db import migrations


def load(apps, schema_editor):
    from surveys.reference_data import load_question_bank

    load_question_bank(apps)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
