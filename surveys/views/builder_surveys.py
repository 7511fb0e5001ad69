"""The survey list, a new survey, the builder page and the survey's own texts."""

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
from surveys.builder.overview import builder_overview
from surveys.builder.surveys import change_survey_texts, create_survey
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
