"""The staff pages (arbetsyta), under /personal/."""

from django.urls import path

from organisations import account_views
from organisations import views as org_views
from promises.views import (
    activities,
    agreements,
    commitments,
    dashboard,
    followups,
    indicators,
    lifecycle,
    promises,
    spreadsheet,
)

app_name = "staff"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("handelselogg/", dashboard.audit_log, name="audit_log"),
    path("konto/", account_views.account, name="account"),
    path("konto/mina-uppgifter.json", account_views.account_export, name="account_export"),
    path("konto/radera/", account_views.account_erase, name="account_erase"),
    path("fokusomraden/", dashboard.focus_area_list, name="focus_area_list"),
    path("fokusomraden/nytt/", dashboard.focus_area_create, name="focus_area_create"),
    # Agreements
    path("overenskommelser/", agreements.agreement_list, name="agreement_list"),
    path("overenskommelser/ny/", agreements.agreement_create, name="agreement_create"),
    path("overenskommelser/<int:pk>/", agreements.agreement_detail, name="agreement_detail"),
    path("overenskommelser/<int:pk>/andra/", agreements.agreement_edit, name="agreement_edit"),
    path("overenskommelser/<int:pk>/grupper/ny/", agreements.group_create, name="group_create"),
    path("grupper/<int:pk>/andra/", agreements.group_edit, name="group_edit"),
    path("grupper/<int:pk>/ta-bort/", agreements.group_delete, name="group_delete"),
    # Promises and their lifecycle
    path("loften/", promises.promise_list, name="promise_list"),
    path("loften/nytt/", promises.promise_create, name="promise_create"),
    path("loften/<int:pk>/", promises.promise_detail, name="promise_detail"),
    path("loften/<int:pk>/andra/", promises.promise_edit, name="promise_edit"),
    path("loften/<int:pk>/anta/", lifecycle.promise_adopt, name="promise_adopt"),
    path(
        "loften/<int:pk>/till-utkast/",
        lifecycle.promise_return_to_draft,
        name="promise_return_to_draft",
    ),
    path("loften/<int:pk>/publicera/", lifecycle.promise_publish, name="promise_publish"),
    path("loften/<int:pk>/avsluta/", lifecycle.promise_conclude, name="promise_conclude"),
    path("loften/<int:pk>/forlang/", lifecycle.promise_extend, name="promise_extend"),
    path("loften/<int:pk>/ersatt/", lifecycle.promise_replace, name="promise_replace"),
    # Commitments
    path(
        "loften/<int:pk>/ataganden/nytt/", commitments.commitment_create, name="commitment_create"
    ),
    path("ataganden/<int:pk>/andra/", commitments.commitment_edit, name="commitment_edit"),
    path("ataganden/<int:pk>/ta-bort/", commitments.commitment_delete, name="commitment_delete"),
    # Activity plan and progress
    path("aktiviteter/", activities.my_activities, name="my_activities"),
    path("ataganden/<int:pk>/aktiviteter/ny/", activities.activity_create, name="activity_create"),
    path("aktiviteter/<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("aktiviteter/<int:pk>/andra/", activities.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/ta-bort/", activities.activity_delete, name="activity_delete"),
    path("aktiviteter/<int:pk>/lagesrapport/", activities.progress_create, name="progress_create"),
    path("lagesrapporter/<int:pk>/granska/", activities.progress_review, name="progress_review"),
    path(
        "loften/<int:pk>/planrevision/ny/",
        followups.plan_revision_create,
        name="plan_revision_create",
    ),
    # The activity plan as a spreadsheet
    path("loften/<int:pk>/aktivitetsplan.<str:fmt>", spreadsheet.plan_export, name="plan_export"),
    path("loften/<int:pk>/aktivitetsplan/las-in/", spreadsheet.plan_import, name="plan_import"),
    path(
        "loften/<int:pk>/aktivitetsplan/las-in/<uuid:token>/",
        spreadsheet.plan_import_preview,
        name="plan_import_preview",
    ),
    # Follow-up and indicators
    path("loften/<int:pk>/uppfoljningar/ny/", followups.follow_up_create, name="follow_up_create"),
    path("uppfoljningar/<int:pk>/", followups.follow_up_detail, name="follow_up_detail"),
    path("uppfoljningar/<int:pk>/andra/", followups.follow_up_edit, name="follow_up_edit"),
    path(
        "uppfoljningar/<int:pk>/publicering/", followups.follow_up_publish, name="follow_up_publish"
    ),
    path("loften/<int:pk>/indikatorer/ny/", indicators.indicator_create, name="indicator_create"),
    path("indikatorer/<int:pk>/andra/", indicators.indicator_edit, name="indicator_edit"),
    path(
        "indikatorer/<int:pk>/matvarden/nytt/",
        indicators.measurement_create,
        name="measurement_create",
    ),
    # Organisations and contacts
    path("organisationer/<int:pk>/", org_views.organisation_detail, name="organisation_detail"),
    path("kontakter/", org_views.contact_list, name="contact_list"),
    path("kontakter/ny/", org_views.contact_create, name="contact_create"),
    path("kontakter/<int:pk>/andra/", org_views.contact_edit, name="contact_edit"),
    path("kontakter/<int:pk>/ta-bort/", org_views.contact_delete, name="contact_delete"),
]
