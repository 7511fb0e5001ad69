"""Following by e-mail (public), under /folj/."""

from django.urls import path

from notifications import views

app_name = "notifications"
urlpatterns = [
    path("kommun/<slug:slug>/", views.follow_municipality, name="follow_municipality"),
    path("kommun/<slug:slug>/skickat/", views.municipality_sent, name="municipality_sent"),
    path("medborgarlofte/<int:pk>/", views.follow_promise, name="follow_promise"),
    path("medborgarlofte/<int:pk>/skickat/", views.promise_sent, name="promise_sent"),
    path("bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("avslutad/", views.unsubscribed, name="unsubscribed"),
]
