"""The survey list, a new survey, the builder page, the survey's own texts and deleting a draft."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.views import form_page, posted
from organisations.access import access_for, get_organisations_for_user
from organisations.models import Role
from surveys.access import Need, get_survey_for_user, visible_surveys
from surveys.builder import BuilderError
from surveys.builder.overview import builder_overview
from surveys.builder.surveys import (
    change_survey_texts,
    create_survey,
    delete_survey,
    why_not_deletable,
)
from surveys.forms.builder_surveys import SurveyCreateForm, SurveyTextsForm
from surveys.models import Survey
from surveys.views.builder_common import builder_url


@login_required
@require_GET
def survey_list(request: HttpRequest) -> HttpResponse:
    ids = [s.pk for s in visible_surveys(request.user)]
    surveys = (
        Survey.objects.filter(pk__in=ids)
        .select_related("organisation", "municipality")
        .annotate(question_count=Count("questions", distinct=True))
        .prefetch_related("waves")
    )
    return render(
        request,
        "surveys/builder/survey_list.html",
        {"surveys": surveys, "can_create": bool(access_for(request.user).org_ids(Role.EDITOR))},
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_create(request: HttpRequest) -> HttpResponse:
    organisations = get_organisations_for_user(request.user, Role.EDITOR)
    if not organisations:
        raise PermissionDenied(_("Bara redaktörer och administratörer kan skapa undersökningar."))
    form = SurveyCreateForm(posted(request), organisations=organisations)
    if form.is_valid():
        survey = create_survey(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Undersökningen är skapad. Gå igenom frågorna och förhandsgranska den."),
        )
        return redirect(builder_url(survey))
    return form_page(
        request,
        form,
        title=_("Ny trygghetsundersökning"),
        intro=_(
            "Välj en färdig mall eller börja tomt. Frågorna kan ändras tills den första "
            "omgången öppnas."
        ),
        submit=_("Skapa undersökningen"),
        cancel_url=reverse("surveys_staff:survey_list"),
    )


@login_required
@require_GET
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk)
    return render(
        request,
        "surveys/builder/survey_detail.html",
        builder_overview(request.user, survey),
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_texts(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    initial = {
        name: (getattr(survey, name) or {}).get("sv", "") for name in ("title", "intro", "thanks")
    }
    form = SurveyTextsForm(posted(request), initial=initial)
    if form.is_valid():
        change_survey_texts(survey=survey, user=request.user, **form.cleaned_data)
        messages.success(request, _("Texterna är sparade."))
        return redirect(builder_url(survey))
    return form_page(
        request,
        form,
        title=_("Rubrik och texter på svenska"),
        intro=_("Texterna på andra språk skriver du under Språk och översättningar."),
        submit=_("Spara texterna"),
        cancel_url=builder_url(survey),
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_delete(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_survey_for_user(request.user, pk, Need.EDIT)
    reason = why_not_deletable(survey)
    if request.method == "POST" and not reason:
        try:
            delete_survey(survey=survey, user=request.user)
        except BuilderError as error:  # a wave opened meanwhile
            messages.error(request, str(error))
            return redirect(builder_url(survey))
        messages.success(request, _("Undersökningen ”%(title)s” är borttagen.") % {"title": survey})
        return redirect("surveys_staff:survey_list")
    if reason:
        messages.error(request, reason)
        return redirect(builder_url(survey))
    return form_page(
        request,
        forms.Form(),
        title=_("Ta bort undersökningen ”%(title)s”?") % {"title": survey},
        submit=_("Ta bort undersökningen"),
        danger=True,
        intro=_(
            "Undersökningen tas bort med sina avsnitt, frågor, språk och %(n)s omgångar som "
            "aldrig har öppnats. Frågorna finns kvar i frågebanken. Det går inte att ångra."
        )
        % {"n": survey.waves.count()},
        cancel_url=builder_url(survey),
    )
