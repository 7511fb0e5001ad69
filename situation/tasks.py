"""The lägesbild's background tasks (django-tasks; see core.tasks for the progress they
report). Arguments are ids and tokens, never file contents: the upload waits in
core.PendingImport until the task has read it."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _
from django_tasks import task

from core.imports import ImportFile
from core.imports.report import error_lines
from core.models import PendingImport, TaskProgress
from core.tasks import Progress
from organisations.auditlog import acting_via
from situation.imports.crime_statistics import CrimeStatisticsImporter
from situation.imports.police_events import PoliceEventImporter, event_counts
from situation.imports.population import PopulationImporter

POLICE_EVENTS = "police_events"


@task()
def import_police_events(progress_id: str, pending_token: str) -> dict:
    progress = Progress(progress_id)
    row = TaskProgress.objects.select_related("user").get(pk=progress_id)
    pending = PendingImport.objects.filter(token=pending_token, user=row.user).first()
    if pending is None:
        progress.fail(_("Den uppladdade filen finns inte kvar. Ladda upp den igen."))
        return {}
    source = ImportFile(name=pending.file_name, content=bytes(pending.content))
    progress.running(_("Läser %(file)s …") % {"file": source.name})
    importer = PoliceEventImporter(
        user=row.user, on_read=lambda done, total: progress.step(done, total, _("Läser"))
    )
    try:
        with acting_via(_("webbimport: %(file)s") % {"file": source.name}):
            plan = importer.run(
                source, on_progress=lambda done, total: progress.step(done, total, _("Sparar"))
            )
    except Exception:
        progress.fail(_("Importen avbröts av ett oväntat fel. Ingenting sparades."))
        raise
    finally:
        pending.delete()
    if plan.errors:
        progress.fail(
            _("%(n)s fel i filen. Ingenting sparades.") % {"n": len(plan.errors)},
            error_lines(plan),
        )
        return {}
    result = {**event_counts(plan).__dict__, "already_imported": plan.previous is not None}
    return progress.finish(result, _("Klart."))


CRIME_STATISTICS = "crime_statistics"
POPULATION = "population"


def statistics_importer(
    kind: str, user: AbstractBaseUser | None
) -> CrimeStatisticsImporter | PopulationImporter:
    importers = {CRIME_STATISTICS: CrimeStatisticsImporter, POPULATION: PopulationImporter}
    return importers[kind](user=user)


@task()
def import_statistics(progress_id: str, pending_token: str, kind: str) -> dict:
    """Brå's crime tables or SCB's population, as `manage.py import_crime_statistics` and
    `import_population` read them."""
    progress = Progress(progress_id)
    row = TaskProgress.objects.select_related("user").get(pk=progress_id)
    pending = PendingImport.objects.filter(token=pending_token, user=row.user).first()
    if pending is None:
        progress.fail(_("Den uppladdade filen finns inte kvar. Ladda upp den igen."))
        return {}
    source = ImportFile(name=pending.file_name, content=bytes(pending.content))
    progress.running(_("Läser %(file)s …") % {"file": source.name})
    importer = statistics_importer(kind, row.user)
    try:
        with acting_via(_("webbimport: %(file)s") % {"file": source.name}):
            plan = importer.run(
                source, on_progress=lambda done, total: progress.step(done, total, _("Sparar"))
            )
    except Exception:
        progress.fail(_("Importen avbröts av ett oväntat fel. Ingenting sparades."))
        raise
    finally:
        pending.delete()
    if plan.errors:
        progress.fail(
            _("%(n)s fel i filen. Ingenting sparades.") % {"n": len(plan.errors)},
            error_lines(plan),
        )
        return {}
    result = {
        "created": len(importer.created) if plan.record else 0,
        "updated": len(importer.updated) if plan.record else 0,
        "unchanged": importer.unchanged,
        "already_imported": plan.previous is not None,
        "notes": [str(n) for n in plan.notes][:20],
    }
    return progress.finish(result, _("Klart."))
