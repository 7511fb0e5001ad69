"""Staff pages of the lägesbild, under /personal/lagesbild/."""

from django.urls import path

from situation import import_views, statistics_import_views, views
from situation.action_plans import views as plans
from situation.council import views as council

app_name = "situation_staff"
action_plan_urls = [
    path("atgardsplaner/", plans.action_plan_list, name="action_plan_list"),
    path("atgardsplaner/ny/", plans.action_plan_create, name="action_plan_create"),
    path("atgardsplaner/<int:pk>/", plans.action_plan_detail, name="action_plan_detail"),
    path("atgardsplaner/<int:pk>/andra/", plans.action_plan_edit, name="action_plan_edit"),
    path("atgardsplaner/<int:pk>/ta-bort/", plans.action_plan_delete, name="action_plan_delete"),
    path("atgardsplaner/<int:pk>/oversyn/", plans.action_plan_review, name="action_plan_review"),
    path("atgardsplaner/<int:pk>/atgarder/ny/", plans.measure_create, name="measure_create"),
    path(
        "atgardsplaner/<int:pk>/atgarder/<int:measure_pk>/andra/",
        plans.measure_edit,
        name="measure_edit",
    ),
    path(
        "atgardsplaner/<int:pk>/atgarder/<int:measure_pk>/ta-bort/",
        plans.measure_delete,
        name="measure_delete",
    ),
]

council_urls = [
    path("kommunfullmaktige/<int:pk>/", council.council_report_page, name="council_report"),
    path("kommunfullmaktige/<int:pk>/pdf/", council.council_report_pdf, name="council_report_pdf"),
]

urlpatterns: list = [
    path("", views.staff_index, name="index"),
    path("importer/", import_views.import_upload, name="import_upload"),
    path("importer/<uuid:pk>/", import_views.import_progress, name="import_progress"),
    path(
        "importer/<slug:what>/",
        statistics_import_views.statistics_upload,
        name="statistics_upload",
    ),
    path(
        "importer/<slug:what>/<uuid:pk>/",
        statistics_import_views.statistics_progress,
        name="statistics_progress",
    ),
    *action_plan_urls,
    *council_urls,
]
