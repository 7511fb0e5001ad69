"""The audit trail of the statistics imports: the import itself (who, which file, how much) and
each figure it replaced, readable by the municipalities whose figures they are."""

from core.imports import Importer, Plan
from core.models import ImportRecord
from organisations import auditlog
from organisations.models import Organisation


def municipality_parties(municipality_ids: set[int]) -> dict[int, list[int]]:
    """The municipalities' own organisations, by municipality."""
    found: dict[int, list[int]] = {}
    for org in Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, municipality_id__in=municipality_ids
    ):
        found.setdefault(org.municipality_id, []).append(org.pk)
    return found


def audit_import(
    importer: Importer, record: ImportRecord, plan: Plan, municipality_ids: set[int], action: str
) -> None:
    parties = municipality_parties(municipality_ids)
    auditlog.record(
        actor=importer.user,
        action=action,
        obj=record,
        parties=sorted({p for ids in parties.values() for p in ids}),
        after={
            "fil": plan.file_name,
            "nya": len(importer.created),
            "ändrade": len(importer.updated),
            "oförändrade": importer.unchanged,
        },
    )
