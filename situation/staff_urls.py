"""Staff pages of the lägesbild, under /personal/lagesbild/."""

from django.urls import path

from situation import views

app_name = "situation_staff"
urlpatterns: list = [
    path("", views.staff_index, name="index"),
]
