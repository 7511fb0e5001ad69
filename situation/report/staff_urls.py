"""Staff pages of the lägesbild itself, under /personal/lagesbild/rapporter/."""

from django.urls import path

from situation.report import views

app_name = "situation_report"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("ny/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/andra/", views.report_edit, name="edit"),
    path("<int:pk>/text/<slug:part>/", views.report_text, name="text"),
    path("<int:pk>/publicera/", views.report_publish, name="publish"),
    path("<int:pk>/ta-bort/", views.report_delete, name="delete"),
    path("<int:pk>/lagesbild.pdf", views.report_pdf, name="pdf"),
    path("<int:pk>/fokusomraden/nytt/", views.focus_area_create, name="focus_area_create"),
    path(
        "<int:pk>/fokusomraden/<int:focus_pk>/andra/",
        views.focus_area_edit,
        name="focus_area_edit",
    ),
    path(
        "<int:pk>/fokusomraden/<int:focus_pk>/ta-bort/",
        views.focus_area_delete,
        name="focus_area_delete",
    ),
    path(
        "<int:pk>/fokusomraden/<int:focus_pk>/nytt-lofte/",
        views.focus_area_promise,
        name="focus_area_promise",
    ),
]
