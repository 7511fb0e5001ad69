"""Loads the standard question bank (surveys.bank_data) into Item and ItemVersion.

Used by a data migration with the historical `apps` registry; idempotent: an item that exists
keeps its versions (a changed wording in bank_data becomes a new version only through the bank's
edit rule, never by overwriting what has been asked).
"""

from surveys.bank_data import QUESTION_BANK


def load_question_bank(apps: object) -> None:
    Item = apps.get_model("surveys", "Item")
    ItemVersion = apps.get_model("surveys", "ItemVersion")
    for entry in QUESTION_BANK:
        item, created = Item.objects.get_or_create(
            code=entry["code"],
            organisation=None,
            defaults={"kind": entry["kind"], "topic": entry.get("topic", "")},
        )
        if created or not ItemVersion.objects.filter(item=item).exists():
            ItemVersion.objects.create(
                item=item,
                number=1,
                wording=entry["wording"],
                help=entry.get("help", {}),
                options=entry.get("options", []),
                constraints=entry.get("constraints", {}),
            )
