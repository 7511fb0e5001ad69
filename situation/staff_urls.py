"""Staff pages of the lägesbild, under /personal/lagesbild/."""

from django.urls import path

from situation import import_views, views

app_name = "situation_staff"
urlpatterns: list = [
    path("", views.staff_index, name="index"),
    path("importer/", import_views.import_upload, name="import_upload"),
    path("importer/<uuid:pk>/", import_views.import_progress, name="import_progress"),
]
