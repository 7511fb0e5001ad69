"""Staff pages for surveys, under /personal/undersokningar/."""

from django.urls import include, path

app_name = "surveys_staff"
urlpatterns: list = [
    # The survey builder, the question bank and the municipality's areas.
    path("", include("surveys.views.builder_urls")),
]
