"""The bank's "how many times" items (utsatt_*_antal) take whole numbers only.

A version no wave has asked yet is corrected in place; one a wave has asked keeps what it was
and gets a new version, so results still say which version was asked (the bank's edit rule).
"""

from django.db import migrations

CODES = ["utsatt_inbrott_antal", "utsatt_misshandel_antal", "utsatt_hot_antal"]


def whole_numbers(apps, schema_editor):
    Item = apps.get_model("surveys", "Item")
    ItemVersion = apps.get_model("surveys", "ItemVersion")
    Wave = apps.get_model("surveys", "Wave")
    asked = {
        version_id
        for versions in Wave.objects.exclude(status="draft").values_list(
            "question_versions", flat=True
        )
        for version_id in (versions or {}).values()
    }
    for item in Item.objects.filter(organisation=None, code__in=CODES):
        latest = ItemVersion.objects.filter(item=item).order_by("-number").first()
        if latest is None or (latest.constraints or {}).get("integer"):
            continue
        constraints = {**(latest.constraints or {}), "integer": True}
        if latest.pk not in asked:
            latest.constraints = constraints
            latest.save(update_fields=["constraints"])
            continue
        ItemVersion.objects.create(
            item=item,
            number=latest.number + 1,
            wording=latest.wording,
            help=latest.help,
            options=latest.options,
            constraints=constraints,
        )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0003_question_translations_for_added_languages")]

    operations = [migrations.RunPython(whole_numbers, migrations.RunPython.noop)]
