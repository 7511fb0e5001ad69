from django.urls import path

from public import views
from public.feeds import PromiseUpdatesFeed

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("kommun/<str:key>/", views.municipality, name="municipality"),
    path("medborgarlofte/<int:pk>/", views.promise, name="promise"),
    path("medborgarlofte/<int:pk>/lattlast/", views.promise_plain, name="promise_plain"),
    path(
        "medborgarlofte/<int:pk>/version/<int:number>/",
        views.promise_revision,
        name="promise_revision",
    ),
    path("medborgarlofte/<int:pk>/flode/", PromiseUpdatesFeed(), name="promise_feed"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
]
