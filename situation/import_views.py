"""Importing data for the lägesbild from the web: upload a file, follow the background task
that reads it, see what it stored or why it stored nothing."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from core.imports import FileRefused, ImportFile, require_suffix
from core.imports.uploads import stash_upload
from core.tasks import get_progress_for_user, progress_context, start_task
from core.views import posted
from situation import tasks
from situation.access import can_import
from situation.imports.police_events import PoliceEventImporter


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Polisens händelser (JSON eller JSON.GZ)"),
        help_text=gettext_lazy(
            "En fil i polisens API-format, t.ex. en nedladdning från polisen.se/api/events. "
            "Händelser som redan finns läses inte in igen."
        ),
    )

    def clean_file(self) -> ImportFile:
        try:
            source = ImportFile.from_upload(self.cleaned_data["file"])
            require_suffix(source, PoliceEventImporter.suffixes)
        except FileRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return source


def _check(request: HttpRequest) -> None:
    if not can_import(request.user):
        raise PermissionDenied(_("Bara redaktörer i en kommun eller hos polisen kan läsa in data."))


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = UploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["file"]
        pending = stash_upload(
            user=request.user, kind=tasks.POLICE_EVENTS, target="", source=source
        )
        progress = start_task(
            tasks.import_police_events,
            str(pending.token),
            kind=tasks.POLICE_EVENTS,
            user=request.user,
            message=_("Väntar på att läsa %(file)s …") % {"file": source.name},
        )
        return redirect("situation_staff:import_progress", pk=progress.pk)
    status = 400 if form.is_bound else 200
    return render(request, "situation/import_upload.html", {"form": form}, status=status)


@login_required
@require_GET
def import_progress(request: HttpRequest, pk: str) -> HttpResponse:
    _check(request)
    progress = get_progress_for_user(request.user, pk, tasks.POLICE_EVENTS)
    return render(request, "situation/import_progress.html", progress_context(progress))
