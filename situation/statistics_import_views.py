"""Importing Brå's crime tables and SCB's population from the web, through the same background
task and progress page machinery as the police events (core.tasks)."""

from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from core.imports import FileRefused, ImportFile, require_suffix
from core.imports.uploads import stash_upload
from core.tasks import get_progress_for_user, progress_context, start_task
from situation import tasks
from situation.access import can_import


@dataclass(frozen=True)
class Kind:
    key: str
    title: LazyText
    label: LazyText
    help: LazyText


KINDS = {
    "brottsstatistik": Kind(
        tasks.CRIME_STATISTICS,
        gettext_lazy("Läs in Brås statistik över anmälda brott"),
        gettext_lazy("Brås tabell över anmälda brott (CSV eller XLSX)"),
        gettext_lazy(
            "Kolumnerna kommunkod, period (2024, 2024K2 eller 2024M03), brottskategori och "
            "antal och/eller per 100 000 invånare – eller en kolumn per period. Markeringarna "
            ".., XX och . läses som de är."
        ),
    ),
    "folkmangd": Kind(
        tasks.POPULATION,
        gettext_lazy("Läs in folkmängd per kommun och år"),
        gettext_lazy("SCB:s tabell över folkmängden (CSV eller XLSX)"),
        gettext_lazy(
            "Kolumnen region (t.ex. ”1419 Tjörn”) och ett år per kolumn, som SCB:s "
            "statistikdatabas ger den, eller kolumnerna region, år och folkmängd."
        ),
    ),
}


def _kind(request: HttpRequest, what: str) -> Kind:
    if what not in KINDS:
        raise Http404
    if not can_import(request.user):
        raise PermissionDenied(_("Bara redaktörer i en kommun eller hos polisen kan läsa in data."))
    return KINDS[what]


class StatisticsUploadForm(forms.Form):
    file = forms.FileField()

    def __init__(self, *args: object, kind: Kind, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = kind.label
        self.fields["file"].help_text = kind.help

    def clean_file(self) -> ImportFile:
        try:
            source = ImportFile.from_upload(self.cleaned_data["file"])
            require_suffix(source, (".csv", ".xlsx"))
        except FileRefused as refused:
            raise forms.ValidationError(str(refused)) from refused
        return source


@login_required
@require_http_methods(["GET", "POST"])
def statistics_upload(request: HttpRequest, what: str) -> HttpResponse:
    kind = _kind(request, what)
    form = StatisticsUploadForm(request.POST or None, request.FILES or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        source = form.cleaned_data["file"]
        pending = stash_upload(user=request.user, kind=kind.key, target="", source=source)
        progress = start_task(
            tasks.import_statistics,
            str(pending.token),
            kind.key,
            kind=kind.key,
            user=request.user,
            message=_("Väntar på att läsa %(file)s …") % {"file": source.name},
        )
        return redirect("situation_staff:statistics_progress", what=what, pk=progress.pk)
    status = 400 if form.is_bound else 200
    context = {"form": form, "kind": kind, "what": what}
    return render(request, "situation/statistics_upload.html", context, status=status)


@login_required
@require_GET
def statistics_progress(request: HttpRequest, what: str, pk: str) -> HttpResponse:
    kind = _kind(request, what)
    progress = get_progress_for_user(request.user, pk, kind.key)
    context = progress_context(progress) | {"kind": kind, "what": what}
    return render(request, "situation/statistics_progress.html", context)
