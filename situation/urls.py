"""Public pages of the lägesbild, under /lagesbild/."""

from django.urls import path

from situation import views

app_name = "situation"
urlpatterns: list = [
    path("", views.index, name="index"),
]
