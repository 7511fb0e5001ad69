"""EST staff pages, under /personal/lagesbild/est/."""

from django.urls import path

from situation.est import analysis_views, views, week_views

app_name = "est_staff"
urlpatterns = [
    path("", views.est_index, name="index"),
    path("ny/", views.observation_create, name="observation_create"),
    path("vecka/", views.current_week, name="current_week"),
    path("vecka/<int:year>-<int:week>/", week_views.week, name="week"),
    path(
        "vecka/<int:year>-<int:week>/sammanstallning/",
        week_views.compilation_save,
        name="compilation_save",
    ),
    path("analys/", analysis_views.analysis_current, name="analysis_current"),
    path("analys/<str:period>/", analysis_views.analysis, name="analysis"),
    path("checklista/<int:pk>/", views.checklist, name="checklist"),
    path("checklista/<int:pk>/ny/", views.category_create, name="category_create"),
    path(
        "checklista/<int:pk>/punkt/<int:category_pk>/andra/",
        views.category_edit,
        name="category_edit",
    ),
]
