"""The staff user's own reminder settings, under /personal/paminnelser/."""

from django.urls import path

from notifications import staff_views

app_name = "notifications_staff"
urlpatterns = [
    path("", staff_views.reminder_settings, name="reminder_settings"),
]
