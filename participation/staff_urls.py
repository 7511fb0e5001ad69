"""Staff pages: dialogues, safety walks, the moderation of residents' reports."""

from django.urls import path

from participation.dialogues import views as dialogues
from participation.moderation import template_views as templates
from participation.moderation import views as moderation
from participation.walks import stop_views as stops
from participation.walks import views as walks

app_name = "participation_staff"

dialogue_urls = [
    path("dialoger/", dialogues.dialogue_list, name="dialogue_list"),
    path("dialoger/ny/", dialogues.dialogue_create, name="dialogue_create"),
    path("dialoger/<int:pk>/", dialogues.dialogue_detail, name="dialogue_detail"),
    path("dialoger/<int:pk>/andra/", dialogues.dialogue_edit, name="dialogue_edit"),
    path("dialoger/<int:pk>/publicering/", dialogues.dialogue_publish, name="dialogue_publish"),
    path("dialoger/<int:pk>/ta-bort/", dialogues.dialogue_delete, name="dialogue_delete"),
    path("dialoger/<int:pk>/synpunkter/ny/", dialogues.remark_create, name="remark_create"),
    path(
        "dialoger/<int:pk>/synpunkter/<int:remark_pk>/andra/",
        dialogues.remark_edit,
        name="remark_edit",
    ),
    path(
        "dialoger/<int:pk>/synpunkter/<int:remark_pk>/ta-bort/",
        dialogues.remark_delete,
        name="remark_delete",
    ),
]

walk_urls = [
    path("trygghetsvandringar/", walks.walk_list, name="walk_list"),
    path("trygghetsvandringar/ny/", walks.walk_create, name="walk_create"),
    path("trygghetsvandringar/<int:pk>/", walks.walk_detail, name="walk_detail"),
    path("trygghetsvandringar/<int:pk>/andra/", walks.walk_edit, name="walk_edit"),
    path("trygghetsvandringar/<int:pk>/publicering/", walks.walk_publish, name="walk_publish"),
    path("trygghetsvandringar/<int:pk>/ta-bort/", walks.walk_delete, name="walk_delete"),
    path("trygghetsvandringar/<int:pk>/aterbesok/", walks.walk_revisit, name="walk_revisit"),
    path("trygghetsvandringar/<int:pk>/stopp/ny/", stops.stop_create, name="stop_create"),
    path(
        "trygghetsvandringar/<int:pk>/stopp/<int:stop_pk>/andra/",
        stops.stop_edit,
        name="stop_edit",
    ),
    path(
        "trygghetsvandringar/<int:pk>/stopp/<int:stop_pk>/ta-bort/",
        stops.stop_delete,
        name="stop_delete",
    ),
    path(
        "trygghetsvandringar/<int:pk>/stopp/<int:stop_pk>/atgard/ny/",
        stops.action_create,
        name="action_create",
    ),
    path(
        "trygghetsvandringar/<int:pk>/atgard/<int:action_pk>/andra/",
        stops.action_edit,
        name="action_edit",
    ),
    path(
        "trygghetsvandringar/<int:pk>/atgard/<int:action_pk>/ta-bort/",
        stops.action_delete,
        name="action_delete",
    ),
]

report_urls = [
    path("rapporter/", moderation.report_queue, name="report_queue"),
    path("rapporter/<int:pk>/", moderation.report_detail, name="report_detail"),
    path("rapporter/<int:pk>/foto/", moderation.report_photo, name="report_photo"),
    path(
        "rapporter/<int:pk>/foto/<slug:action>/",
        moderation.report_photo_action,
        name="report_photo_action",
    ),
    path("rapporter/<int:pk>/text/", moderation.report_redact, name="report_redact"),
    path("rapporter/<int:pk>/godkann/", moderation.report_approve, name="report_approve"),
    path("rapporter/<int:pk>/avvisa/", moderation.report_reject, name="report_reject"),
    path("rapporter/<int:pk>/plats/", moderation.report_precision, name="report_precision"),
    path("rapporter/<int:pk>/status/", moderation.report_status, name="report_status"),
    path("rapporter/<int:pk>/ansvarig/", moderation.report_route, name="report_route"),
    path("svarsmallar/", templates.template_list, name="template_list"),
    path("svarsmallar/ny/", templates.template_create, name="template_create"),
    path("svarsmallar/<int:pk>/andra/", templates.template_edit, name="template_edit"),
    path("svarsmallar/<int:pk>/ta-bort/", templates.template_delete, name="template_delete"),
]

urlpatterns: list = [*dialogue_urls, *walk_urls, *report_urls]
