"""Sections of a survey: pages or matrices; add, change, move, delete."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import form_page, posted
from surveys.access import Need, get_section_for_user, get_survey_for_user
from surveys.builder import BuilderError
from surveys.builder.questions import add_section, change_section, delete_section, move_section
from surveys.forms.builder_surveys import SectionForm
from surveys.views.builder_common import attempt, builder_url, step_of


@login_required
@require_http_methods(["GET", "POST"])
def section_create(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    form = SectionForm(posted(request))
    if form.is_valid():
        try:
            section = add_section(survey=survey, user=request.user, **form.cleaned_data)
        except BuilderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Avsnittet är tillagt. Lägg till frågor i det."))
            return redirect(builder_url(survey, f"avsnitt-{section.pk}"))
    return form_page(
        request,
        form,
        title=_("Nytt avsnitt"),
        intro=_("Ett avsnitt blir en sida i enkäten, eller en matris med frågor som delar skala."),
        submit=_("Lägg till avsnittet"),
        cancel_url=builder_url(survey),
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = get_section_for_user(request.user, pk)
    initial = {
        "title": section.title.get("sv", ""),
        "kind": section.kind,
        "intro": section.intro.get("sv", ""),
    }
    form = SectionForm(posted(request), initial=initial)
    if form.is_valid():
        try:
            change_section(
                survey=section.survey, user=request.user, section=section, **form.cleaned_data
            )
        except BuilderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Avsnittet är ändrat."))
            return redirect(builder_url(section.survey, f"avsnitt-{section.pk}"))
    return form_page(
        request,
        form,
        title=_("Ändra avsnittet"),
        submit=_("Spara ändringarna"),
        cancel_url=builder_url(section.survey),
    )


@login_required
@require_POST
def section_move(request: HttpRequest, pk: int) -> HttpResponse:
    section = get_section_for_user(request.user, pk)
    return attempt(
        request,
        lambda: move_section(
            survey=section.survey, user=request.user, section=section, step=step_of(request)
        ),
        _("Avsnittet ”%(title)s” är flyttat.") % {"title": section},
        builder_url(section.survey, f"avsnitt-{section.pk}"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    section = get_section_for_user(request.user, pk)
    if request.method == "POST":
        return attempt(
            request,
            lambda: delete_section(survey=section.survey, user=request.user, section=section),
            _("Avsnittet ”%(title)s” är borttaget.") % {"title": section},
            builder_url(section.survey),
        )
    count = section.questions.count()
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort avsnittet ”%(title)s”?") % {"title": section},
        intro=_(
            "Avsnittet och dess %(count)s frågor tas bort ur undersökningen. Frågorna finns kvar i frågebanken."
        )
        % {"count": count},
        submit=_("Ta bort avsnittet"),
        danger=True,
        cancel_url=builder_url(section.survey),
    )
